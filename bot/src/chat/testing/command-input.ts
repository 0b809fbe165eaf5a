import type { Actor } from "@skillswap/core";
import type { ChatCore, CommandInput, PickedPerson } from "../context.js";

/** Option values as a person fills them in; a picked person is given as what the platform resolved. */
export type FilledOptions = Readonly<Record<string, string | number | boolean | PickedPerson>>;

/** A command's input in a direct message, as any platform's translator would hand it to the chat layer. */
export function commandInput(core: ChatCore, actor: Actor, filled: FilledOptions = {}): CommandInput {
  const valueOf = (name: string) => filled[name];
  return {
    core,
    actor,
    name: "Maya",
    community: null,
    options: {
      string: (name) => {
        const value = valueOf(name);
        return typeof value === "string" ? value : null;
      },
      integer: (name) => {
        const value = valueOf(name);
        return typeof value === "number" && Number.isInteger(value) ? value : null;
      },
      number: (name) => {
        const value = valueOf(name);
        return typeof value === "number" ? value : null;
      },
      boolean: (name) => {
        const value = valueOf(name);
        return typeof value === "boolean" ? value : null;
      },
      person: (name) => {
        const value = valueOf(name);
        return typeof value === "object" ? value : null;
      },
      channel: () => null,
    },
  };
}
