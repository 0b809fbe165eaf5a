import { slackAppOver, type BotLogger } from "@skillswap/bot";
import { startLocalSlack } from "@skillswap/bot/testing";
import { createCore, loadConfig, type Actor } from "@skillswap/core";
import { catalogSkills, seededRandom } from "@skillswap/core/bench";
import { buildApp } from "@skillswap/dashboard";
import { percentiles, type Percentiles } from "./recommend.js";
import { ResponseUrlRecorder } from "./slack-response-urls.js";
import { memberTurn, slackKinds, type SlackKind, type SlackMember, type SlackSample } from "./slack-traffic.js";

/** Requests in flight at once: a busy workspace, not a flood (one member's requests follow each other). */
const concurrency = 6;
/** Slack retries a request it has no answer to within 3 s; the target leaves room under it on this machine. */
const ackTargetP99Ms = 300;
/** The run stops starting members after this, so a slow machine still finishes. */
const timeBoundMs = 5 * 60_000;
const signingSecret = "b3nch5ecret0f5kill5wap0000000001";

export interface SlackBench {
  readonly members: number;
  readonly requests: number;
  readonly concurrency: number;
  /** Request sent → HTTP response received, over loopback HTTP to the listening web role. */
  readonly ackMs: Percentiles;
  readonly ackMsByKind: Readonly<Record<SlackKind, Percentiles>>;
  /** Until the reply is posted: the ack itself when it carries the reply, else the response_url message. */
  readonly answeredMsByKind: Readonly<Record<SlackKind, Percentiles>>;
  readonly answeredInAckShare: number;
  readonly ackTargetP99Ms: number;
  readonly met: boolean;
}

/** Runs `work` on every item, `count` at a time, starting no new item once `until` (performance.now()) passed. */
async function inParallel<T>(items: readonly T[], count: number, until: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    for (let item = items[next]; item !== undefined && performance.now() < until; item = items[next]) {
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: count }, worker));
}

const byKind = (samples: readonly SlackSample[], time: (s: SlackSample) => number) =>
  Object.fromEntries(
    slackKinds.map((kind) => [kind, percentiles(samples.filter((s) => s.kind === kind).map(time))]),
  ) as Record<SlackKind, Percentiles>;

/**
 * Slack's side of the web role: the real Bolt app with SkillSwap's listeners behind `/slack/events`, mounted in
 * the dashboard's server and listening on loopback as `skillswap start --roles web` serves it, on the synthetic
 * database in `file`. `actors.length` synthetic users get a Slack identity in a local workspace and send signed
 * slash commands and button clicks, `concurrency` at a time; the local Slack Web API, the response_url recorder
 * and the load all run in this process, so their work is included in the numbers.
 */
export async function benchSlack(file: string, actors: readonly Actor[], seed: number): Promise<SlackBench> {
  const random = seededRandom(seed * 15_485_863);
  const members: SlackMember[] = actors.map((_, i) => ({
    id: `U0BENCH${String(i).padStart(4, "0")}`,
    name: `member${i}`,
    real_name: `Member ${i}`,
  }));
  const skills = members.map(() => catalogSkills[Math.floor(random() * catalogSkills.length)]?.name ?? "Guitar");
  const slack = await startLocalSlack({ team: { name: "Bench Workspace" }, members, timeoutMs: 60_000 });
  const replies = new ResponseUrlRecorder();
  await replies.start();
  // The Slack settings are the web role's configuration, so this phase opens its core itself.
  const core = await createCore(
    loadConfig(
      {
        DATABASE_URL: `file:${file}`,
        LOG_LEVEL: "silent",
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_BOT_TOKEN: slack.team.botToken ?? "",
        SLACK_API_URL: slack.apiUrl,
      },
      {},
    ),
    { prepare: false },
  );
  const faults: unknown[] = [];
  const logger: BotLogger = { error: (message, error) => faults.push({ message, error: String(error) }) };
  const teamId = slack.team.id;
  try {
    // The benchmark's members are synthetic people who already use SkillSwap: link their Slack accounts.
    for (const [i, actor] of actors.entries()) {
      const member = members[i];
      if (member === undefined) continue;
      const identity = { provider: "slack", tenantId: teamId, subject: member.id, username: member.name } as const;
      await core.services.accounts.linkIdentity(actor, { ...identity, displayName: member.real_name });
    }
    const app = slackAppOver(core, { logger });
    if (app === undefined) throw new Error("the web role did not mount /slack/events with the bench's settings");
    const server = await buildApp(core, { slack: app.receiver });
    try {
      const url = await server.listen({ host: "127.0.0.1", port: 0 });
      // As the web role does when it starts; the first build is reported by the recommend benchmark.
      await core.services.matching.prepare();
      const target = { eventsUrl: `${url}/slack/events`, signingSecret, teamId, replies };
      const otherOf = (i: number) => members[(i + 1) % members.length] ?? members[0];
      for (const [i, member] of members.slice(0, 3).entries())
        await memberTurn(target, member, otherOf(i) ?? member, skills[i] ?? "Guitar");

      const samples: SlackSample[] = [];
      let served = 0;
      const until = performance.now() + timeBoundMs;
      await inParallel([...members.keys()], concurrency, until, async (i) => {
        const member = members[i];
        if (member === undefined) return;
        samples.push(...(await memberTurn(target, member, otherOf(i) ?? member, skills[i] ?? "Guitar")));
        served += 1;
      });
      if (faults.length > 0) throw new Error(`the app logged ${faults.length} fault(s): ${JSON.stringify(faults[0])}`);
      const ackMs = percentiles(samples.map((s) => s.ackMs));
      return {
        members: served,
        requests: samples.length,
        concurrency,
        ackMs,
        ackMsByKind: byKind(samples, (s) => s.ackMs),
        answeredMsByKind: byKind(samples, (s) => s.answeredMs),
        answeredInAckShare: Math.round((samples.filter((s) => s.answeredInAck).length / samples.length) * 100) / 100,
        ackTargetP99Ms,
        met: ackMs.p99 <= ackTargetP99Ms,
      };
    } finally {
      await server.close();
    }
  } finally {
    await core.close();
    await replies.stop();
    await slack.close();
  }
}
