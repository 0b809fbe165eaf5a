import { DomainError, translate, visibilities, type ProfilePatch, type Visibility } from "@skillswap/core";
import { onSubmit, type ChatArea } from "../area.js";
import { say } from "../reply.js";
import { profileFields, profileForm } from "../sentences/profile-form.js";
import { profileMessage } from "../sentences/profile.js";

const isVisibility = (text: string): text is Visibility => (visibilities as readonly string[]).includes(text);

/** Visibility is typed in a text box (form selects are not on every client); blank keeps the current one. */
function visibilityOf(typed: string): Visibility | undefined {
  const text = typed.trim().toLowerCase();
  if (text === "") return undefined;
  if (isVisibility(text)) return text;
  throw new DomainError("invalid", "PROFILE.INVALID", "error.invalid", { fields: profileFields.visibility }, [
    { field: profileFields.visibility, message: translate("bot.profile_visibility_hint") },
  ]);
}

/** A yes or a no, typed for the same reason; blank keeps the current choice. */
function yesOrNoOf(typed: string): boolean | undefined {
  const text = typed.trim().toLowerCase();
  if (text === "") return undefined;
  if (["yes", "y", "true", "on"].includes(text)) return true;
  if (["no", "n", "false", "off"].includes(text)) return false;
  throw new DomainError("invalid", "PROFILE.INVALID", "error.invalid", { fields: profileFields.shareSessions }, [
    { field: profileFields.shareSessions, message: translate("bot.profile_share_sessions_help") },
  ]);
}

/** What the form's fields mean as a profile change; emptying the city removes it. */
function patchOf(field: (name: string) => string): ProfilePatch {
  const location = field(profileFields.location).trim();
  const timeZone = field(profileFields.timeZone).trim();
  const visibility = visibilityOf(field(profileFields.visibility));
  const shareSessions = yesOrNoOf(field(profileFields.shareSessions));
  return {
    bio: field(profileFields.bio),
    location: location === "" ? null : location,
    ...(timeZone === "" ? {} : { timeZone }),
    ...(visibility === undefined ? {} : { visibility }),
    ...(shareSessions === undefined ? {} : { shareSessions }),
  };
}

/** Seeing profiles and editing one's own. */
export const profileArea: ChatArea<"profile view" | "profile edit"> = {
  commands: {
    async "profile view"({ core, actor, options }) {
      const person = options.person("user");
      if (person === null) return profileMessage(await core.services.profiles.me(actor));
      if (person.handle === null) return say(translate("bot.not_on_skillswap", { name: person.name }));
      return profileMessage(await core.services.profiles.get(actor, person.handle));
    },

    async "profile edit"({ core, actor }) {
      return profileForm(await core.services.profiles.me(actor));
    },
  },
  forms: [
    onSubmit("profile.edit", async (form) => {
      const saved = await form.core.services.profiles.update(
        form.actor,
        patchOf((name) => form.field(name)),
      );
      return profileMessage(saved, translate("bot.profile_saved"));
    }),
  ],
};
