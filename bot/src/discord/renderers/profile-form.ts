import { ComponentType, TextInputStyle, type APIActionRowComponent, type APITextInputComponent } from "discord.js";
import { translate, type OwnProfileView } from "@skillswap/core";
import { modal, type Reply } from "../interactions/replies.js";

/** The form's field ids, shared by the form and the handler of its submission. */
export const profileFormFields = {
  bio: "bio",
  location: "location",
  timeZone: "time_zone",
  visibility: "visibility",
  shareSessions: "share_sessions",
} as const;

export const profileFormRoute = "profile.edit";

type Row = APIActionRowComponent<APITextInputComponent>;

function textRow({ value, ...input }: Omit<APITextInputComponent, "type">): Row {
  // Discord refuses an empty prefill; a field without one simply starts empty.
  const prefill = value === undefined || value === "" ? {} : { value };
  return { type: ComponentType.ActionRow, components: [{ type: ComponentType.TextInput, ...input, ...prefill }] };
}

/** The city as the gazetteer finds exactly it again ("Portland, US-OR"), so an unchanged form stays valid. */
function placeOf({ location }: OwnProfileView): string {
  if (location === null) return "";
  return `${location.name}, ${location.region === "" ? location.country : `${location.country}-${location.region}`}`;
}

/** The profile form, prefilled with what the person has now so submitting unchanged fields keeps them. */
export function profileForm(profile: OwnProfileView): Reply {
  return modal({
    custom_id: profileFormRoute,
    title: translate("bot.profile_form_title"),
    components: [
      textRow({
        custom_id: profileFormFields.bio,
        label: translate("bot.profile_bio"),
        style: TextInputStyle.Paragraph,
        required: false,
        max_length: 1000,
        value: profile.bio,
      }),
      textRow({
        custom_id: profileFormFields.location,
        label: translate("bot.profile_location"),
        style: TextInputStyle.Short,
        required: false,
        max_length: 120,
        placeholder: translate("bot.profile_location_hint"),
        value: placeOf(profile),
      }),
      textRow({
        custom_id: profileFormFields.timeZone,
        label: translate("bot.profile_time_zone"),
        style: TextInputStyle.Short,
        required: true,
        max_length: 64,
        value: profile.timeZone,
      }),
      textRow({
        custom_id: profileFormFields.visibility,
        label: translate("bot.profile_visibility"),
        style: TextInputStyle.Short,
        required: true,
        max_length: 20,
        placeholder: translate("bot.profile_visibility_hint"),
        value: profile.visibility,
      }),
      textRow({
        custom_id: profileFormFields.shareSessions,
        label: translate("bot.profile_share_sessions"),
        style: TextInputStyle.Short,
        required: false,
        max_length: 5,
        placeholder: translate("bot.profile_share_sessions_hint"),
        value: translate(profile.shareSessions ? "bot.yes" : "bot.no"),
      }),
    ],
  });
}
