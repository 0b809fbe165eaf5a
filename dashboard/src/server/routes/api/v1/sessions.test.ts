import { acceptedSwap, newPerson, newPublicPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiClient, type ApiHarness, type ApiResponse } from "../../../testing/api-harness.js";
import { refusalOf, rejectedFields } from "../../../testing/responses.js";

interface Session {
  readonly id: string;
  readonly swapId: string;
  readonly startsAt: string;
  readonly status: string;
  readonly confirmedBy: readonly string[];
  readonly disputedBy: readonly string[];
  readonly moves: readonly string[];
}
interface SessionPage {
  readonly items: readonly Session[];
  readonly nextCursor: string | null;
}

const hour = 60 * 60 * 1000;
const sessionOf = (response: ApiResponse) => response.body as Session;

describe.each(testProviders())("sessions over HTTP (%s)", (provider) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  const inHours = (hours: number) => new Date(api.core.clock.now().getTime() + hours * hour).toISOString();
  const outsider = async () => api.as(await newPerson(api.core, "olga"));

  /** Ana (Guitar) and Bea (Spanish) in an accepted swap, both signed in. */
  async function partners() {
    const { ana, bea, swapId } = await acceptedSwap(api.core);
    return { ana, bea, swapId, asAna: await api.as(ana), asBea: await api.as(bea) };
  }

  /** A Spanish session Ana and Bea have scheduled, an hour long, starting in `hours`. */
  async function scheduled(hours = 2) {
    const people = await partners();
    const response = await people.asBea.post(`/api/v1/swaps/${people.swapId}/sessions`, {
      startsAt: inHours(hours),
      mode: "online",
      skill: "Spanish",
    });
    expect(response.status).toBe(201);
    return { ...people, sessionId: sessionOf(response).id };
  }

  describe("scheduling a session", () => {
    it("answers 201 with the session, for one of the swap's skills", async () => {
      const { swapId, asBea } = await partners();
      const response = await asBea.post(`/api/v1/swaps/${swapId}/sessions`, {
        startsAt: inHours(24),
        durationMinutes: 90,
        mode: "online",
        place: "https://meet.example/abc",
        skill: "spanish",
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        id: expect.any(String),
        swapId,
        skill: { name: "Spanish" },
        startsAt: inHours(24),
        durationMinutes: 90,
        mode: "online",
        place: "https://meet.example/abc",
        status: "scheduled",
        confirmedBy: [],
        disputedBy: [],
        moves: ["reschedule", "cancel"],
      });
    });

    it("names every rejected field, without coercing a number sent as text", async () => {
      const { swapId, asAna } = await partners();
      const response = await asAna.post(`/api/v1/swaps/${swapId}/sessions`, {
        startsAt: "tomorrow at six",
        durationMinutes: "60",
        mode: "video call",
        room: 4,
      });
      expect(refusalOf(response)).toEqual({ status: 400, code: "REQUEST.INVALID" });
      expect(rejectedFields(response).sort()).toEqual(["durationMinutes", "mode", "room", "startsAt"]);
    });

    it("says which field core refused: a time in the past, no skill named when the swap has two", async () => {
      const { swapId, asAna } = await partners();
      const past = await asAna.post(`/api/v1/swaps/${swapId}/sessions`, {
        startsAt: inHours(-1),
        mode: "online",
        skill: "Guitar",
      });
      expect(refusalOf(past)).toEqual({ status: 400, code: "SESSION.INVALID" });
      expect(rejectedFields(past)).toEqual(["startsAt"]);
      const which = await asAna.post(`/api/v1/swaps/${swapId}/sessions`, { startsAt: inHours(1), mode: "online" });
      expect(rejectedFields(which)).toEqual(["skill"]);
    });

    it("waits for the swap to be accepted, and answers 404 to someone not in it", async () => {
      const ana = await newPublicPerson(api.core, "ana", { Guitar: 4 });
      const cy = await newPublicPerson(api.core, "cy", { Chess: 4 });
      const pending = await api.core.services.swaps.request(ana, { to: cy.handle, want: "Chess", offer: "Guitar" });
      const body = { startsAt: inHours(3), mode: "online", skill: "Chess" };
      expect(refusalOf(await (await api.as(ana)).post(`/api/v1/swaps/${pending.id}/sessions`, body))).toEqual({
        status: 409,
        code: "SWAP.NOT_ACCEPTED",
      });
      expect(refusalOf(await (await outsider()).post(`/api/v1/swaps/${pending.id}/sessions`, body))).toEqual({
        status: 404,
        code: "SWAP.NOT_FOUND",
      });
    });
  });

  describe("listing a swap's sessions", () => {
    let asAna: ApiClient;
    let swapId: string;
    let ids: string[];

    beforeAll(async () => {
      ({ asAna, swapId } = await partners());
      ids = [];
      for (const hours of [30, 10, 20]) {
        const response = await asAna.post(`/api/v1/swaps/${swapId}/sessions`, {
          startsAt: inHours(hours),
          mode: "in_person",
          skill: "Guitar",
        });
        ids.push(sessionOf(response).id);
      }
    });

    it("pages them in the order they were scheduled until the last page", async () => {
      const first = await asAna.get(`/api/v1/swaps/${swapId}/sessions?limit=2`);
      expect(first.status).toBe(200);
      const page = first.body as SessionPage;
      expect(page.items.map((s) => s.id)).toEqual(ids.slice(0, 2));
      const next = await asAna.get(
        `/api/v1/swaps/${swapId}/sessions?limit=2&cursor=${encodeURIComponent(page.nextCursor ?? "")}`,
      );
      expect(next.body).toMatchObject({ items: [{ id: ids[2] }], nextCursor: null });
    });

    it("names a bad limit or cursor", async () => {
      expect(rejectedFields(await asAna.get(`/api/v1/swaps/${swapId}/sessions?limit=0`))).toEqual(["limit"]);
      expect(rejectedFields(await asAna.get(`/api/v1/swaps/${swapId}/sessions?limit=ten`))).toEqual(["limit"]);
      const forged = await asAna.get(`/api/v1/swaps/${swapId}/sessions?cursor=not-one-of-ours`);
      expect(refusalOf(forged)).toEqual({ status: 400, code: "SESSION.INVALID" });
      expect(rejectedFields(forged)).toEqual(["cursor"]);
    });

    it("answers 404 to someone not in the swap", async () => {
      expect(refusalOf(await (await outsider()).get(`/api/v1/swaps/${swapId}/sessions`))).toEqual({
        status: 404,
        code: "SWAP.NOT_FOUND",
      });
    });
  });

  describe("moving a session", () => {
    it("moves it to another time and place", async () => {
      const { sessionId, asAna } = await scheduled();
      const response = await asAna.patch(`/api/v1/sessions/${sessionId}`, {
        startsAt: inHours(48),
        place: "https://meet.example/new",
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: sessionId,
        startsAt: inHours(48),
        place: "https://meet.example/new",
        status: "scheduled",
      });
    });

    it("names every rejected field; what a session is for cannot change", async () => {
      const { sessionId, asAna } = await scheduled();
      const response = await asAna.patch(`/api/v1/sessions/${sessionId}`, { startsAt: 1700000000, mode: "online" });
      expect(refusalOf(response)).toEqual({ status: 400, code: "REQUEST.INVALID" });
      expect(rejectedFields(response).sort()).toEqual(["mode", "startsAt"]);
      const past = await asAna.patch(`/api/v1/sessions/${sessionId}`, { startsAt: inHours(-2) });
      expect(rejectedFields(past)).toEqual(["startsAt"]);
    });

    it("answers 404 to someone not in the swap, and 409 once the session is called off", async () => {
      const { sessionId, asBea } = await scheduled();
      expect(
        refusalOf(await (await outsider()).patch(`/api/v1/sessions/${sessionId}`, { startsAt: inHours(5) })),
      ).toEqual({ status: 404, code: "SESSION.NOT_FOUND" });
      await asBea.post(`/api/v1/sessions/${sessionId}/cancel`);
      expect(refusalOf(await asBea.patch(`/api/v1/sessions/${sessionId}`, { startsAt: inHours(5) }))).toEqual({
        status: 409,
        code: "SESSION.CLOSED",
      });
    });
  });

  describe("calling off a session", () => {
    it("cancels it once; a second time is a 409, and outsiders get 404", async () => {
      const { sessionId, asAna } = await scheduled();
      expect(refusalOf(await (await outsider()).post(`/api/v1/sessions/${sessionId}/cancel`))).toEqual({
        status: 404,
        code: "SESSION.NOT_FOUND",
      });
      const response = await asAna.post(`/api/v1/sessions/${sessionId}/cancel`);
      expect(response.status).toBe(200);
      expect(sessionOf(response).status).toBe("cancelled");
      expect(refusalOf(await asAna.post(`/api/v1/sessions/${sessionId}/cancel`))).toEqual({
        status: 409,
        code: "SESSION.CLOSED",
      });
    });
  });

  describe("confirming and disputing a session", () => {
    it("completes it when both confirm after it ended; not before it ended, nor again after", async () => {
      const { ana, bea, sessionId, asAna, asBea } = await scheduled(1);
      expect(refusalOf(await asAna.post(`/api/v1/sessions/${sessionId}/confirm`))).toEqual({
        status: 409,
        code: "SESSION.NOT_ENDED",
      });
      api.core.clock.advance(3 * hour);
      const half = await asAna.post(`/api/v1/sessions/${sessionId}/confirm`);
      expect(half.status).toBe(200);
      expect(sessionOf(half)).toMatchObject({ status: "scheduled", confirmedBy: [ana.handle] });
      expect(sessionOf(half).moves).toEqual(["reschedule", "cancel", "dispute"]);
      const done = await asBea.post(`/api/v1/sessions/${sessionId}/confirm`);
      expect(sessionOf(done).status).toBe("completed");
      expect([...sessionOf(done).confirmedBy].sort()).toEqual([ana.handle, bea.handle].sort());
      for (const move of ["confirm", "dispute", "cancel"])
        expect(refusalOf(await asAna.post(`/api/v1/sessions/${sessionId}/${move}`))).toEqual({
          status: 409,
          code: "SESSION.CLOSED",
        });
    });

    it("holds a disputed session until both confirm it; outsiders get 404", async () => {
      const { bea, sessionId, asAna, asBea } = await scheduled(1);
      expect(refusalOf(await asBea.post(`/api/v1/sessions/${sessionId}/dispute`))).toEqual({
        status: 409,
        code: "SESSION.NOT_ENDED",
      });
      api.core.clock.advance(3 * hour);
      const stranger = await outsider();
      for (const move of ["confirm", "dispute"])
        expect(refusalOf(await stranger.post(`/api/v1/sessions/${sessionId}/${move}`))).toEqual({
          status: 404,
          code: "SESSION.NOT_FOUND",
        });
      await asAna.post(`/api/v1/sessions/${sessionId}/confirm`);
      const disputed = await asBea.post(`/api/v1/sessions/${sessionId}/dispute`);
      expect(disputed.status).toBe(200);
      expect(sessionOf(disputed)).toMatchObject({ status: "disputed", disputedBy: [bea.handle] });
      expect(sessionOf(await asBea.post(`/api/v1/sessions/${sessionId}/confirm`)).status).toBe("completed");
    });
  });

  it("asks a visitor to sign in on every session route", async () => {
    const routes = [
      ["GET", "/api/v1/swaps/any/sessions"],
      ["POST", "/api/v1/swaps/any/sessions"],
      ["PATCH", "/api/v1/sessions/any"],
      ["POST", "/api/v1/sessions/any/cancel"],
      ["POST", "/api/v1/sessions/any/confirm"],
      ["POST", "/api/v1/sessions/any/dispute"],
    ] as const;
    for (const [method, url] of routes)
      expect(refusalOf(await api.visitor.request(method, url, method === "GET" ? undefined : {})), url).toEqual({
        status: 401,
        code: "AUTH.REQUIRED",
      });
  });
});
