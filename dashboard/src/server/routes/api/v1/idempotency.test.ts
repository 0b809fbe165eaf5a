import type { Services } from "@skillswap/core";
import { newPerson, newPublicPerson, testProviders } from "@skillswap/core/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../../app.js";
import { startApi, type ApiClient, type ApiHarness } from "../../../testing/api-harness.js";
import { rejectedFields } from "../../../testing/responses.js";

interface Sent {
  readonly status: number;
  readonly replayed: boolean;
  readonly body: { readonly id?: string; readonly error?: { readonly code: string } };
  readonly text: string;
}
interface Page {
  readonly items: readonly { readonly id: string }[];
}

const day = 24 * 60 * 60 * 1000;

describe.each(testProviders())("Idempotency-Key on creating requests (%s)", (provider) => {
  let api: ApiHarness;
  let counter = 0;

  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  /** A POST with a JSON body and, when given, an Idempotency-Key, to `app` (the API's own by default). */
  async function send(client: ApiClient, url: string, body: unknown, key?: string, app?: FastifyInstance) {
    const response = await (app ?? api.app).inject({
      method: "POST",
      url,
      headers: {
        ...client.headers("POST"),
        "content-type": "application/json",
        ...(key === undefined ? {} : { "idempotency-key": key }),
      },
      payload: JSON.stringify(body),
    });
    return {
      status: response.statusCode,
      replayed: response.headers["idempotent-replayed"] === "true",
      body: response.json<Sent["body"]>(),
      text: response.payload,
    } satisfies Sent;
  }

  const idsIn = async (client: ApiClient, url: string) =>
    ((await client.get(url)).body as Page).items.map((item) => item.id);

  /** Someone signed in, with a group name of their own each time. */
  async function someone() {
    counter += 1;
    const person = await newPerson(api.core, "kim");
    return { person, client: await api.as(person), group: { name: `Night owls ${counter}` } };
  }

  /** Someone signed in, with a thread in a forum of theirs: the address to reply to it. */
  async function threadOfTheirs() {
    const { person, client } = await someone();
    const group = await api.core.services.groups.create(person, { name: `Bakers ${counter}` });
    const thread = await send(client, `/api/v1/groups/${group.id}/threads`, { title: "Rye?", body: "Tips?" });
    expect(thread.status).toBe(201);
    return { person, client, group, posts: `/api/v1/threads/${thread.body.id ?? ""}/posts` };
  }

  /** Ana, signed in, and Bea, who teaches Spanish: someone Ana may ask for a swap. */
  async function twoPeople() {
    const ana = await newPublicPerson(api.core, "ana", { Guitar: 4 });
    const bea = await newPublicPerson(api.core, "bea", { Spanish: 5 });
    return { ana, bea, asAna: await api.as(ana), ask: { to: bea.handle, want: "Spanish", offer: "Guitar" } };
  }

  describe("a retry with the same key", () => {
    it("gets the first answer again, byte for byte, marked as replayed, and the reply is posted once", async () => {
      const { client, posts } = await threadOfTheirs();
      const first = await send(client, posts, { body: "More water." }, "reply-1");
      const retry = await send(client, posts, { body: "More water." }, "reply-1");
      expect([first.status, first.replayed]).toEqual([201, false]);
      expect([retry.status, retry.replayed]).toEqual([201, true]);
      expect(retry.text).toBe(first.text);
      expect(await idsIn(client, posts)).toEqual([first.body.id]);
    });

    it("does not ask for the same swap twice, where asking again without a key is refused", async () => {
      const { asAna, ask } = await twoPeople();
      const first = await send(asAna, "/api/v1/swaps", ask, "ask-bea");
      const retry = await send(asAna, "/api/v1/swaps", ask, "ask-bea");
      expect([first.status, retry.status, retry.replayed]).toEqual([201, 201, true]);
      expect(retry.body.id).toBe(first.body.id);
      expect(await idsIn(asAna, "/api/v1/swaps")).toEqual([first.body.id]);
      expect((await send(asAna, "/api/v1/swaps", ask)).status).toBe(409);
    });

    it("puts a skill on my profile once", async () => {
      const { client } = await someone();
      const skill = { skill: "Guitar", direction: "teach", level: 3 };
      const first = await send(client, "/api/v1/me/skills", skill, "guitar");
      const retry = await send(client, "/api/v1/me/skills", skill, "guitar");
      expect([first.status, retry.status, retry.replayed]).toEqual([201, 201, true]);
      expect(retry.body.id).toBe(first.body.id);
      expect(((await client.get("/api/v1/me/skills")).body as unknown[]).length).toBe(1);
    });

    it("creates a group once", async () => {
      const { client, group } = await someone();
      const first = await send(client, "/api/v1/groups", group, "create-group");
      const retry = await send(client, "/api/v1/groups", group, "create-group");
      expect([first.status, retry.status, retry.replayed]).toEqual([201, 201, true]);
      expect(retry.body.id).toBe(first.body.id);
    });

    it("without a key, creates again: the header is optional", async () => {
      const { client, posts } = await threadOfTheirs();
      const first = await send(client, posts, { body: "Again." });
      const second = await send(client, posts, { body: "Again." });
      expect([first.status, second.status, second.replayed]).toEqual([201, 201, false]);
      expect(await idsIn(client, posts)).toEqual([first.body.id, second.body.id]);
    });
  });

  describe("a key used for something else", () => {
    it("is refused with 422 when the body differs, and nothing more is created", async () => {
      const { client, posts } = await threadOfTheirs();
      const first = await send(client, posts, { body: "First words" }, "mine");
      const other = await send(client, posts, { body: "Other words" }, "mine");
      expect({ status: other.status, code: other.body.error?.code }).toEqual({
        status: 422,
        code: "IDEMPOTENCY.KEY_REUSED",
      });
      expect(await idsIn(client, posts)).toEqual([first.body.id]);
    });

    it("is refused with 422 when the address differs: the same reply to another thread", async () => {
      const { client, group, posts } = await threadOfTheirs();
      const other = await send(client, `/api/v1/groups/${group.id}/threads`, { title: "Spelt?", body: "Any?" });
      const otherPosts = `/api/v1/threads/${other.body.id ?? ""}/posts`;
      const reply = { body: "Same words" };
      expect((await send(client, posts, reply, "k")).status).toBe(201);
      const elsewhere = await send(client, otherPosts, reply, "k");
      expect({ status: elsewhere.status, code: elsewhere.body.error?.code }).toEqual({
        status: 422,
        code: "IDEMPOTENCY.KEY_REUSED",
      });
      expect(await idsIn(client, otherPosts)).toEqual([]);
    });

    it("is someone else's business when another person sends the same key: theirs is created", async () => {
      const kim = await threadOfTheirs();
      const lou = await someone();
      await api.core.services.groups.join(lou.person, kim.group.id);
      const hers = await send(kim.client, kim.posts, { body: "Same words" }, "shared-key");
      const his = await send(lou.client, kim.posts, { body: "Same words" }, "shared-key");
      expect([hers.status, his.status, his.replayed]).toEqual([201, 201, false]);
      expect(await idsIn(kim.client, kim.posts)).toEqual([hers.body.id, his.body.id]);
    });

    it("is independent across operations: the same key on another route runs there", async () => {
      const { client, group } = await someone();
      const created = await send(client, "/api/v1/groups", group, "one-key");
      const skill = await send(
        client,
        "/api/v1/me/skills",
        { skill: "Chess", direction: "learn", level: 2 },
        "one-key",
      );
      expect([created.status, skill.status, skill.replayed]).toEqual([201, 201, false]);
    });
  });

  describe("what is not kept", () => {
    it("refuses a key longer than 255 characters, naming the header, and takes one of 255", async () => {
      const { client, group } = await someone();
      const overlong = await send(client, "/api/v1/groups", group, "k".repeat(256));
      expect(overlong.status).toBe(400);
      expect(rejectedFields({ status: 400, headers: {}, body: overlong.body })).toEqual(["idempotency-key"]);
      expect((await send(client, "/api/v1/groups", group, "k".repeat(255))).status).toBe(201);
    });

    it("forgets a request the schema refused, so the corrected one may use the same key", async () => {
      const { client, group } = await someone();
      const refused = await send(client, "/api/v1/groups", { ...group, colour: "red" }, "fix-me");
      expect(rejectedFields({ status: 400, headers: {}, body: refused.body })).toEqual(["colour"]);
      const fixed = await send(client, "/api/v1/groups", group, "fix-me");
      expect([fixed.status, fixed.replayed]).toEqual([201, false]);
    });

    it("forgets a request the use case refused, so the same request runs again once it can succeed", async () => {
      const { client } = await someone();
      const unknown = await send(
        client,
        "/api/v1/me/skills",
        { skill: "Qwzxv", direction: "teach", level: 2 },
        "skill-key",
      );
      expect(rejectedFields({ status: 400, headers: {}, body: unknown.body })).toEqual(["skill"]);
      const known = await send(
        client,
        "/api/v1/me/skills",
        { skill: "Chess", direction: "teach", level: 2 },
        "skill-key",
      );
      expect([known.status, known.replayed]).toEqual([201, false]);

      const { asAna, ask } = await twoPeople();
      const open = await send(asAna, "/api/v1/swaps", ask);
      const refused = await send(asAna, "/api/v1/swaps", ask, "ask-key");
      expect(refused.status).toBe(409);
      expect((await asAna.post(`/api/v1/swaps/${open.body.id ?? ""}/cancel`)).status).toBe(200);
      const asked = await send(asAna, "/api/v1/swaps", ask, "ask-key");
      expect([asked.status, asked.replayed]).toEqual([201, false]);
    });

    it("lets the key go 24 hours after its first use, by the core's clock: the same request then runs again", async () => {
      const { client, posts } = await threadOfTheirs();
      const first = await send(client, posts, { body: "Daily" }, "daily");
      api.core.clock.advance(day - 60_000);
      await client.get("/api/v1/auth/csrf");
      const retry = await send(client, posts, { body: "Daily" }, "daily");
      expect([retry.status, retry.replayed, retry.body.id]).toEqual([201, true, first.body.id]);
      api.core.clock.advance(60_000);
      await client.get("/api/v1/auth/csrf");
      const later = await send(client, posts, { body: "Daily" }, "daily");
      expect([later.status, later.replayed]).toEqual([201, false]);
      expect(await idsIn(client, posts)).toEqual([first.body.id, later.body.id]);
    });
  });

  describe("while the first request is still running", () => {
    it("answers a retry 409 IDEMPOTENCY.IN_FLIGHT, then replays the first answer once it is done", async () => {
      const { client, group } = await someone();
      // The group is created only once the test opens the gate, so the first request is caught in flight.
      let reached: () => void = () => undefined;
      let release: () => void = () => undefined;
      const creating = new Promise<void>((resolve) => (reached = resolve));
      const gate = new Promise<void>((resolve) => (release = resolve));
      const groups: Services["groups"] = {
        ...api.core.services.groups,
        create: async (...args) => {
          reached();
          await gate;
          return api.core.services.groups.create(...args);
        },
      };
      const slow = await buildApp({ config: api.core.config, services: { ...api.core.services, groups } });
      try {
        const first = send(client, "/api/v1/groups", group, "slow", slow);
        await creating;
        const meanwhile = await send(client, "/api/v1/groups", group, "slow", slow);
        expect({ status: meanwhile.status, code: meanwhile.body.error?.code }).toEqual({
          status: 409,
          code: "IDEMPOTENCY.IN_FLIGHT",
        });
        release();
        const answered = await first;
        expect(answered.status).toBe(201);
        const after = await send(client, "/api/v1/groups", group, "slow", slow);
        expect([after.status, after.replayed, after.body.id]).toEqual([201, true, answered.body.id]);
      } finally {
        release();
        await slow.close();
      }
    });
  });

  describe("in the OpenAPI document", () => {
    interface Operation {
      readonly operationId: string;
      readonly parameters?: readonly { readonly in: string; readonly name: string }[];
      readonly responses: Record<string, unknown>;
    }

    it("offers the optional header on every POST that creates for a signed-in person, and not on sign-up", async () => {
      const document = (await api.visitor.get("/api/openapi.json")).body as {
        paths: Record<string, Record<string, Operation>>;
      };
      const posts = Object.values(document.paths).flatMap((methods) =>
        methods.post === undefined ? [] : [methods.post],
      );
      const takesKey = (operation: Operation) =>
        operation.parameters?.some((p) => p.in === "header" && p.name === "idempotency-key") ?? false;
      const creating = posts.filter((operation) => "201" in operation.responses);
      expect(creating.filter(takesKey).map((o) => o.operationId)).toEqual(
        expect.arrayContaining(["requestSwap", "addMySkill", "createGroup", "replyToThread", "postMessage"]),
      );
      expect(creating.filter((o) => !takesKey(o)).map((o) => o.operationId)).toEqual(["signUp"]);
      expect(posts.filter((o) => !("201" in o.responses)).filter(takesKey)).toEqual([]);
      for (const operation of creating.filter(takesKey)) expect(operation.responses).toHaveProperty("422");
    });
  });
});
