import { startWorker, type Actor, type Delivery, type Worker } from "@skillswap/core";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import { LocalDiscord, type LocalUser } from "../../testing/index.js";
import { createDiscordBot, type DiscordBot } from "../create-discord-bot.js";
import { discordDelivery } from "../outbox/dm-delivery.js";

/**
 * The cast and stage of the swap scenarios: a core, the local Discord with its members, the real bot logged
 * in to it, and the outbox worker delivering notifications by DM through the bot's REST client.
 */
export interface SwapScenario {
  readonly core: TestCore;
  readonly discord: LocalDiscord;
  readonly bot: DiscordBot;
  /** What the bot and the delivery logged: errors and warnings alike. */
  readonly logged: string[];
  readonly delivery: ReturnType<typeof discordDelivery>;
  /** Starts the outbox worker (tests that only check commands leave it off), with other surfaces if given. */
  startWorker(others?: readonly Delivery[]): Worker;
  /** A member who already uses SkillSwap (public profile) and teaches these skills (name → level). */
  member(user: LocalUser, teaches?: Readonly<Record<string, number>>): Promise<Actor & { readonly handle: string }>;
  stop(): Promise<void>;
}

export const maya: LocalUser = { id: "310000000000000101", username: "maya.k", globalName: "Maya" };
export const leo: LocalUser = { id: "310000000000000102", username: "leo.r", globalName: "Leo" };
export const ines: LocalUser = { id: "310000000000000103", username: "ines.p", globalName: "Inès" };

export async function startSwapScenario(members: readonly LocalUser[] = [maya, leo, ines]): Promise<SwapScenario> {
  const core = await createTestCore("sqlite");
  const discord = new LocalDiscord({ guildName: "Lyon Makers", members });
  await discord.start();
  const logged: string[] = [];
  const logger = {
    error: (message: string) => logged.push(message),
    warn: (message: string) => logged.push(message),
  };
  const bot = createDiscordBot(core, { token: "local.bot.token", apiUrl: discord.apiUrl, logger });
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
      const deliveries = [delivery, ...others];
      const worker = startWorker(core, { deliveries, pollIntervalMs: 10, jobEveryMs: 3_600_000 });
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

/** Maya (teaches Guitar) and Leo (teaches Spanish), both on SkillSwap, with a swap Leo accepted. */
export async function acceptedSwapOfMayaAndLeo(s: SwapScenario) {
  const mayaActor = await s.member(maya, { Guitar: 4 });
  const leoActor = await s.member(leo, { Spanish: 5 });
  const asked = await s.core.services.swaps.request(mayaActor, {
    to: leoActor.handle,
    want: "Spanish",
    offer: "Guitar",
  });
  await s.core.services.swaps.accept(leoActor, asked.id);
  return { maya: mayaActor, leo: leoActor, swapId: asked.id };
}
