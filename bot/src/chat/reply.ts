import type { CommandName, SuggestionSource } from "../commands/definitions.js";
import type { ChatAction, FormAction } from "./actions.js";

/** A label and its value; short ones may sit side by side. */
export interface ChatField {
  readonly label: string;
  readonly value: string;
  readonly short?: boolean;
}

/** A person in a list (search results, recommendations) and why they are in it. */
export interface PersonLine {
  readonly handle: string;
  readonly name: string;
  readonly why: string;
}

/** A titled block of a message: a profile, someone's skills, a list of people or groups. */
export interface ChatCard {
  readonly title: string;
  /** Under the title: a bio, or why the list is empty. */
  readonly note?: string;
  readonly fields?: readonly ChatField[];
  readonly people?: readonly PersonLine[];
  /** A small picture beside the card (an avatar). */
  readonly pictureUrl?: string;
  readonly footer?: string;
}

export type ButtonTone = "primary" | "secondary" | "positive" | "danger";

export type ChatButton =
  | { readonly label: string; readonly action: ChatAction; readonly tone: ButtonTone; readonly disabled?: boolean }
  /** Opens a page; nothing comes back to the bot. */
  | { readonly label: string; readonly url: string };

export interface ChatMessage {
  /** "message" answers (below a clicked button, a new one); "update" rewrites the message whose button was clicked. */
  readonly kind: "message" | "update";
  /** A heading before the text. */
  readonly title?: string;
  readonly text?: string;
  readonly cards?: readonly ChatCard[];
  /** Rows of buttons; an update without rows takes the clicked message's buttons away. */
  readonly buttons?: readonly (readonly ChatButton[])[];
  /** For the person alone even where the conversation is shared (a click on a message others see). */
  readonly private?: boolean;
}

export interface FormField {
  /** The field's name: how the submission is read and how field errors point at it. */
  readonly name: string;
  readonly label: string;
  /** Several lines of text rather than one. */
  readonly long?: boolean;
  readonly required: boolean;
  readonly initial?: string;
  readonly placeholder?: string;
  readonly minLength?: number;
  readonly maxLength: number;
  /** Picked among suggestions as the person types (a person, a skill) rather than typed in full. */
  readonly suggest?: SuggestionSource;
  /** Picked among these, in groups; a platform without lists in its forms lets the person type one instead. */
  readonly choices?: readonly FormChoiceGroup[];
  /**
   * Picking a value moves the form on at once, as submitting it would: the form's answer, its next step,
   * replaces it. Submitting does the same where a platform cannot act on a pick.
   */
  readonly advances?: boolean;
}

export interface FormChoice {
  readonly label: string;
  readonly value: string;
}

/** Choices under a heading: what the person wants to learn, apart from the rest. */
export interface FormChoiceGroup {
  readonly label: string;
  readonly choices: readonly FormChoice[];
}

/** A button in a form opening the form of another command over it; closing that one comes back here. */
export interface CommandFormLink {
  readonly label: string;
  readonly command: CommandName;
}

/** A form to fill in (a Discord modal, a Slack view); its submission runs `submit`. */
export interface ChatForm {
  readonly kind: "form";
  readonly title: string;
  readonly submit: FormAction;
  /** A line above the fields: whom the form is about. */
  readonly intro?: string;
  readonly fields: readonly FormField[];
  /** Related forms to open on top, where the platform stacks forms (Slack); others leave them out. */
  readonly links?: readonly CommandFormLink[];
}

/** What the chat layer answers; each platform's translator turns it into its own JSON. */
export type ChatReply = ChatMessage | ChatForm;

export const say = (text: string): ChatMessage => ({ kind: "message", text });
