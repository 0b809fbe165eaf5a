import { startWorker, type Actor, type Delivery, type Worker } from "@skillswap/core";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import { ComponentType, type APIButtonComponent, type APIMessage } from "discord.js";
import { LocalDiscord, type LocalUser } from "./index.js";
import { createDiscordBot, type DiscordBot } from "../discord/create-discord-bot.js";
import { discordDelivery } from "../discord/outbox/dm-delivery.js";
import { commandDefinitions } from "../commands/definitions.js";
import { applicationCommandsOf } from "../discord/application-commands.js";

/** SkillSwap's slash commands, as a local Discord has them once the app registered them. */
export const slashCommands = applicationCommandsOf(commandDefinitions);

/** Scenario people: Discord members of the local guild. */
export const maya: LocalUser = { id: "310000000000000001", username: "maya.k", globalName: "Maya" };
export const theo: LocalUser = { id: "310000000000000002", username: "theo.r", globalName: "Theo" };
export const lena: LocalUser = { id: "310000000000000003", username: "lena.b", globalName: "Lena" };
export const leo: LocalUser = { id: "310000000000000102", username: "leo.r", globalName: "Leo" };
export const ines: LocalUser = { id: "310000000000000103", username: "ines.p", globalName: "Inès" };

/** Discord's bits for an ephemeral message and for the Manage Server permission. */
export const ephemeralFlag = 64;
export const manageServer = "32";

/**
 * The cast and stage of the Discord scenarios: a fresh SQLite core, the local Discord with its members and the
 * command table registered for the guild (so options arrive typed exactly as Discord types them), the real
 * discord.js bot logged in to it, and on demand the outbox worker notifying people by DM through the bot.
 */
export interface Scenario {
  readonly core: TestCore;
  readonly discord: LocalDiscord;
  readonly bot: DiscordBot;
  /** What the bot and the delivery logged, errors and warnings alike: a scenario expecting none checks it. */
  readonly logged: string[];
  readonly delivery: Delivery;
  /** Starts the outbox worker (tests that only check commands leave it off), with other surfaces if given. */
  startWorker(others?: readonly Delivery[]): Worker;
  /** A member who already uses SkillSwap (public profile) and teaches these skills (name → level). */
  member(user: LocalUser, teaches?: Readonly<Record<string, number>>): Promise<Actor & { readonly handle: string }>;
  stop(): Promise<void>;
}

export async function startScenario(members: readonly LocalUser[] = [maya, theo, lena, leo, ines]): Promise<Scenario> {
  const core = await createTestCore("sqlite");
  const discord = new LocalDiscord({ guildName: "Lyon Makers", members, guildCommands: slashCommands });
  await discord.start();
  const token = "local.bot.token";
  const logged: string[] = [];
  const logger = {
    error: (message: string, error: unknown) =>
      logged.push(error instanceof Error ? `${message}: ${error.message}` : message),
    warn: (message: string) => logged.push(message),
  };
  const bot = createDiscordBot(core, { token, apiUrl: discord.apiUrl, logger });
  await bot.start();
  const delivery = discordDelivery({ core, rest: bot.client.rest, logger });
  const workers: Worker[] = [];
  return {
    core,
    discord,
    bot,
    logged,
    delivery,
    startWorker(others = []) {
      const worker = startWorker(core, {
        deliveries: [delivery, ...others],
        pollIntervalMs: 10,
        jobEveryMs: 3_600_000,
      });
      workers.push(worker);
      return worker;
    },
    async member(user, teaches = {}) {
      const account = await core.services.accounts.registerFromIdentity({
        provider: "discord",
        subject: user.id,
        username: user.username,
        displayName: user.globalName ?? user.username,
      });
      const actor = { userId: account.userId };
      await core.services.profiles.update(actor, { visibility: "public" });
      for (const [skill, level] of Object.entries(teaches))
        await core.services.skills.add(actor, { skill, direction: "teach", level });
      return { ...actor, handle: account.handle };
    },
    async stop() {
      await Promise.all(workers.map((worker) => worker.stop()));
      await bot.stop();
      await discord.stop();
      await core.close();
    },
  };
}

/** The SkillSwap person a Discord member became on their first interaction. */
export async function personOf(scenario: Scenario, user: LocalUser) {
  const account = await scenario.core.services.accounts.findByIdentity("discord", "", user.id);
  if (account === null) throw new Error(`${user.username} never used SkillSwap`);
  return { userId: account.userId, handle: account.handle };
}

/** Maya (teaches Guitar) asks Leo (teaches Spanish), both on SkillSwap, for a swap; it is pending. */
export async function swapAskedByMaya(s: Scenario) {
  const mayaActor = await s.member(maya, { Guitar: 4 });
  const leoActor = await s.member(leo, { Spanish: 5 });
  const asked = await s.core.services.swaps.request(mayaActor, {
    to: leoActor.handle,
    want: "Spanish",
    offer: "Guitar",
  });
  return { maya: mayaActor, leo: leoActor, swapId: asked.id };
}

/** The same swap, accepted by Leo. */
export async function acceptedSwapOfMayaAndLeo(s: Scenario) {
  const asked = await swapAskedByMaya(s);
  await s.core.services.swaps.accept(asked.leo, asked.swapId);
  return asked;
}

/** Resolves with the probe's first defined answer, polling: for what the outbox does in the background. */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  const until = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`waited 10 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Everything a person reads in a message: its text, embed titles, fields, footers and button labels. */
export function textOf(message: APIMessage): string {
  const embeds = message.embeds.flatMap((embed) => [
    embed.title ?? "",
    embed.description ?? "",
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    embed.footer?.text ?? "",
  ]);
  const labels = message.components?.flatMap((row) =>
    "components" in row ? row.components.map((c) => ("label" in c ? (c.label ?? "") : "")) : [],
  );
  return [message.content, ...embeds, ...(labels ?? [])].filter((part) => part !== "").join("\n");
}

/** The buttons on a message, as Discord stores them. */
export function buttonsOf(message: APIMessage): APIButtonComponent[] {
  return (message.components ?? []).flatMap((row) =>
    "components" in row ? row.components.filter((c): c is APIButtonComponent => c.type === ComponentType.Button) : [],
  );
}
