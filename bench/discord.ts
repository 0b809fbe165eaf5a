import { applicationCommandsOf, commandDefinitions, createDiscordBot, type BotLogger } from "@skillswap/bot";
import { LocalDiscord, type InteractionInput, type LocalUser } from "@skillswap/bot/testing";
import type { Actor, CoreInternals } from "@skillswap/core";
import { catalogSkills, seededRandom } from "@skillswap/core/bench";
import { percentiles, type Percentiles } from "./recommend.js";

type Random = () => number;

// Discord's callback types for "thinking…" (5) and "updating the message" (6): the answer comes as an edit.
const deferrals: ReadonlySet<number> = new Set([5, 6]);
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** What a member does, by kind; every kind is measured on its own and all together. */
type Kind = "help" | "skills list" | "profile view" | "find" | "match" | "autocomplete skill";

const kinds: readonly Kind[] = ["help", "skills list", "profile view", "find", "match", "autocomplete skill"];

function inputOf(kind: Kind, user: LocalUser, other: LocalUser, random: Random): InteractionInput {
  const skill = pick(random, catalogSkills).name;
  switch (kind) {
    case "help":
      return { user, command: "skillswap help" };
    case "skills list":
      return { user, command: "skills list" };
    case "profile view":
      return { user, command: "profile view", options: { user: { user: other } } };
    case "find":
      return { user, command: "find", options: { skill } };
    case "match":
      return { user, command: "match" };
    case "autocomplete skill":
      return { kind: "autocomplete", user, command: "skills add", options: { skill: { focused: skill.slice(0, 3) } } };
  }
}

export interface DiscordBench {
  readonly members: number;
  readonly interactions: number;
  /** From the moment the local Discord dispatches INTERACTION_CREATE to the moment it receives the first callback. */
  readonly ackMs: Percentiles;
  readonly ackMsByKind: Readonly<Record<Kind, Percentiles>>;
  /** Until the person sees the answer: for deferred commands, the edit of the deferred reply. */
  readonly answeredMsByKind: Readonly<Record<Kind, Percentiles>>;
  readonly deferredShare: number;
}

/**
 * Interaction acknowledgement latency of the real bot (discord.js over the gateway, the router, the core) on
 * the synthetic users: `members` of them get a Discord identity and run each kind of interaction in turn, one
 * at a time, against a local Discord in this process (so its own work is included in the numbers).
 */
export async function benchDiscord(core: CoreInternals, actors: readonly Actor[], seed: number): Promise<DiscordBench> {
  const random = seededRandom(seed * 104_729);
  const users: LocalUser[] = actors.map((_, i) => ({
    id: String(320_000_000_000_000_000n + BigInt(i)),
    username: `member${i}`,
  }));
  // The benchmark's members are synthetic people who already use SkillSwap: link their Discord accounts.
  await core.database.db.identity.createMany({
    data: actors.map((actor, i) => ({
      id: `bench-discord-${i}`,
      userId: actor.userId,
      provider: "discord",
      tenantId: "",
      subject: users[i]?.id ?? "",
      username: users[i]?.username ?? "",
    })),
  });
  const discord = new LocalDiscord({
    guildName: "Bench Guild",
    members: users,
    timeoutMs: 60_000,
    guildCommands: applicationCommandsOf(commandDefinitions),
  });
  await discord.start();
  const token = "local.bot.token";
  const faults: unknown[] = [];
  const logger: BotLogger = { error: (message, error) => faults.push({ message, error }) };
  const bot = createDiscordBot(core, { token, apiUrl: discord.apiUrl, logger });
  await bot.start();
  try {
    // Warm-up: the match index and caches are built by the first requests, reported by the recommend benchmark.
    for (const user of users.slice(0, 3))
      for (const kind of kinds) await discord.exchange(inputOf(kind, user, users[0] ?? user, random)).first;

    const ack = new Map<Kind, number[]>(kinds.map((k) => [k, []]));
    const answered = new Map<Kind, number[]>(kinds.map((k) => [k, []]));
    let deferred = 0;
    for (const [i, user] of users.entries()) {
      const other = users[(i + 1) % users.length] ?? user;
      for (const kind of kinds) {
        const started = performance.now();
        const exchange = discord.exchange(inputOf(kind, user, other, random));
        const first = await exchange.first;
        ack.get(kind)?.push(performance.now() - started);
        if (deferrals.has(first.type)) {
          deferred += 1;
          await exchange.settled();
        }
        answered.get(kind)?.push(performance.now() - started);
      }
    }
    if (faults.length > 0) throw new Error(`the bot logged ${faults.length} fault(s): ${JSON.stringify(faults[0])}`);
    const byKind = (samples: Map<Kind, number[]>) =>
      Object.fromEntries(kinds.map((k) => [k, percentiles(samples.get(k) ?? [])])) as Record<Kind, Percentiles>;
    const all = [...ack.values()].flat();
    return {
      members: users.length,
      interactions: all.length,
      ackMs: percentiles(all),
      ackMsByKind: byKind(ack),
      answeredMsByKind: byKind(answered),
      deferredShare: Math.round((deferred / all.length) * 100) / 100,
    };
  } finally {
    await bot.stop();
    await discord.stop();
  }
}
