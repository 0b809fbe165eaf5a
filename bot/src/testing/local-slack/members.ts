/** A person in a workspace, as a test describes them (Slack's own field names). */
export interface SlackMemberInput {
  /** "U…"; minted when absent. */
  readonly id?: string;
  /** The handle ("ana.g"). */
  readonly name: string;
  readonly real_name?: string;
  readonly is_admin?: boolean;
  readonly is_owner?: boolean;
  /** An IANA time zone ("Europe/Paris"); Slack derives `tz_label` and `tz_offset` from it. */
  readonly tz?: string;
  readonly email?: string;
  readonly is_bot?: boolean;
}

/** A user object as users.info and users.list return it. */
export interface SlackUser {
  readonly id: string;
  readonly team_id: string;
  readonly name: string;
  readonly deleted: boolean;
  readonly real_name: string;
  readonly tz: string;
  readonly tz_label: string;
  readonly tz_offset: number;
  readonly is_admin: boolean;
  readonly is_owner: boolean;
  readonly is_primary_owner: boolean;
  readonly is_bot: boolean;
  readonly is_app_user: boolean;
  readonly profile: {
    readonly real_name: string;
    readonly display_name: string;
    readonly email?: string;
    readonly bot_id?: string;
    readonly image_72: string;
  };
}

export function slackUser(teamId: string, id: string, input: SlackMemberInput, botId?: string): SlackUser {
  const tz = input.tz ?? "America/Los_Angeles";
  const realName = input.real_name ?? input.name;
  return {
    id,
    team_id: teamId,
    name: input.name,
    deleted: false,
    real_name: realName,
    tz,
    tz_label: zoneLabel(tz),
    tz_offset: zoneOffsetSeconds(tz),
    // Slack's owners are admins too: an app checking is_admin must not lock the owner out.
    is_admin: input.is_admin ?? input.is_owner ?? false,
    is_owner: input.is_owner ?? false,
    is_primary_owner: false,
    is_bot: input.is_bot ?? false,
    is_app_user: false,
    profile: {
      real_name: realName,
      display_name: input.name,
      ...(input.email === undefined ? {} : { email: input.email }),
      ...(botId === undefined ? {} : { bot_id: botId }),
      image_72: `https://avatars.slack-edge.local/${id}_72.png`,
    },
  };
}

/** Seconds east of UTC right now, as Slack's `tz_offset` (it follows daylight saving time). */
function zoneOffsetSeconds(tz: string, at = new Date()): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" }).formatToParts(at);
  const name = parts.find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (match === null) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === "-" ? -seconds : seconds;
}

function zoneLabel(tz: string, at = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "long" }).formatToParts(at);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? tz;
}
