import { readFileSync } from "node:fs";
import { Command, Option } from "commander";
import type { SwapListFilter } from "@skillswap/core";
import type { RegisterCommandsFlags } from "./commands/register-commands.js";
import { numberAbove, wholeNumber } from "./options.js";

// Every command's module is imported when that command runs, not before: `--help` and `--version` load no
// database client, no gazetteer, no Discord library, and answer at once.
const commands = {
  doctor: () => import("./commands/doctor.js"),
  migrate: () => import("./commands/migrate.js"),
  outbox: () => import("./commands/outbox.js"),
  profile: () => import("./commands/profile.js"),
  recommend: () => import("./commands/recommend.js"),
  search: () => import("./commands/search.js"),
  seed: () => import("./commands/seed.js"),
  start: () => import("./commands/start.js"),
  swaps: () => import("./commands/swaps.js"),
  registerCommands: () => import("./commands/register-commands.js"),
  slackManifest: () => import("./commands/slack-manifest.js"),
};

/** The CLI's version, from its package.json (one folder up from src/ and from dist/ alike). */
function version(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return typeof manifest === "object" && manifest !== null && "version" in manifest ? String(manifest.version) : "";
}

// Spelled out rather than imported: a value from the core would load it, and with it the database client. The
// type keeps the list to what core's swap list accepts, and commander refuses anything else before the action.
const swapStatuses: readonly SwapListFilter[] = [
  "open",
  "closed",
  "pending",
  "accepted",
  "declined",
  "cancelled",
  "expired",
  "completed",
];

export function buildProgram(): Command {
  const program = new Command("skillswap")
    .description("SkillSwap — trade skills inside your communities. Operator commands.")
    .version(version(), "-v, --version", "print the version")
    .showHelpAfterError()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  program
    .command("start")
    .description("migrate, seed demo data on first run, and start the product roles")
    .option("--roles <roles>", "comma-separated: web,discord,slack,worker (default: all that are configured)")
    .option("--json", "machine-readable output")
    .action(async (options: { roles?: string; json?: boolean }) => (await commands.start()).startCommand(options));

  program
    .command("migrate")
    .description("apply pending database migrations")
    .option("--json", "machine-readable output")
    .action(async (options: { json?: boolean }) => (await commands.migrate()).migrateCommand(options));

  program
    .command("seed")
    .description("load demo data (--demo) or N synthetic users for benchmarks (--users N --seed S)")
    .option("--demo", "the demo community: 200+ people in 20+ cities (idempotent)")
    .option("--users <n>", "number of synthetic users", wholeNumber(1, 1_000_000))
    .option("--seed <s>", "random seed for synthetic users", wholeNumber(0, 2 ** 31 - 1), 1)
    .option("--json", "machine-readable output")
    .action(async (options: Parameters<Awaited<ReturnType<typeof commands.seed>>["seedCommand"]>[0]) =>
      (await commands.seed()).seedCommand(options),
    );

  program
    .command("profile <handle>")
    .description("show a profile (as its owner sees it, or --as another person)")
    .option("--as <handle>", "show the profile as this person would see it")
    .option("--json", "machine-readable output")
    .action(async (handle: string, options: { as?: string; json?: boolean }) =>
      (await commands.profile()).profileCommand(handle, options),
    );

  program
    .command("recommend <handle>")
    .description("reciprocal swap partners for a person, explained; --cycles adds three-person swaps")
    .option("--cycles", "also look for three-person swap cycles")
    .option("--limit <n>", "how many (1-50)", wholeNumber(1, 50), 10)
    .option("--json", "machine-readable output")
    .action(async (handle: string, options: { cycles?: boolean; limit?: number; json?: boolean }) =>
      (await commands.recommend()).recommendCommand(handle, options),
    );

  program
    .command("search [text]")
    .description("search people by skill (typos and aliases welcome), name, handle or bio, with filters")
    .option("--as <handle>", "search as this person sees it (default: signed out, public profiles only)")
    .option("--near <city>", "measure distances from this city (default: the person's own location)")
    .option("--km <n>", "only people within this many km (up to 20000)", numberAbove(0, 20_000))
    .option("--category <category>", "only skills in this category (slug or name)")
    .option("--level <n>", "minimum level, 1-5", wholeNumber(1, 5))
    .addOption(new Option("--teaches", "only people who teach the skill").conflicts("learns"))
    .option("--learns", "only people who want to learn it")
    .addOption(new Option("--online", "only people who meet online").conflicts("inPerson"))
    .option("--in-person", "only people who meet in person")
    .option("--available <slot>", 'free at this weekly time, e.g. "Tue 18:00-20:00"')
    .addOption(
      new Option("--sort <order>", "the order of results").choices(["relevance", "distance", "rating", "recent"]),
    )
    .option("--limit <n>", "results per page (1-50)", wholeNumber(1, 50), 20)
    .option("--cursor <cursor>", "the next page, as printed after a page")
    .option("--json", "machine-readable output")
    .action(
      async (
        text: string | undefined,
        options: Parameters<Awaited<ReturnType<typeof commands.search>>["searchCommand"]>[1],
      ) => (await commands.search()).searchCommand(text, options),
    );

  program
    .command("swaps <handle>")
    .description("a person's swap requests and swaps, newest first")
    .addOption(new Option("--status <status>", "which swaps").choices(swapStatuses))
    .option("--limit <n>", "how many (1-50)", wholeNumber(1, 50), 20)
    .option("--json", "machine-readable output")
    .action(async (handle: string, options: { status?: SwapListFilter; limit?: number; json?: boolean }) =>
      (await commands.swaps()).swapsCommand(handle, options),
    );

  program
    .command("groups")
    .description("interest groups with their community and member count")
    .option("--as <handle>", "only the groups this person can see")
    .option("--json", "machine-readable output")
    .action(async (options: { as?: string; json?: boolean }) => (await commands.swaps()).groupsCommand(options));

  program
    .command("reindex")
    .description("rebuild the search index from the database")
    .option("--json", "machine-readable output")
    .action(async (options: { json?: boolean }) => (await commands.search()).reindexCommand(options));

  program
    .command("outbox")
    .description("events waiting, delivered and dead in the outbox; dead ones listed with their last error")
    .option("--retry [eventId]", "send dead events (all, or one) back for delivery once the cause is fixed")
    .option("--json", "machine-readable output")
    .action(async (options: { retry?: string | boolean; json?: boolean }) =>
      (await commands.outbox()).outboxCommand(options),
    );

  program
    .command("register-commands")
    .description(
      "publish the slash commands to Discord (--discord), globally or to one guild, and print the invite link",
    )
    .option("--discord", "register the Discord slash commands (needs DISCORD_TOKEN)")
    .option("--guild <id>", "only in this guild: they appear at once (global ones can take an hour)")
    .option("--json", "machine-readable output")
    .action(async (flags: RegisterCommandsFlags) => (await commands.registerCommands()).registerCommandsCommand(flags));

  program
    .command("slack-manifest")
    .description("print the Slack app manifest (command, shortcut, Home tab, events, scopes) for PUBLIC_URL, as JSON")
    .option("--socket-mode", "Slack connects over a socket instead of calling PUBLIC_URL")
    .option("--name <name>", "the app's name in Slack (35 characters at most)")
    .action(async (flags: { socketMode?: boolean; name?: string }) =>
      (await commands.slackManifest()).slackManifestCommand(flags),
    );

  program
    .command("doctor")
    .description("check configuration and connections")
    .option("--json", "machine-readable output")
    .action(async (options: { json?: boolean }) => (await commands.doctor()).doctorCommand(options));

  return program;
}

export async function run(argv: readonly string[]): Promise<void> {
  const json = argv.includes("--json");
  try {
    await buildProgram().parseAsync([...argv], { from: "user" });
  } catch (error) {
    const { renderFailure } = await import("./output.js");
    process.stderr.write(`${renderFailure(error, json)}\n`);
    process.exitCode = 1;
  }
}

await run(process.argv.slice(2));
