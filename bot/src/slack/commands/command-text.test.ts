import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commandDefinitions, type CommandDefinition, type OptionDefinition } from "../../commands/definitions.js";
import { parseCommandText } from "./command-parser.js";
import { formatWord, wordsOf } from "./command-text.js";
import { formatOptionValue, type SlackOptionValue } from "./option-values.js";
import { commandTextOf } from "./usage.js";
import { slackNameOf } from "./slack-command-names.js";

const texts = (text: string) => {
  const read = wordsOf(text);
  return read.ok ? read.words.map((w) => w.text) : null;
};

describe("the words of a /skillswap text", () => {
  it("splits on any run of spaces", () => {
    expect(texts("  skills \t add\nguitar ")).toEqual(["skills", "add", "guitar"]);
  });

  it("keeps a Slack escape whole even when its label has spaces", () => {
    expect(texts("where:<https://meet.example/a|our meeting room> online")).toEqual([
      "where:<https://meet.example/a|our meeting room>",
      "online",
    ]);
  });

  it("glues quoted parts to the letters around them, as a shell does", () => {
    expect(texts('near:"Saint Étienne" x“a b”y')).toEqual(["near:Saint Étienne", "xa by"]);
  });

  it("reports a quote left open", () => {
    expect(wordsOf("find “guitar lessons")).toEqual({
      ok: false,
      words: [{ text: "find", openLength: 4 }],
      opened: "guitar lessons",
    });
  });

  it("reads back any text written as one word", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(texts(`a ${formatWord(text)} b`)).toEqual(["a", text, "b"]);
      }),
    );
  });
});

// Random text rarely holds what quoting and escaping are about, so a third of the texts are made of just that.
const anyText = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.constantFrom('"', "“", "”", " ", "\n", "<", ">", "&", "amp;", "a", ":", "|", "@", "#") }),
);

const slackId = (first: string) => fc.stringMatching(/^[A-Z0-9]{2,11}$/u).map((rest) => `${first}${rest}`);

function valueOf(option: OptionDefinition): fc.Arbitrary<SlackOptionValue> {
  switch (option.kind) {
    case "string":
      return option.choices === undefined ? anyText : fc.constantFrom(...option.choices);
    case "integer":
      return fc.integer({ min: option.min ?? -1_000_000, max: option.max ?? 1_000_000 });
    case "number":
      return fc.double({ min: option.min ?? -1e6, max: option.max ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "user":
      return fc.oneof(slackId("U"), slackId("W")).map((slackUserId) => ({ slackUserId }));
    case "channel":
      return fc.oneof(slackId("C"), slackId("G")).map((slackChannelId) => ({ slackChannelId }));
  }
}

/** A command of the table with a valid set of its options: every required one, any of the others. */
const validCommand = fc.constantFrom(...(commandDefinitions as readonly CommandDefinition[])).chain((definition) =>
  fc
    .record(Object.fromEntries(definition.options.map((o) => [o.name, valueOf(o)])), {
      requiredKeys: definition.options.filter((o) => o.required).map((o) => o.name),
    })
    .map((options) => ({ definition, options })),
);

describe("writing options back as text", () => {
  it("parses to the same command and options", () => {
    fc.assert(
      fc.property(validCommand, ({ definition, options }) => {
        expect(parseCommandText(commandTextOf(definition, options))).toEqual({ kind: "command", definition, options });
      }),
      { numRuns: 500 },
    );
  });

  it("parses to the same options with every option by name, in any order", () => {
    fc.assert(
      fc.property(
        validCommand.chain(({ definition, options }) =>
          fc.shuffledSubarray(Object.entries(options), { minLength: Object.keys(options).length }).map((entries) => ({
            definition,
            options,
            text: [
              slackNameOf(definition),
              ...entries.map(([name, value]) => `${name}:${formatOptionValue(value)}`),
            ].join(" "),
          })),
        ),
        ({ definition, options, text }) => {
          expect(parseCommandText(text)).toEqual({ kind: "command", definition, options });
        },
      ),
      { numRuns: 300 },
    );
  });
});
