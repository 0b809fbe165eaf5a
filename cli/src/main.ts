import { Command, InvalidArgumentError } from "commander";
import { doctorCommand } from "./commands/doctor.js";
import { migrateCommand } from "./commands/migrate.js";
import { outboxCommand } from "./commands/outbox.js";
import { profileCommand } from "./commands/profile.js";
import { recommendCommand } from "./commands/recommend.js";
import { reindexCommand, searchCommand } from "./commands/search.js";
import { seedCommand } from "./commands/seed.js";
import { groupsCommand, swapsCommand } from "./commands/swaps.js";
import type { RegisterCommandsFlags } from "./commands/register-commands.js";
import { renderFailure } from "./output.js";

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number ≥ 0");
  return n;
}

export function buildProgram(): Command {
  const program = new Command("skillswap")
    .description("SkillSwap — trade skills inside your communities. Operator commands.")
    .showHelpAfterError()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  program
    .command("start")
    .description("migrate, seed demo data on first run, and start the product roles")
    .option("--roles <roles>", "comma-separated: web,discord,slack,worker (default: all that are configured)")
    .option("--json", "machine-readable output")
    // The doors (Fastify, discord.js) load only for the commands that run them: every other command starts faster.
    .action(async (options: { roles?: string; json?: boolean }) =>
      (await import("./commands/start.js")).startCommand(options),
    );

  program
    .command("migrate")
    .description("apply pending database migrations")
    .option("--json", "machine-readable output")
    .action(migrateCommand);

  program
    .command("seed")
    .description("load demo data (--demo) or N synthetic users for benchmarks (--users N --seed S)")
    .option("--demo", "the demo community: 200+ people in 20+ cities (idempotent)")
    .option("--users <n>", "number of synthetic users", positiveInt)
    .option("--seed <s>", "random seed for synthetic users", positiveInt, 1)
    .option("--json", "machine-readable output")
    .action(seedCommand);

  program
    .command("profile <handle>")
    .description("show a profile (as its owner sees it, or --as another person)")
    .option("--as <handle>", "show the profile as this person would see it")
    .option("--json", "machine-readable output")
    .action(profileCommand);

  program
    .command("recommend <handle>")
    .description("reciprocal swap partners for a person, explained; --cycles adds three-person swaps")
    .option("--cycles", "also look for three-person swap cycles")
    .option("--limit <n>", "how many (1-50)", positiveInt, 10)
    .option("--json", "machine-readable output")
    .action(recommendCommand);

  program
    .command("search [text]")
    .description("search people by skill (typos and aliases welcome), name, handle or bio, with filters")
    .option("--as <handle>", "search as this person sees it (default: signed out, public profiles only)")
    .option("--near <city>", "measure distances from this city (default: the person's own location)")
    .option("--km <n>", "only people within this many km", Number)
    .option("--category <category>", "only skills in this category (slug or name)")
    .option("--level <n>", "minimum level, 1-5", Number)
    .option("--teaches", "only people who teach the skill")
    .option("--learns", "only people who want to learn it")
    .option("--online", "only people who meet online")
    .option("--in-person", "only people who meet in person")
    .option("--available <slot>", 'free at this weekly time, e.g. "Tue 18:00-20:00"')
    .option("--sort <order>", "relevance | distance | rating | recent")
    .option("--limit <n>", "results per page (1-50)", Number, 20)
    .option("--cursor <cursor>", "the next page, as printed after a page")
    .option("--json", "machine-readable output")
    .action(searchCommand);

  program
    .command("swaps <handle>")
    .description("a person's swap requests and swaps, newest first")
    .option("--status <status>", "open | closed | pending | accepted | declined | cancelled | expired | completed")
    .option("--limit <n>", "how many (1-50)", Number, 20)
    .option("--json", "machine-readable output")
    .action(swapsCommand);

  program
    .command("groups")
    .description("interest groups with their community and member count")
    .option("--as <handle>", "only the groups this person can see")
    .option("--json", "machine-readable output")
    .action(groupsCommand);

  program
    .command("reindex")
    .description("rebuild the search index from the database")
    .option("--json", "machine-readable output")
    .action(reindexCommand);

  program
    .command("outbox")
    .description("events waiting, delivered and dead in the outbox; dead ones listed with their last error")
    .option("--retry [eventId]", "send dead events (all, or one) back for delivery once the cause is fixed")
    .option("--json", "machine-readable output")
    .action(outboxCommand);

  program
    .command("register-commands")
    .description(
      "publish the slash commands to Discord (--discord), globally or to one guild, and print the invite link",
    )
    .option("--discord", "register the Discord slash commands (needs DISCORD_TOKEN)")
    .option("--guild <id>", "only in this guild: they appear at once (global ones can take an hour)")
    .option("--json", "machine-readable output")
    .action(async (flags: RegisterCommandsFlags) =>
      (await import("./commands/register-commands.js")).registerCommandsCommand(flags),
    );

  program
    .command("doctor")
    .description("check configuration and connections")
    .option("--json", "machine-readable output")
    .action(doctorCommand);

  return program;
}

export async function run(argv: readonly string[]): Promise<void> {
  const json = argv.includes("--json");
  try {
    await buildProgram().parseAsync([...argv], { from: "user" });
  } catch (error) {
    process.stderr.write(`${renderFailure(error, json)}\n`);
    process.exitCode = 1;
  }
}

await run(process.argv.slice(2));
