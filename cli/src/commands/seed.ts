import { seedDemo, seedSynthetic } from "@skillswap/core";
import { emit, type OutputOptions } from "../output.js";
import { withCore } from "../with-core.js";

export interface SeedOptions extends OutputOptions {
  readonly demo?: boolean;
  readonly users?: number;
  readonly seed: number;
}

/**
 * What to run next with the demo people to try (core's `demoHandlesToTry`), for `seed --demo` and the start
 * banner; nothing when the demo is not there.
 */
export function demoTryLines(handles: readonly string[]): string[] {
  const [first, second = first, ...rest] = handles;
  if (first === undefined || second === undefined) return [];
  const others = [second, ...rest].filter((handle) => handle !== first);
  return [
    `Try: npx skillswap profile ${first}${others.length > 0 ? `   (or ${others.join(", ")})` : ""}`,
    `Try: npx skillswap swaps ${first} --status open`,
    `Try: npx skillswap recommend ${second} --cycles`,
  ];
}

export async function seedCommand(options: SeedOptions): Promise<void> {
  if (options.demo !== true && options.users === undefined) {
    throw new Error("Say what to seed: --demo for the demo community, or --users N [--seed S] for synthetic users.");
  }
  await withCore(async (core) => {
    if (options.demo === true) {
      const result = await seedDemo(core);
      emit(options, { demo: result }, () =>
        [
          result.created
            ? `Seeded the demo data: ${result.users} people.`
            : `The demo data is already there (${result.users} people); nothing changed.`,
          ...demoTryLines(result.tryHandles),
        ].join("\n"),
      );
    }
    if (options.users !== undefined) {
      const result = await seedSynthetic(core, { users: options.users, seed: options.seed });
      emit(
        options,
        { synthetic: result },
        () =>
          `Seeded ${result.users} synthetic users (${result.userSkills} skills, ${result.slots} availability slots) with seed ${options.seed} in ${(result.ms / 1000).toFixed(1)} s.`,
      );
    }
  });
}
