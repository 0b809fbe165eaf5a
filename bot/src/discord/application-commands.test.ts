import { describe, expect, it } from "vitest";
import { commandDefinitions, usageOf } from "../commands/definitions.js";
import { applicationCommandsOf } from "./application-commands.js";

describe("the slash commands SkillSwap registers with Discord", () => {
  const commands = applicationCommandsOf(commandDefinitions);

  it("gathers every `/skillswap …` command under one command with sub-commands", () => {
    expect(commands.find((c) => c.name === "skillswap")?.options).toEqual([
      expect.objectContaining({ name: "help", type: 1 }),
    ]);
  });

  it("declares /find with a required skill and optional place and distance", () => {
    expect(commands.find((c) => c.name === "find")?.options).toEqual([
      expect.objectContaining({ name: "skill", type: 3, required: true }),
      expect.objectContaining({ name: "near", type: 3, required: false }),
      expect.objectContaining({ name: "km", type: 10, required: false }),
    ]);
  });

  it("registers each name once, within Discord's limits", () => {
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
    for (const command of commands) {
      expect(command.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(command.description.length).toBeLessThanOrEqual(100);
    }
  });
});

describe("how help writes a command", () => {
  it("shows required options bare and optional ones in brackets", () => {
    const find = commandDefinitions.find((d) => d.path[0] === "find");
    expect(find && usageOf(find)).toBe("/find skill [near] [km]");
  });
});
