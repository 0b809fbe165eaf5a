import { describe, expect, it } from "vitest";
import { commandDefinitions, usageOf } from "../commands/definitions.js";
import { applicationCommandsOf } from "./application-commands.js";

type Option = { name: string; type: number; description: string; options?: Option[] };

function allOptions(options: readonly Option[] = []): Option[] {
  return options.flatMap((o) => [o, ...allOptions(o.options)]);
}

describe("the slash commands SkillSwap registers with Discord", () => {
  const commands = applicationCommandsOf(commandDefinitions);
  const named = (name: string) => commands.find((c) => c.name === name);

  it("gathers every `/skillswap …` command under one command, admin ones in a sub-command group", () => {
    expect(named("skillswap")?.options).toEqual([
      expect.objectContaining({ name: "help", type: 1 }),
      expect.objectContaining({ name: "login", type: 1 }),
      expect.objectContaining({
        name: "admin",
        type: 2,
        options: [
          expect.objectContaining({ name: "link-group", type: 1 }),
          expect.objectContaining({ name: "unlink", type: 1 }),
          expect.objectContaining({ name: "swaps-channel", type: 1 }),
        ],
      }),
    ]);
  });

  it("declares /find with a suggested skill and optional place, distance, level and online filter", () => {
    expect(named("find")?.options).toEqual([
      expect.objectContaining({ name: "skill", type: 3, required: true, autocomplete: true }),
      expect.objectContaining({ name: "near", type: 3, required: false, autocomplete: true }),
      expect.objectContaining({ name: "km", type: 10, required: false, min_value: 1 }),
      expect.objectContaining({ name: "level", type: 4, required: false, min_value: 1, max_value: 5 }),
      expect.objectContaining({ name: "online", type: 5, required: false }),
    ]);
  });

  it("offers fixed values as choices and people and channels as Discord pickers", () => {
    const skills = named("skills")?.options as Option[];
    const add = skills.find((o) => o.name === "add");
    expect(add?.options).toContainEqual(
      expect.objectContaining({
        name: "direction",
        choices: [
          { name: "teach", value: "teach" },
          { name: "learn", value: "learn" },
        ],
      }),
    );
    expect(allOptions(named("follow")?.options)).toEqual([expect.objectContaining({ name: "user", type: 6 })]);
    const admin = allOptions(named("skillswap")?.options);
    const channelPicker = { type: 7, channel_types: [0, 5, 15] };
    expect(admin.filter((o) => o.name === "channel")).toMatchObject([channelPicker, channelPicker, channelPicker]);
  });

  it("registers each name once, within Discord's limits", () => {
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
    expect(commands.length).toBeLessThanOrEqual(100);
    for (const command of commands) {
      expect(command.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(command.description.length).toBeLessThanOrEqual(100);
      for (const option of allOptions(command.options)) {
        expect(option.name).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect(option.description.length, option.name).toBeLessThanOrEqual(100);
        expect(option.description.length).toBeGreaterThan(0);
      }
    }
  });
});

describe("how help writes a command", () => {
  it("shows required options bare and optional ones in brackets", () => {
    const find = commandDefinitions.find((d) => d.path[0] === "find");
    expect(find && usageOf(find)).toBe("/find skill [near] [km] [level] [online]");
  });
});
