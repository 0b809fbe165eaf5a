// The mixed load of the scale-out bench: signed-in people, each a closed loop (one request in flight at a time, so
// the load is bounded by their number), reading (search, profiles), writing (profile, skills), asking each other
// for swaps, accepting them and talking in the conversations that opens. Requests alternate between the web
// processes given. Every request is recorded (route, status, latency, when), and every write whose event should
// reach someone through the outbox is remembered with who should hear of it, for the exactly-once check.

export interface LoadPerson {
  readonly userId: string;
  readonly handle: string;
  readonly cookie: string;
  readonly csrf: string;
  /** Skills this person teaches: what others ask them for. */
  readonly teaches: readonly string[];
}

export interface Sample {
  readonly route: string;
  readonly status: number;
  readonly ms: number;
  /** Milliseconds since the load started, when the request was sent. */
  readonly at: number;
  /** The API's error code, for an answer that was not 2xx. */
  readonly code?: string;
}

/** Writes that must notify someone: the id the API answered with, and the person to be notified. */
export interface Expected {
  readonly swapRequested: Map<string, string>;
  readonly swapAccepted: Map<string, string>;
  readonly messagePosted: Map<string, string>;
}

export interface LoadRecord {
  readonly samples: Sample[];
  readonly expected: Expected;
  readonly seconds: number;
}

/** Skills people learn and drop again, taught by nobody in the bench's set so adding one never collides. */
export const learnable = ["Chess", "Drawing", "Italian", "Knitting"];

type Op = "search" | "profile" | "updateProfile" | "skill" | "swap" | "message";
// Reads dominate, as they do in use; a swap is two requests (ask, accept) and a message fans out.
const mix: ReadonlyArray<readonly [Op, number]> = [
  ["search", 30],
  ["profile", 25],
  ["updateProfile", 10],
  ["skill", 10],
  ["swap", 10],
  ["message", 15],
];
const searchTexts = ["guitar", "spanish", "python", "yoga", "piano", "cooking", "french", "photography"];

function pickOp(random: number): Op {
  let left = random * 100;
  for (const [op, weight] of mix) {
    left -= weight;
    if (left < 0) return op;
  }
  return "search";
}

/** A tiny seeded generator (mulberry32): the same run asks the same things in the same order. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runLoad(
  urls: readonly string[],
  people: readonly LoadPerson[],
  seconds: number,
): Promise<LoadRecord> {
  const samples: Sample[] = [];
  const expected: Expected = { swapRequested: new Map(), swapAccepted: new Map(), messagePosted: new Map() };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let sent = 0;
  // Two people and a skill make one swap, whoever asks: the API refuses a second while the first is open.
  const pairs = new Set<string>();

  async function call(route: string, person: LoadPerson, method: string, path: string, body?: unknown) {
    const url = urls[sent++ % urls.length] ?? "";
    const at = performance.now() - started;
    const headers: Record<string, string> = { cookie: person.cookie, "x-csrf-token": person.csrf };
    if (body !== undefined) headers["content-type"] = "application/json";
    let status = 0;
    let json: unknown = null;
    try {
      const response = await fetch(`${url}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      status = response.status;
      json = response.headers.get("content-type")?.includes("json") === true ? await response.json() : null;
    } catch {
      // A refused or cut connection: status 0, counted as an error.
    }
    const ms = performance.now() - started - at;
    const code = (json as { error?: { code?: unknown } } | null)?.error?.code;
    samples.push({ route, status, ms, at, ...(typeof code === "string" ? { code: `${status} ${code}` } : {}) });
    return { status, json: json as Record<string, unknown> | null };
  }

  async function person(index: number): Promise<void> {
    const me = people[index] as LoadPerson;
    const random = seeded(index + 1);
    const conversations: Array<{ id: string; partner: LoadPerson }> = [];
    let learning: string | undefined;
    let asked = 0;
    while (performance.now() < deadline) {
      const op = pickOp(random());
      if (op === "search") {
        const q = searchTexts[Math.floor(random() * searchTexts.length)] ?? "guitar";
        await call("search", me, "GET", `/api/v1/people?q=${q}&limit=20`);
      } else if (op === "profile") {
        const other = people[Math.floor(random() * people.length)] as LoadPerson;
        await call("profile", me, "GET", `/api/v1/users/${other.handle}`);
      } else if (op === "updateProfile") {
        await call("updateProfile", me, "PATCH", "/api/v1/me", { bio: `Bench bio ${Math.floor(random() * 1e6)}` });
      } else if (op === "skill") {
        if (learning === undefined) {
          const skill = learnable[Math.floor(random() * learnable.length)] ?? "Chess";
          const added = await call("addSkill", me, "POST", "/api/v1/me/skills", {
            skill,
            direction: "learn",
            level: 2,
          });
          if (added.status === 201 && typeof added.json?.id === "string") learning = added.json.id;
        } else {
          await call("removeSkill", me, "DELETE", `/api/v1/me/skills/${learning}`);
          learning = undefined;
        }
      } else if (op === "swap" || conversations.length === 0) {
        // Each (partner, skill) once: one open request per pair of people and skill is the rule.
        const partner = people[(index + 1 + (asked % (people.length - 1))) % people.length] as LoadPerson;
        const want = partner.teaches[Math.floor(asked / (people.length - 1))];
        if (want === undefined) continue;
        asked += 1;
        const pair = `${[me.userId, partner.userId].sort().join("+")}:${want}`;
        if (pairs.has(pair)) continue;
        pairs.add(pair);
        const request = await call("requestSwap", me, "POST", "/api/v1/swaps", { to: partner.handle, want });
        const swapId = request.json?.id;
        if (request.status !== 201 || typeof swapId !== "string") continue;
        expected.swapRequested.set(swapId, partner.userId);
        const accept = await call("acceptSwap", partner, "POST", `/api/v1/swaps/${swapId}/accept`);
        const conversationId = accept.json?.conversationId;
        if (accept.status !== 200 || typeof conversationId !== "string") continue;
        expected.swapAccepted.set(swapId, me.userId);
        conversations.push({ id: conversationId, partner });
      } else {
        const { id, partner } = conversations[Math.floor(random() * conversations.length)] as (typeof conversations)[0];
        const posted = await call("postMessage", me, "POST", `/api/v1/conversations/${id}/messages`, {
          text: `Bench message ${Math.floor(random() * 1e6)}`,
        });
        if (posted.status === 201 && typeof posted.json?.id === "string")
          expected.messagePosted.set(posted.json.id, partner.userId);
      }
    }
  }

  await Promise.all(people.map((_, index) => person(index)));
  return { samples, expected, seconds: (performance.now() - started) / 1000 };
}

export interface RouteStats {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
  /** What the non-2xx answers said, by status and error code. */
  readonly refusals: Record<string, number>;
}

function countBy(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

const percentile = (sorted: readonly number[], p: number) =>
  Math.round((sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0) * 10) / 10;

/** Requests per second and latency per route, over the whole run. */
export function routeStats(record: LoadRecord): Record<string, RouteStats> {
  const byRoute = new Map<string, Sample[]>();
  for (const sample of record.samples) {
    const samples = byRoute.get(sample.route) ?? [];
    samples.push(sample);
    byRoute.set(sample.route, samples);
  }
  const stats: Record<string, RouteStats> = {};
  for (const [route, samples] of [...byRoute].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
    stats[route] = {
      requests: samples.length,
      requestsPerSecond: Math.round(samples.length / record.seconds),
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      non2xx: samples.filter((s) => s.status !== 0 && (s.status < 200 || s.status >= 300)).length,
      errors: samples.filter((s) => s.status === 0).length,
      refusals: countBy(samples.flatMap((s) => (s.code === undefined ? [] : [s.code]))),
    };
  }
  return stats;
}
