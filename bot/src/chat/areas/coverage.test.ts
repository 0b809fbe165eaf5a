import { describe, expect, it } from "vitest";
import { commandDefinitions, commandNameOf } from "../../commands/definitions.js";
import { chatAreas } from "./index.js";

describe("the chat areas", () => {
  const handled = chatAreas.flatMap((area) => Object.keys(area.commands));
  const suggested = new Set(chatAreas.flatMap((area) => Object.keys(area.suggestions ?? {})));

  it("answer every command of the table, each exactly once", () => {
    expect([...handled].sort()).toEqual(commandDefinitions.map(commandNameOf).sort());
  });

  it("provide suggestions for every option that promises them", () => {
    const promised = commandDefinitions.flatMap((d) => d.options.flatMap((o) => ("suggest" in o ? [o.suggest] : [])));
    for (const source of promised) expect(suggested, source).toContain(source);
  });
});
