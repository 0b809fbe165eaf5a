// The types a test names when it drives LocalDiscord; each lives next to the code that gives it meaning.
export type { OptionInput, OptionValue, CommandOptions } from "./command-options.js";
export type { WithheldEvent } from "./gateway.js";
export type {
  AutocompleteInput,
  ButtonInput,
  CommandInput,
  InteractionInput,
  InteractionPlace,
  ModalInput,
  PingInput,
  SelectInput,
} from "./interaction-builder.js";
export type { InteractionExchange } from "./interaction-exchange.js";
export type { CallbackAttempt, InteractionReply } from "./interaction-record.js";
export type { LocalUser, StoredChannel } from "./payloads.js";
export type { ForumPost, ForumPostInput, SayInput } from "./people.js";
export type { RouteMatcher } from "./rest-faults.js";
export type { RestCall } from "./rest-router.js";
export type { SignedPostOptions, SignedPostResult, Tamper } from "./signing.js";
