// The server half of `npm run bench:api`: one process, as the web role runs, on a fresh SQLite file with either
// the demo community or synthetic people. It signs 20 people in (login links, as the bot hands out), opens
// conversations for them to post into, adds the ceiling route, listens on loopback and reports to its parent.
// Given a built dashboard's folder (4th argument, as `npm run bench:web` passes it), it serves that too.
import { createCore, loadConfig, seedDemo, seedSynthetic, type Actor, type Core } from "@skillswap/core";
import { acceptedSwap } from "@skillswap/core/testing";
import { buildApp } from "@skillswap/dashboard";
import type { FastifyInstance } from "fastify";
import { join } from "node:path";

export interface BenchSession {
  readonly cookie: string;
  readonly csrf: string;
  readonly conversationId: string;
}

export interface ServerReady {
  readonly url: string;
  readonly people: number;
  readonly handles: readonly string[];
  readonly searchTexts: readonly string[];
  readonly sessions: readonly BenchSession[];
  /** Sessions of people in a conversation, for posting messages. */
  readonly conversations: readonly BenchSession[];
}

const [dataset = "demo", dir = ".", users = "100000", dashboard] = process.argv.slice(2);

async function signIn(app: FastifyInstance, core: Core, actor: Actor, conversationId = ""): Promise<BenchSession> {
  const { token } = await core.services.accounts.issueLoginLink(actor);
  const landing = await app.inject({ method: "GET", url: `/login/link?token=${token}` });
  const cookie = [landing.headers["set-cookie"] ?? []]
    .flat()
    .map((c) => c.split(";")[0])
    .join("; ");
  const csrf = await app.inject({ method: "GET", url: "/api/v1/auth/csrf", headers: { cookie } });
  const token2 = csrf.statusCode === 200 ? (csrf.json<{ token: string }>().token ?? "") : "";
  return { cookie, csrf: token2, conversationId };
}

const core = await createCore(
  loadConfig(
    {
      DATABASE_URL: `file:${join(dir, "bench.db")}`,
      SKILLSWAP_DEMO_DATA: "false",
      LOG_LEVEL: "silent",
      // One load generator is one client: the per-client limits would measure themselves, not the routes.
      API_REQUESTS_PER_MINUTE: String(10_000_000),
      SEARCHES_PER_MINUTE: String(10_000_000),
    },
    {},
  ),
);
let people: number;
if (dataset === "synthetic") {
  people = (await seedSynthetic(core, { users: Number(users), seed: 1 })).users;
} else {
  people = (await seedDemo(core)).users;
}
await core.services.search.reindex();
// As the web role does when it starts (in the background there): the first request does not build the index.
await core.services.matching.prepare();
const app = await buildApp(core, dashboard === undefined ? {} : { dashboard });
// The ceiling: what Fastify alone serves on this machine, no session, no core.
app.get("/bench/ceiling", () => ({ ok: true }));
const url = await app.listen({ host: "127.0.0.1", port: 0 });

// Twenty people who are visible to everyone: their handles are read back through the API itself.
const visible = await core.services.search.people(null, { limit: 20 });
const handles = visible.hits.map((hit) => hit.handle);
const actors = await Promise.all(handles.map((handle) => core.services.accounts.actorByHandle(handle)));
const sessions = await Promise.all(actors.map((actor) => signIn(app, core, actor)));
const conversations: BenchSession[] = [];
for (let i = 0; i < 5; i += 1) {
  const { ana, conversationId } = await acceptedSwap(core, [`Bench Ana ${i}`, `Bench Bea ${i}`]);
  conversations.push(await signIn(app, core, ana, conversationId));
}
const searchTexts = [
  "guitar",
  "gitar",
  "spanish",
  "python",
  "yoga",
  "photography",
  "piano",
  "cooking",
  "french",
  "maria",
];
const ready: ServerReady = { url, people, handles, searchTexts, sessions, conversations };
process.send?.(ready);
process.on("SIGTERM", () => {
  void app
    .close()
    .then(() => core.close())
    .then(() => process.exit(0));
});
