/**
 * An error answer in Discord's JSON shape (`{ code, message, errors? }`), thrown by route handlers and written
 * by the REST server; discord.js turns it into a `DiscordAPIError` carrying the same `code` and `status`.
 */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: unknown,
  ) {
    super(message);
  }

  get body(): { code: number; message: string; errors?: unknown } {
    return this.errors === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, errors: this.errors };
  }
}

/** The JSON error codes Discord documents, for the failures the harness reproduces. */
export const discordErrors = {
  notFound: () => new DiscordHttpError(404, 0, "404: Not Found"),
  unknownApplication: () => new DiscordHttpError(404, 10002, "Unknown Application"),
  unknownChannel: () => new DiscordHttpError(404, 10003, "Unknown Channel"),
  unknownMember: () => new DiscordHttpError(404, 10007, "Unknown Member"),
  unknownMessage: () => new DiscordHttpError(404, 10008, "Unknown Message"),
  unknownUser: () => new DiscordHttpError(404, 10013, "Unknown User"),
  unknownWebhook: () => new DiscordHttpError(404, 10015, "Unknown Webhook"),
  unknownInteraction: () => new DiscordHttpError(404, 10062, "Unknown interaction"),
  alreadyAcknowledged: () => new DiscordHttpError(400, 40060, "Interaction has already been acknowledged."),
  missingAccess: () => new DiscordHttpError(403, 50001, "Missing Access"),
  cannotEditOthersMessage: () => new DiscordHttpError(403, 50005, "Cannot edit a message authored by another user"),
  emptyMessage: () => new DiscordHttpError(400, 50006, "Cannot send an empty message"),
  cannotMessageUser: () => new DiscordHttpError(403, 50007, "Cannot send messages to this user"),
  nonTextChannel: () => new DiscordHttpError(400, 50008, "Cannot send messages in a non-text channel"),
  missingPermissions: () => new DiscordHttpError(403, 50013, "Missing Permissions"),
  wrongChannelType: () => new DiscordHttpError(400, 50024, "Cannot execute action on this channel type"),
  threadArchived: () => new DiscordHttpError(400, 50083, "Thread is archived"),
  /** 50035 names the offending field by its path in the body, e.g. `embeds.0.description`. */
  invalidForm: (path: readonly (string | number)[], code: string, message: string) => {
    const errors = path.reduceRight<unknown>((inner, key) => ({ [String(key)]: inner }), {
      _errors: [{ code, message }],
    });
    return new DiscordHttpError(400, 50035, "Invalid Form Body", errors);
  },
};
