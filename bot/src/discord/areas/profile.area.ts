import { DomainError, translate, visibilities, type ProfilePatch, type Visibility } from "@skillswap/core";
import type { BotArea } from "../interactions/handlers.js";
import { say, type Reply } from "../interactions/replies.js";
import { profileForm, profileFormFields, profileFormRoute } from "../renderers/profile-form.js";
import { profileReply } from "../renderers/profile-reply.js";
import { discordNameOf, skillswapHandleOf } from "./skillswap-person.js";

const isVisibility = (text: string): text is Visibility => (visibilities as readonly string[]).includes(text);

/** Visibility is typed in a text box (modal selects are not on every client); blank keeps the current one. */
function visibilityOf(typed: string): Visibility | undefined {
  const text = typed.trim().toLowerCase();
  if (text === "") return undefined;
  if (isVisibility(text)) return text;
  throw new DomainError("invalid", "PROFILE.INVALID", "error.invalid", { fields: "visibility" }, [
    { field: "visibility", message: translate("bot.profile_visibility_hint") },
  ]);
}

/** A yes or a no, typed for the same reason; blank keeps the current choice. */
function yesOrNoOf(typed: string): boolean | undefined {
  const text = typed.trim().toLowerCase();
  if (text === "") return undefined;
  if (["yes", "y", "true", "on"].includes(text)) return true;
  if (["no", "n", "false", "off"].includes(text)) return false;
  throw new DomainError("invalid", "PROFILE.INVALID", "error.invalid", { fields: "shareSessions" }, [
    { field: "shareSessions", message: translate("bot.profile_share_sessions_help") },
  ]);
}

/** What the form's fields mean as a profile change; emptying the city removes it. */
function patchOf(field: (id: string) => string): ProfilePatch {
  const location = field(profileFormFields.location).trim();
  const timeZone = field(profileFormFields.timeZone).trim();
  const visibility = visibilityOf(field(profileFormFields.visibility));
  const shareSessions = yesOrNoOf(field(profileFormFields.shareSessions));
  return {
    bio: field(profileFormFields.bio),
    location: location === "" ? null : location,
    ...(timeZone === "" ? {} : { timeZone }),
    ...(visibility === undefined ? {} : { visibility }),
    ...(shareSessions === undefined ? {} : { shareSessions }),
  };
}

/** Seeing profiles and editing one's own. */
export const profileArea: BotArea<"profile view" | "profile edit"> = {
  commands: {
    async "profile view"({ core, actor, options }): Promise<Reply> {
      const user = options.user("user");
      if (user === null) return profileReply(await core.services.profiles.me(actor));
      const handle = await skillswapHandleOf(core, user);
      if (handle === null) return say(translate("bot.not_on_skillswap", { name: discordNameOf(user) }));
      return profileReply(await core.services.profiles.get(actor, handle));
    },

    async "profile edit"({ core, actor }) {
      return profileForm(await core.services.profiles.me(actor));
    },
  },
  forms: {
    async [profileFormRoute](context) {
      const { core, actor } = context;
      const saved = await core.services.profiles.update(
        actor,
        patchOf((id) => context.field(id)),
      );
      return profileReply(saved, translate("bot.profile_saved"));
    },
  },
};
