import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { configSchema } from "./config.js";

// .env.example is what people who deploy SkillSwap read to configure it: these tests keep it in step with the
// schema, so a variable added to config.ts without a word there fails CI.
const exampleText = readFileSync(fileURLToPath(new URL("../../.env.example", import.meta.url)), "utf8");
const assignment = /^(# )?([A-Z][A-Z0-9_]*)=(.*)$/;

interface Listed {
  readonly name: string;
  /** "NAME=value": the deployment sets it; "# NAME=value": left unset, showing the default. */
  readonly set: boolean;
  readonly value: string;
  readonly line: number;
}

/** A dotenv value as Compose and dotenv read it: surrounding quotes removed. */
const unquoted = (raw: string) => raw.trim().replace(/^(["'])(.*)\1$/, "$2");

function listedVariables(text: string): Listed[] {
  return text.split("\n").flatMap((line, index) => {
    const match = assignment.exec(line);
    if (match === null) return [];
    const [, comment, name = "", value = ""] = match;
    return [{ name, set: comment === undefined, value: unquoted(value), line: index }];
  });
}

const listed = listedVariables(exampleText);
const schemaKeys = Object.keys(configSchema.shape);
const fieldOf = (name: string) => Object.entries(configSchema.shape).find(([key]) => key === name)?.[1];

describe(".env.example", () => {
  it("names every variable the configuration reads, each once", () => {
    const names = listed.map((entry) => entry.name);
    expect(schemaKeys.filter((key) => !names.includes(key))).toEqual([]);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it("shows SkillSwap's own default on each line it leaves unset", () => {
    const wrong = listed.flatMap(({ name, set, value }) => {
      const field = fieldOf(name);
      if (set || field === undefined) return [];
      const fallback: unknown = field.parse(undefined);
      // No default: the line shows nothing rather than a made-up value.
      if (fallback === undefined) return value === "" ? [] : [`${name}: has no default but shows "${value}"`];
      const shown = field.safeParse(value);
      return shown.success && isDeepStrictEqual(shown.data, fallback)
        ? []
        : [`${name}: shows "${value}", the default is ${JSON.stringify(fallback)}`];
    });
    expect(wrong).toEqual([]);
  });

  it("sets only values the configuration accepts, or leaves a blank to fill in", () => {
    const refused = listed.filter(({ name, set, value }) => {
      const field = fieldOf(name);
      return set && field !== undefined && value !== "" && !field.safeParse(value).success;
    });
    expect(refused.map((entry) => `${entry.name}=${entry.value}`)).toEqual([]);
  });

  it("explains every variable in a comment above it", () => {
    const lines = exampleText.split("\n");
    // Above a variable: other variables of its group, then the comment that explains them.
    const explained = (line: number): boolean => {
      const above = lines[line - 1];
      if (above === undefined || above.trim() === "") return false;
      if (assignment.test(above)) return explained(line - 1);
      return above.startsWith("# ") && !above.startsWith("# ---");
    };
    expect(listed.filter((entry) => !explained(entry.line)).map((entry) => entry.name)).toEqual([]);
  });
});
