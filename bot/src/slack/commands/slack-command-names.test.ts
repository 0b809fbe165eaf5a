import { describe, expect, it } from "vitest";
import { commandDefinitions } from "../../commands/definitions.js";
import { parseCommandText } from "./command-parser.js";
import { slackNameOf, slackWordsOf } from "./slack-command-names.js";

describe("Slack's names for the command table", () => {
  it("gives every command of the table a name of its own that reaches it", () => {
    const names = commandDefinitions.map(slackNameOf);
    expect(new Set(names).size).toBe(names.length);
    for (const definition of commandDefinitions) {
      const required = definition.options.filter((o) => o.required);
      const parsed = parseCommandText([slackNameOf(definition), ...required.map(() => "x")].join(" "));
      // Whatever "x" does to the options, the text must be about this command.
      const path = parsed.kind === "command" ? parsed.definition.path : parsed.kind === "usage" ? parsed.path : null;
      expect(path).toEqual(definition.path);
    }
  });

  it("never lets one name begin another, which would make a text ambiguous", () => {
    const names = commandDefinitions.map(slackWordsOf);
    for (const name of names)
      for (const other of names)
        if (other !== name && other.length > name.length)
          expect(other.slice(0, name.length).join(" ")).not.toBe(name.join(" "));
  });

  it("writes help's commands as Slack users type them", () => {
    expect(commandDefinitions.map(slackNameOf)).toEqual(
      expect.arrayContaining(["help", "login", "admin link-group", "find", "skills add"]),
    );
  });
});
