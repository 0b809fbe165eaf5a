import { emit, table, type OutputOptions } from "../output.js";
import { withCore } from "../with-core.js";

/** Recommendations for one person, as that person would see them in a bot or on the dashboard. */
export async function recommendCommand(
  handle: string,
  options: OutputOptions & { cycles?: boolean; limit?: number },
): Promise<void> {
  await withCore(async (core) => {
    const actor = await core.services.accounts.actorByHandle(handle);
    const result = await core.services.matching.recommend(actor, {
      cycles: options.cycles === true,
      limit: options.limit ?? 10,
    });
    emit(options, result, () => {
      const lines = [
        result.pairs.length === 0
          ? `Nobody swaps with @${handle} directly yet.`
          : table([
              ["SCORE", "PERSON", "WHY"],
              ...result.pairs.map((p) => [p.score.toFixed(3), `@${p.handle}`, p.explanation]),
            ]),
      ];
      if (options.cycles === true) {
        lines.push("", result.cycles.length === 0 ? "No three-person swap found." : "Three-person swaps:");
        for (const cycle of result.cycles) lines.push(`  ${cycle.score.toFixed(3)}  ${cycle.explanation}`);
      }
      return lines.join("\n");
    });
  });
}
