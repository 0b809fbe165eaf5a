import type { CommandName, SuggestionSource } from "../commands/definitions.js";
import type { ChatAction, FormAction } from "./actions.js";
import type { ChatContext, CommandInput, FormInput, SuggestionInput } from "./context.js";
import type { ChatReply } from "./reply.js";

/** Reads the options, calls one use case and chooses what to say; the platform sends it. */
export type CommandRun = (input: CommandInput) => Promise<ChatReply>;

export type ActionRun<Kind extends ChatAction["kind"]> = (
  context: ChatContext,
  action: Extract<ChatAction, { kind: Kind }>,
) => Promise<ChatReply>;

export type FormRun<Kind extends FormAction["kind"]> = (
  input: FormInput,
  action: Extract<FormAction, { kind: Kind }>,
) => Promise<ChatReply>;

/** A suggestion for an option being typed: what the person sees, and what the option then holds. */
export interface Suggestion {
  readonly label: string;
  readonly value: string;
}

export type SuggestionProvider = (input: SuggestionInput) => Promise<Suggestion[]>;

/** A button's action kind and what runs it; made by `onClick`, which checks the kind. */
export interface ActionEntry {
  readonly kind: ChatAction["kind"];
  readonly run: (context: ChatContext, action: ChatAction) => Promise<ChatReply>;
}

export interface FormEntry {
  readonly kind: FormAction["kind"];
  readonly run: (input: FormInput, action: FormAction) => Promise<ChatReply>;
}

const isAction = <Kind extends ChatAction["kind"]>(
  action: ChatAction,
  kind: Kind,
): action is Extract<ChatAction, { kind: Kind }> => action.kind === kind;

const isFormAction = <Kind extends FormAction["kind"]>(
  action: FormAction,
  kind: Kind,
): action is Extract<FormAction, { kind: Kind }> => action.kind === kind;

export function onClick<Kind extends ChatAction["kind"]>(kind: Kind, run: ActionRun<Kind>): ActionEntry {
  return {
    kind,
    run: (context, action) => {
      if (!isAction(action, kind)) throw new Error(`action ${action.kind} routed to ${kind}`);
      return run(context, action);
    },
  };
}

export function onSubmit<Kind extends FormAction["kind"]>(kind: Kind, run: FormRun<Kind>): FormEntry {
  return {
    kind,
    run: (input, action) => {
      if (!isFormAction(action, kind)) throw new Error(`form ${action.kind} routed to ${kind}`);
      return run(input, action);
    },
  };
}

/**
 * One area of the product on chat (profiles, swaps, …): the commands it answers, the buttons and forms its
 * messages carry, and the suggestions it provides — the same on every platform.
 */
export interface ChatArea<Names extends CommandName = never> {
  readonly commands: Readonly<Record<Names, CommandRun>> & Readonly<Partial<Record<CommandName, CommandRun>>>;
  readonly actions?: readonly ActionEntry[];
  readonly forms?: readonly FormEntry[];
  readonly suggestions?: Partial<Readonly<Record<SuggestionSource, SuggestionProvider>>>;
}
