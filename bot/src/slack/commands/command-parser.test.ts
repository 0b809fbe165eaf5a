import { describe, expect, it } from "vitest";
import { parseCommandText, type ParsedCommandText } from "./command-parser.js";

/** The command's name as the table writes it, and its options, or the sentence the person gets. */
function read(text: string): { command: string; options: Record<string, unknown> } | { sentence: string } {
  const parsed: ParsedCommandText = parseCommandText(text);
  return parsed.kind === "command"
    ? { command: parsed.definition.path.join(" "), options: parsed.options }
    : { sentence: parsed.sentence };
}

function sentenceOf(text: string): string {
  const parsed = parseCommandText(text);
  if (parsed.kind === "command") throw new Error(`“${text}” was read as a command`);
  return parsed.sentence;
}

describe("the /skillswap command on Slack", () => {
  describe("reaching every command of the table", () => {
    it("reads the examples of the issue", () => {
      expect(read("find guitar near:Lyon")).toEqual({ command: "find", options: { skill: "guitar", near: "Lyon" } });
      expect(read("skills add guitar teach 4")).toEqual({
        command: "skills add",
        options: { skill: "guitar", direction: "teach", level: 4 },
      });
      expect(read("swap request <@U024BE7LH|maya> guitar spanish")).toEqual({
        command: "swap request",
        options: { user: { slackUserId: "U024BE7LH" }, offer: "guitar", want: "spanish" },
      });
      expect(read("admin link-group <#C024BE7LH|guitar> guitar-circle chat")).toEqual({
        command: "skillswap admin link-group",
        options: { channel: { slackChannelId: "C024BE7LH" }, group: "guitar-circle", kind: "chat" },
      });
      expect(read("help")).toEqual({ command: "skillswap help", options: {} });
    });

    it("drops Discord's leading “skillswap”, since on Slack that is the slash command itself", () => {
      expect(read("login")).toEqual({ command: "skillswap login", options: {} });
      expect(read("admin unlink <#C1>")).toEqual({
        command: "skillswap admin unlink",
        options: { channel: { slackChannelId: "C1" } },
      });
    });

    it("shows help for the bare /skillswap", () => {
      expect(read("")).toEqual({ command: "skillswap help", options: {} });
      expect(read("   ")).toEqual({ command: "skillswap help", options: {} });
    });

    it("does not mind capitals in the command's words or in choices", () => {
      expect(read("Skills ADD guitar Learn 2")).toEqual({
        command: "skills add",
        options: { skill: "guitar", direction: "learn", level: 2 },
      });
    });
  });

  describe("options", () => {
    it("takes them by name in any order after the positional ones", () => {
      expect(read("find guitar online:yes level:3 km:25.5 near:Lyon")).toEqual({
        command: "find",
        options: { skill: "guitar", online: true, level: 3, km: 25.5, near: "Lyon" },
      });
    });

    it("groups words in straight or curly quotes", () => {
      expect(read('find "machine learning" near:“Saint Étienne”')).toEqual({
        command: "find",
        options: { skill: "machine learning", near: "Saint Étienne" },
      });
    });

    it("reads a quoted name:value as a value, not a name", () => {
      expect(read('skills remove "level:3"')).toEqual({ command: "skills remove", options: { skill: "level:3" } });
    });

    it("lets a free-text option take the words that follow it", () => {
      expect(read("swap request <@U1> guitar spanish Hi Maya, shall we?")).toMatchObject({
        options: { message: "Hi Maya, shall we?" },
      });
      expect(read("find guitar near:Saint Étienne level:2")).toMatchObject({
        options: { skill: "guitar", near: "Saint Étienne", level: 2 },
      });
    });

    it("reads booleans as yes/no or true/false", () => {
      expect(read("match yes")).toEqual({ command: "match", options: { cycles: true } });
      expect(read("match cycles:FALSE")).toEqual({ command: "match", options: { cycles: false } });
    });

    it("unescapes what Slack escaped in text: links become their address, entities their character", () => {
      expect(
        read("session schedule s1 2026-12-01T18:30 where:<https://meet.example/abc|meet.example/abc>"),
      ).toMatchObject({
        options: { swap: "s1", when: "2026-12-01T18:30", where: "https://meet.example/abc" },
      });
      expect(read("group create Rock&amp;Roll &lt;3")).toMatchObject({
        options: { name: "Rock&Roll", description: "<3" },
      });
    });

    it("writes mentions inside text as the names Slack gave them", () => {
      expect(read("swap request <@U1> guitar spanish thanks <@U2|sam> and <!here>")).toMatchObject({
        options: { user: { slackUserId: "U1" }, message: "thanks @sam and @here" },
      });
      expect(read("session schedule s1 tomorrow where:<mailto:maya@example.org|maya@example.org>")).toMatchObject({
        options: { where: "maya@example.org" },
      });
    });

    it("keeps an empty quoted value, which clears the weekly times", () => {
      expect(read('availability ""')).toEqual({ command: "availability", options: { slots: "" } });
    });

    it("keeps a person's id whether or not Slack adds their name", () => {
      expect(read("profile view <@W024BE7LH>")).toEqual({
        command: "profile view",
        options: { user: { slackUserId: "W024BE7LH" } },
      });
    });
  });

  describe("telling a person what to fix", () => {
    it("says what is wrong with a value and shows the command's usage", () => {
      expect(sentenceOf("skills add guitar teach 9")).toBe(
        "`level` must be a whole number from 1 to 5. Usage: `/skillswap skills add <skill> <teach|learn> <level> " +
          "[online|in_person|both] [times]`. Options can also be given by name, in any order after the others: " +
          "`name:value`.",
      );
      expect(sentenceOf("skills add guitar teach 2.5")).toContain("`level` must be a whole number from 1 to 5.");
      expect(sentenceOf("skills add guitar teach four")).toContain("`level` must be a whole number");
      expect(sentenceOf("find guitar km:0")).toContain("`km` must be a number from 1 to 20000.");
      expect(sentenceOf("skills add guitar both 2")).toContain("`direction` must be teach or learn.");
      expect(sentenceOf("match maybe")).toContain("`cycles` must be yes or no.");
    });

    it("names the command the sentence is about", () => {
      expect(parseCommandText("skills add guitar")).toMatchObject({ kind: "usage", path: ["skills", "add"] });
      expect(sentenceOf("skills add guitar")).toMatch(
        /^`direction` and `level` are missing\. Usage: `\/skillswap skills add/u,
      );
    });

    it("leaves a swap request naming nobody to its form, which asks step by step, but not one half given", () => {
      expect(read("swap request")).toEqual({ command: "swap request", options: {} });
      expect(sentenceOf("swap request <@U1>")).toMatch(/^`offer` and `want` are missing\./u);
      expect(sentenceOf("skills add")).toContain("are missing");
    });

    it("asks for a person picked with @, not a name or a user group", () => {
      expect(sentenceOf("follow maya")).toContain(
        "`user` must be one person, picked by typing @ and their name, not “maya”.",
      );
      expect(sentenceOf("follow <!subteam^S0614TZR7|@design>")).toContain("not a user group.");
      expect(sentenceOf("admin swaps-channel general")).toContain("`channel` must be a channel, picked by typing #");
    });

    it("names the valid options when one is unknown", () => {
      expect(sentenceOf("find guitar city:Lyon")).toContain(
        "`city` is not an option of `/skillswap find`; its options are `skill`, `near`, `km`, `level` and `online`.",
      );
      expect(sentenceOf("help topic:swaps")).toContain("`/skillswap help` takes no options");
    });

    it("refuses an option given twice", () => {
      expect(sentenceOf("find guitar skill:piano")).toContain("`skill` is given twice.");
    });

    it("refuses words after the last option when that option is a number or a choice", () => {
      expect(sentenceOf("match yes please")).toContain("“please” is one word too many");
      expect(sentenceOf("find guitar level:3 Lyon")).toContain("“Lyon” is one word too many");
      expect(sentenceOf("help me")).toContain("takes no options");
    });

    it("says where a quote was left open", () => {
      expect(parseCommandText('find "machine learning near:Lyon')).toMatchObject({ kind: "usage", path: ["find"] });
      expect(sentenceOf('find "machine learning near:Lyon')).toContain(
        "The quote before “machine learning nea…” is never closed",
      );
      expect(sentenceOf("“oops")).toContain("never closed");
    });

    it("lists what can follow a group's name", () => {
      expect(parseCommandText("skills")).toEqual({
        kind: "usage",
        sentence:
          "`/skillswap skills` needs what to do: `/skillswap skills add <skill> <teach|learn> <level> " +
          "[online|in_person|both] [times]`, `/skillswap skills remove <skill>` or `/skillswap skills list [@user]`.",
      });
    });

    it("suggests the commands a typo was probably meant to be, and points to help", () => {
      expect(parseCommandText("fnd guitar")).toEqual({
        kind: "unknown",
        sentence:
          "There is no `/skillswap fnd`. Did you mean `/skillswap find`? `/skillswap help` lists everything " +
          "SkillSwap can do.",
      });
      expect(sentenceOf("skills ad guitar teach 3")).toContain("Did you mean `/skillswap skills add`?");
      expect(sentenceOf("skill list")).toContain("Did you mean `/skillswap skills list`?");
      expect(sentenceOf("admin link group")).toContain(
        "Did you mean `/skillswap admin link-group` or `/skillswap admin unlink`?",
      );
      expect(sentenceOf("dance")).toBe(
        "There is no `/skillswap dance`. `/skillswap help` lists everything SkillSwap can do.",
      );
    });
  });
});
