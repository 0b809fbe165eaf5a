import { acceptedSwap, newPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiClient, type ApiHarness, type ApiResponse } from "../../../testing/api-harness.js";
import { openEventStream } from "../../../testing/event-stream-client.js";
import { refusalOf, rejectedFields } from "../../../testing/responses.js";

interface Message {
  readonly id: string;
  readonly text: string;
  readonly source: string;
  readonly author: { readonly handle: string; readonly displayName: string; readonly isViewer: boolean } | null;
}
interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
interface Summary {
  readonly id: string;
  readonly swap: { readonly id: string; readonly status: string } | null;
  readonly others: readonly { readonly handle: string }[];
  readonly lastMessage: Message | null;
  readonly unreadCount: number;
}

const pageOf = <T>(response: ApiResponse) => response.body as Page<T>;
const texts = (response: ApiResponse) => pageOf<Message>(response).items.map((m) => m.text);

describe.each(testProviders())("conversations over HTTP (%s)", (provider) => {
  let api: ApiHarness;
  let base: string;

  beforeAll(async () => {
    api = await startApi(provider, { heartbeatMs: 100 });
    base = await api.app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(() => api.close());

  /** Ana and Bea, signed in, in the conversation of their accepted swap. */
  async function talking() {
    const swap = await acceptedSwap(api.core);
    const url = `/api/v1/conversations/${swap.conversationId}`;
    return { ...swap, url, asAna: await api.as(swap.ana), asBea: await api.as(swap.bea) };
  }

  const say = async (client: ApiClient, url: string, text: string) => {
    const response = await client.post(`${url}/messages`, { text });
    expect(response.status).toBe(201);
    return response.body as Message;
  };

  it("posts a message from the dashboard, answering 201 with it, said by me", async () => {
    const { url, asAna, ana, conversationId } = await talking();
    const response = await asAna.post(`${url}/messages`, { text: "  Hola! Tuesday?  " });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: expect.any(String),
      conversationId,
      text: "Hola! Tuesday?",
      source: "dashboard",
      author: { handle: ana.handle, displayName: "ana", isViewer: true },
      authorName: "ana",
      createdAt: expect.any(String),
    });
    expect(response.body).not.toHaveProperty("externalId");
  });

  it("lists my conversations, most recently active first, with the swap, the others and the last message", async () => {
    const { url, asAna, asBea, ana, swapId, conversationId } = await talking();
    await say(asAna, url, "Shall we start?");
    const response = await asBea.get("/api/v1/conversations");
    expect(response.status).toBe(200);
    const [first] = pageOf<Summary>(response).items;
    expect(first).toMatchObject({
      id: conversationId,
      swap: { id: swapId, status: "accepted" },
      others: [{ handle: ana.handle }],
      lastMessage: { text: "Shall we start?", author: { isViewer: false } },
      unreadCount: 1,
    });
    expect(pageOf(response).nextCursor).toBeNull();
  });

  it("marks a conversation read with 204, bringing its unreadCount in my list to 0", async () => {
    const { url, asAna, asBea, conversationId } = await talking();
    await say(asAna, url, "Shall we start?");
    await say(asAna, url, "Tuesday?");
    const unread = async () =>
      pageOf<Summary>(await asBea.get("/api/v1/conversations")).items.find((c) => c.id === conversationId)?.unreadCount;
    expect(await unread()).toBe(2);
    const response = await asBea.post(`${url}/read`);
    expect(response.status).toBe(204);
    expect(await unread()).toBe(0);
  });

  it("hands a poller the messages after the last one it has, oldest first, and history before one", async () => {
    const { url, asAna, asBea } = await talking();
    const seen = await say(asAna, url, "one");
    for (const text of ["two", "three", "four"]) await say(asBea, url, text);

    const polled = await asAna.get(`${url}/messages?after=${seen.id}&limit=2`);
    expect(polled.status).toBe(200);
    expect(texts(polled)).toEqual(["two", "three"]);
    const rest = await asAna.get(`${url}/messages?after=${pageOf(polled).nextCursor ?? ""}`);
    expect(texts(rest)).toEqual(["four"]);
    expect(pageOf(rest).nextCursor).toBeNull();
    expect(pageOf<Message>(rest).items[0]).toMatchObject({ source: "dashboard", author: { isViewer: false } });

    const newest = await asAna.get(`${url}/messages?limit=2`);
    expect(texts(newest)).toEqual(["four", "three"]);
    const older = await asAna.get(`${url}/messages?before=${pageOf(newest).nextCursor ?? ""}`);
    expect(texts(older)).toEqual(["two", "one"]);
  });

  it("posts once per Idempotency-Key, answering a retry with the first message", async () => {
    const { url, asAna, asBea } = await talking();
    const post = (client: ApiClient, key: string, text: string) =>
      api.app.inject({
        method: "POST",
        url: `${url}/messages`,
        headers: { ...client.headers("POST"), "content-type": "application/json", "idempotency-key": key },
        payload: JSON.stringify({ text }),
      });
    const first = await post(asAna, "retry-1", "Only once");
    const again = await post(asAna, "retry-1", "Only once");
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json<Message>().id).toBe(first.json<Message>().id);
    // The key is the client's own: someone else using the same one posts their own message.
    const hers = await post(asBea, "retry-1", "Mine");
    expect(hers.json<Message>().id).not.toBe(first.json<Message>().id);
    expect(texts(await asAna.get(`${url}/messages`))).toEqual(["Mine", "Only once"]);
  });

  it("answers someone outside the conversation 404 on every route, and leaves it out of their list", async () => {
    const { url, conversationId } = await talking();
    const olga = await api.as(await newPerson(api.core, "olga"));
    for (const response of [
      await olga.get(`${url}/messages`),
      await olga.get(`${url}/messages?after=${conversationId}`),
      await olga.post(`${url}/messages`, { text: "hi" }),
      await olga.post(`${url}/read`),
      await olga.get(`${url}/events`),
    ])
      expect(refusalOf(response)).toEqual({ status: 404, code: "CONVERSATION.NOT_FOUND" });
    expect(pageOf(await olga.get("/api/v1/conversations")).items).toEqual([]);
    const stream = await openEventStream(`${base}${url}/events`, olga.headers());
    expect(stream.status).toBe(404);
    expect(stream.headers.get("content-type")).toContain("application/json");
  });

  it("answers 401 to a visitor on every route", async () => {
    const { url } = await talking();
    for (const response of [
      await api.visitor.get("/api/v1/conversations"),
      await api.visitor.get(`${url}/messages`),
      await api.visitor.post(`${url}/messages`, { text: "hi" }),
      await api.visitor.post(`${url}/read`),
      await api.visitor.get(`${url}/events`),
    ])
      expect(response.status).toBe(401);
  });

  it("names each bad field: text, unknown fields, limit, a position given twice, an overlong key", async () => {
    const { url, asAna, conversationId } = await talking();
    expect(rejectedFields(await asAna.post(`${url}/messages`, { text: " ", source: "slack" }))).toEqual([
      "text",
      "source",
    ]);
    expect(rejectedFields(await asAna.get(`${url}/messages?limit=500`))).toEqual(["limit"]);
    expect(rejectedFields(await asAna.get(`${url}/messages?after=${conversationId}&before=${conversationId}`))).toEqual(
      ["after"],
    );
    expect(rejectedFields(await asAna.get("/api/v1/conversations?cursor=broken"))).toEqual(["cursor"]);
    const overlong = await api.app.inject({
      method: "POST",
      url: `${url}/messages`,
      headers: { ...asAna.headers("POST"), "content-type": "application/json", "idempotency-key": "k".repeat(201) },
      payload: JSON.stringify({ text: "hi" }),
    });
    expect(overlong.statusCode).toBe(400);
    expect(rejectedFields({ status: 400, headers: {}, body: overlong.json() })).toEqual(["idempotency-key"]);
  });

  describe("live, as Server-Sent Events over a real socket", () => {
    it("sends a message posted after connecting as an event with its id, in the list's shape", async () => {
      const { url, asAna, asBea, ana } = await talking();
      const stream = await openEventStream(`${base}${url}/events`, asBea.headers());
      expect(stream.status).toBe(200);
      expect(stream.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
      const posted = await say(asAna, url, "Are you there?");
      const event = await stream.nextEvent();
      expect(event).toMatchObject({ id: posted.id, event: "message" });
      const listed = pageOf<Message>(await asBea.get(`${url}/messages`)).items[0];
      expect(JSON.parse(event.data ?? "")).toEqual(listed);
      expect(listed).toMatchObject({ author: { handle: ana.handle, isViewer: false } });
      stream.close();
    });

    it("replays exactly the missed messages to a client reconnecting with Last-Event-ID, then goes on live", async () => {
      const { url, asAna, asBea } = await talking();
      const first = await openEventStream(`${base}${url}/events`, asBea.headers());
      const had = await say(asAna, url, "before the drop");
      expect((await first.nextEvent()).id).toBe(had.id);
      first.close();

      const missed = [await say(asAna, url, "missed 1"), await say(asAna, url, "missed 2")];
      const again = await openEventStream(`${base}${url}/events`, { ...asBea.headers(), "last-event-id": had.id });
      expect([(await again.nextEvent()).id, (await again.nextEvent()).id]).toEqual(missed.map((m) => m.id));
      const live = await say(asBea, url, "back");
      const event = await again.nextEvent();
      expect(event.id).toBe(live.id);
      expect(JSON.parse(event.data ?? "")).toMatchObject({ text: "back", author: { isViewer: true } });
      again.close();

      // The page's own starting point works the same, for a first connection.
      const fromQuery = await openEventStream(
        `${base}${url}/events?lastEventId=${missed[1]?.id ?? ""}`,
        asAna.headers(),
      );
      expect((await fromQuery.nextEvent()).id).toBe(live.id);
      fromQuery.close();
    });

    it("ends the stream when the session that opened it ends (signed out here)", async () => {
      const { url, asAna } = await talking();
      const stream = await openEventStream(`${base}${url}/events`, asAna.headers());
      expect(await stream.next()).toEqual({ retry: "2000" });
      expect(await stream.next()).toEqual({ comment: "heartbeat" });
      expect((await asAna.post("/api/v1/auth/logout")).status).toBe(204);
      await stream.ended(5_000);
    });

    it("keeps a quiet stream open with heartbeat comments", async () => {
      const { url, asAna } = await talking();
      const stream = await openEventStream(`${base}${url}/events`, asAna.headers());
      expect(await stream.next()).toEqual({ retry: "2000" });
      expect(await stream.next()).toEqual({ comment: "heartbeat" });
      stream.close();
    });
  });
});

describe("closing the app with streams open", () => {
  it("ends them promptly, so app.close() does not wait for clients", async () => {
    const api = await startApi("sqlite");
    const base = await api.app.listen({ port: 0, host: "127.0.0.1" });
    const { bea, conversationId } = await acceptedSwap(api.core);
    const asBea = await api.as(bea);
    const streams = [
      await openEventStream(`${base}/api/v1/conversations/${conversationId}/events`, asBea.headers()),
      await openEventStream(`${base}/api/v1/conversations/${conversationId}/events`, asBea.headers()),
    ];
    for (const stream of streams) await stream.next();
    const started = Date.now();
    await api.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    for (const stream of streams) await stream.ended(1_000);
  });
});
