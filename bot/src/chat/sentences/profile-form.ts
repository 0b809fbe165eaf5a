import { translate, type OwnProfileView } from "@skillswap/core";
import type { ChatForm } from "../reply.js";

/** The form's fields, named as core names the profile's: a field error points at the field it is about. */
export const profileFields = {
  bio: "bio",
  location: "location",
  timeZone: "timeZone",
  visibility: "visibility",
  shareSessions: "shareSessions",
} as const;

/** The city as the gazetteer finds exactly it again ("Portland, US-OR"), so an unchanged form stays valid. */
function placeOf({ location }: OwnProfileView): string {
  if (location === null) return "";
  return `${location.name}, ${location.region === "" ? location.country : `${location.country}-${location.region}`}`;
}

/**
 * The profile form, prefilled with what the person has now so submitting unchanged fields keeps them.
 * Visibility and sharing are typed (selects are not in every platform's forms); blank keeps them.
 */
export function profileForm(profile: OwnProfileView): ChatForm {
  return {
    kind: "form",
    title: translate("bot.profile_form_title"),
    submit: { kind: "profile.edit" },
    // Weekly times are their own command; on Slack they open over the profile and come back to it.
    links: [{ label: translate("bot.home_set_availability"), command: "availability" }],
    fields: [
      {
        name: profileFields.bio,
        label: translate("bot.profile_bio"),
        long: true,
        required: false,
        maxLength: 1000,
        initial: profile.bio,
      },
      {
        name: profileFields.location,
        label: translate("bot.profile_location"),
        required: false,
        maxLength: 120,
        placeholder: translate("bot.profile_location_hint"),
        initial: placeOf(profile),
      },
      {
        name: profileFields.timeZone,
        label: translate("bot.profile_time_zone"),
        required: true,
        maxLength: 64,
        initial: profile.timeZone,
      },
      {
        name: profileFields.visibility,
        label: translate("bot.profile_visibility"),
        required: true,
        maxLength: 20,
        placeholder: translate("bot.profile_visibility_hint"),
        initial: profile.visibility,
      },
      {
        name: profileFields.shareSessions,
        label: translate("bot.profile_share_sessions"),
        required: false,
        maxLength: 5,
        placeholder: translate("bot.profile_share_sessions_hint"),
        initial: translate(profile.shareSessions ? "bot.yes" : "bot.no"),
      },
    ],
  };
}
