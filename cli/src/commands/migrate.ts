import { databaseProvider, loadConfig, migrate } from "@skillswap/core";
import { emit, type OutputOptions } from "../output.js";

export async function migrateCommand(options: OutputOptions): Promise<void> {
  const config = loadConfig();
  const provider = databaseProvider(config.DATABASE_URL);
  const report = await migrate(provider, config.DATABASE_URL);
  emit(options, { provider, ...report }, () => {
    const lines = [
      report.applied.length === 0
        ? `The ${provider} database is up to date (${report.alreadyApplied} migrations applied earlier).`
        : `Applied ${report.applied.length} migration(s) to the ${provider} database: ${report.applied.join(", ")}.`,
    ];
    for (const name of report.modified) lines.push(`Warning: ${name} was changed after it was applied.`);
    return lines.join("\n");
  });
}
