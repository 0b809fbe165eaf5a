import { seedDemo, seedSynthetic } from "@skillswap/core";
import { emit, type OutputOptions } from "../output.js";
import { withCore } from "../with-core.js";

export interface SeedOptions extends OutputOptions {
  readonly demo?: boolean;
  readonly users?: number;
  readonly seed: number;
}

export async function seedCommand(options: SeedOptions): Promise<void> {
  if (options.demo !== true && options.users === undefined) {
    throw new Error("Say what to seed: --demo for the demo community, or --users N [--seed S] for synthetic users.");
  }
  await withCore(async (core) => {
    if (options.demo === true) {
      const result = await seedDemo(core);
      emit(options, { demo: result }, () =>
        result.created
          ? `Seeded the demo data: ${result.users} people.`
          : `The demo data is already there (${result.users} people); nothing changed.`,
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
