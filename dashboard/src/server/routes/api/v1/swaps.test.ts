import { block, newPerson, newPublicPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiClient, type ApiHarness, type ApiResponse } from "../../../testing/api-harness.js";
import { refusalOf, rejectedFields } from "../../../testing/responses.js";

interface Participant {
  readonly handle: string;
  readonly role: string;
  readonly accepted: boolean;
  readonly saidComplete: boolean;
}
interface Swap {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly declineReason: string;
  readonly conversationId: string | null;
  readonly you: Participant;
  readonly partners: readonly Participant[];
  readonly moves: readonly string[];
}
interface SwapPage {
  readonly items: readonly Swap[];
  readonly nextCursor: string | null;
}

const day = 24 * 60 * 60 * 1000;
const swapOf = (response: ApiResponse) => response.body as Swap;

describe.each(testProviders())("swaps over HTTP (%s)", (provider) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  /** Ana teaches Guitar and Bea Spanish, both public, both signed in. */
  async function pair() {
    const ana = await newPublicPerson(api.core, "ana", { Guitar: 4 });
    const bea = await newPublicPerson(api.core, "bea", { Spanish: 5 });
    return { ana, bea, asAna: await api.as(ana), asBea: await api.as(bea) };
  }

  /** Ana has asked Bea for Spanish, offering Guitar. */
  async function asked() {
    const people = await pair();
    const response = await people.asAna.post("/api/v1/swaps", {
      to: people.bea.handle,
      want: "Spanish",
      offer: "Guitar",
    });
    expect(response.status).toBe(201);
    return { ...people, swapId: swapOf(response).id };
  }

  /** Someone signed in who takes part in nothing. */
  const outsider = async () => api.as(await newPerson(api.core, "olga"));

  describe("asking for a swap", () => {
    it("answers 201 with the swap as I see it, and shows it to the person asked with their own moves", async () => {
      const { ana, bea, asAna, asBea } = await pair();
      const response = await asAna.post("/api/v1/swaps", {
        to: bea.handle,
        want: "Spanish",
        offer: "Guitar",
        message: "Hola! Guitar for Spanish?",
      });
      expect(response.status).toBe(201);
      const swap = swapOf(response);
      expect(swap).toMatchObject({
        id: expect.any(String),
        kind: "pair",
        status: "pending",
        message: "Hola! Guitar for Spanish?",
        conversationId: null,
        you: { handle: ana.handle, role: "requester" },
        partners: [{ handle: bea.handle, role: "recipient", accepted: false }],
        moves: ["cancel"],
      });
      const seenByBea = await asBea.get(`/api/v1/swaps/${swap.id}`);
      expect(seenByBea.status).toBe(200);
      expect(swapOf(seenByBea)).toMatchObject({
        id: swap.id,
        you: { handle: bea.handle },
        partners: [{ handle: ana.handle }],
        moves: ["accept", "decline"],
      });
    });

    it("asks for a one-way swap when I offer nothing in return", async () => {
      const { bea, asAna } = await pair();
      const response = await asAna.post("/api/v1/swaps", { to: bea.handle, want: "Spanish" });
      expect(response.status).toBe(201);
      expect(swapOf(response)).toMatchObject({ kind: "one_way", you: { teaches: null, learns: { name: "Spanish" } } });
    });

    it("names every rejected field, including ones it does not know, and asks nothing", async () => {
      const { asAna, asBea } = await pair();
      const response = await asAna.post("/api/v1/swaps", {
        to: "",
        want: 42,
        offer: "Guitar",
        proposedTimes: ["tomorrow evening"],
        price: 10,
      });
      expect(refusalOf(response)).toEqual({ status: 400, code: "REQUEST.INVALID" });
      expect(rejectedFields(response).sort()).toEqual(["price", "proposedTimes.0", "to", "want"]);
      const inbox = await asBea.get("/api/v1/swaps");
      expect((inbox.body as SwapPage).items).toEqual([]);
    });

    it("says which field core refused: a skill they do not teach, an unknown skill, myself, a past time", async () => {
      const { ana, bea, asAna } = await pair();
      const ask = (body: Record<string, unknown>) =>
        asAna.post("/api/v1/swaps", { to: bea.handle, want: "Spanish", offer: "Guitar", ...body });

      const notTaught = await ask({ want: "Guitar" });
      expect(refusalOf(notTaught)).toEqual({ status: 400, code: "SWAP.NOT_TAUGHT" });
      expect(rejectedFields(notTaught)).toEqual(["want"]);
      const unknown = await ask({ offer: "Nothing anyone ever heard of" });
      expect(refusalOf(unknown)).toEqual({ status: 400, code: "SWAP.UNKNOWN_SKILL" });
      expect(rejectedFields(unknown)).toEqual(["offer"]);
      const self = await ask({ to: ana.handle, want: "Guitar" });
      expect(refusalOf(self).status).toBe(400);
      expect(rejectedFields(self)).toEqual(["to"]);
      const past = await ask({ proposedTimes: [new Date(api.core.clock.now().getTime() - day).toISOString()] });
      expect(refusalOf(past).status).toBe(400);
      expect(rejectedFields(past)).toEqual(["proposedTimes.0"]);
      const nobody = await ask({ to: "nobody-by-that-name" });
      expect(refusalOf(nobody)).toEqual({ status: 404, code: "USER.NOT_FOUND" });
    });

    it("refuses the same request again while the first is open, in either direction", async () => {
      const { ana, bea, asAna, asBea } = await asked();
      const again = await asAna.post("/api/v1/swaps", { to: bea.handle, want: "Spanish", offer: "Guitar" });
      expect(refusalOf(again)).toEqual({ status: 409, code: "SWAP.ALREADY_OPEN" });
      const back = await asBea.post("/api/v1/swaps", { to: ana.handle, want: "Guitar", offer: "Spanish" });
      expect(refusalOf(back)).toEqual({ status: 409, code: "SWAP.ALREADY_OPEN" });
    });

    it("cannot reach someone who blocked me, and tells me when I blocked them", async () => {
      const { ana, bea, asAna, asBea } = await pair();
      await block(api.core, bea, ana);
      const toBlocker = await asAna.post("/api/v1/swaps", { to: bea.handle, want: "Spanish" });
      expect(refusalOf(toBlocker)).toEqual({ status: 404, code: "USER.NOT_FOUND" });
      const toBlocked = await asBea.post("/api/v1/swaps", { to: ana.handle, want: "Guitar" });
      expect(refusalOf(toBlocked)).toEqual({ status: 403, code: "SWAP.YOU_BLOCKED" });
    });
  });

  describe("proposing a three-person swap", () => {
    async function trio() {
      const dee = await newPublicPerson(api.core, "dee", { Guitar: 4 });
      const ed = await newPublicPerson(api.core, "ed", { Chess: 4 });
      const fay = await newPublicPerson(api.core, "fay", { Drums: 4 });
      return { dee, ed, fay, asDee: await api.as(dee), asEd: await api.as(ed), asFay: await api.as(fay) };
    }

    it("answers 201, waits for both others, then opens one conversation for the three", async () => {
      const { ed, fay, asDee, asEd, asFay } = await trio();
      const response = await asDee.post("/api/v1/swaps/cycles", {
        next: ed.handle,
        after: fay.handle,
        youTeach: "Guitar",
        nextTeaches: "Chess",
        afterTeaches: "Drums",
      });
      expect(response.status).toBe(201);
      const cycle = swapOf(response);
      expect(cycle).toMatchObject({ kind: "cycle", status: "pending", moves: ["cancel"] });
      expect(cycle.partners.map((p) => p.handle)).toEqual([ed.handle, fay.handle]);

      const first = await asEd.post(`/api/v1/swaps/${cycle.id}/accept`);
      expect(first.status).toBe(200);
      expect(swapOf(first)).toMatchObject({ status: "pending", conversationId: null, moves: [] });
      expect(refusalOf(await asEd.post(`/api/v1/swaps/${cycle.id}/accept`))).toEqual({
        status: 409,
        code: "SWAP.ALREADY_ANSWERED",
      });
      const last = await asFay.post(`/api/v1/swaps/${cycle.id}/accept`);
      expect(swapOf(last)).toMatchObject({ status: "accepted", conversationId: expect.any(String) });
    });

    it("names every rejected field of a proposal", async () => {
      const { ed, asDee } = await trio();
      const response = await asDee.post("/api/v1/swaps/cycles", { next: ed.handle, youTeach: "", colour: "red" });
      expect(refusalOf(response)).toEqual({ status: 400, code: "REQUEST.INVALID" });
      expect(rejectedFields(response).sort()).toEqual(["after", "afterTeaches", "colour", "nextTeaches", "youTeach"]);
    });

    it("says which link core refused: someone who does not teach what the cycle says", async () => {
      const { ed, fay, asDee } = await trio();
      const response = await asDee.post("/api/v1/swaps/cycles", {
        next: ed.handle,
        after: fay.handle,
        youTeach: "Guitar",
        nextTeaches: "Drums",
        afterTeaches: "Drums",
      });
      expect(refusalOf(response)).toEqual({ status: 400, code: "SWAP.NOT_TAUGHT" });
      expect(rejectedFields(response)).toEqual(["nextTeaches"]);
    });
  });

  describe("listing my swaps", () => {
    let gil: ApiClient;
    let asked: string[];

    beforeAll(async () => {
      const teacher = await newPublicPerson(api.core, "gil", { Piano: 4 });
      gil = await api.as(teacher);
      asked = [];
      for (const name of ["hal", "ivy", "jon"]) {
        const learner = await api.as(await newPublicPerson(api.core, name));
        const response = await learner.post("/api/v1/swaps", { to: teacher.handle, want: "Piano" });
        asked.push(swapOf(response).id);
      }
    });

    it("pages my swaps newest first until the last page", async () => {
      const first = await gil.get("/api/v1/swaps?limit=2");
      expect(first.status).toBe(200);
      const page = first.body as SwapPage;
      expect(page.items.map((s) => s.id)).toEqual([asked[2], asked[1]]);
      expect(page.nextCursor).toEqual(expect.any(String));
      const second = await gil.get(`/api/v1/swaps?limit=2&cursor=${encodeURIComponent(page.nextCursor ?? "")}`);
      expect(second.body).toMatchObject({ items: [{ id: asked[0] }], nextCursor: null });
    });

    it("narrows the list by status, or to all open or closed ones", async () => {
      await gil.post(`/api/v1/swaps/${asked[0]}/accept`);
      await gil.post(`/api/v1/swaps/${asked[1]}/decline`);
      const ids = async (status: string) =>
        ((await gil.get(`/api/v1/swaps?status=${status}`)).body as SwapPage).items.map((s) => s.id);
      expect(await ids("accepted")).toEqual([asked[0]]);
      expect(await ids("pending")).toEqual([asked[2]]);
      expect(await ids("open")).toEqual([asked[2], asked[0]]);
      expect(await ids("closed")).toEqual([asked[1]]);
    });

    it("narrows the list to the swaps I was asked (incoming) or asked for (outgoing)", async () => {
      const ids = async (query: string) =>
        ((await gil.get(`/api/v1/swaps?${query}`)).body as SwapPage).items.map((s) => s.id);
      expect(await ids("status=pending&role=recipient")).toEqual([asked[2]]);
      expect(await ids("role=requester")).toEqual([]);
      expect(rejectedFields(await gil.get("/api/v1/swaps?role=boss"))).toEqual(["role"]);
    });

    it("shows nobody anyone else's swaps", async () => {
      const response = await (await outsider()).get("/api/v1/swaps");
      expect(response.body).toEqual({ items: [], nextCursor: null });
    });

    it("names a bad filter, limit or cursor", async () => {
      const both = await gil.get("/api/v1/swaps?status=lost&limit=0");
      expect(refusalOf(both)).toEqual({ status: 400, code: "REQUEST.INVALID" });
      expect(rejectedFields(both).sort()).toEqual(["limit", "status"]);
      expect(rejectedFields(await gil.get("/api/v1/swaps?limit=many"))).toEqual(["limit"]);
      expect(rejectedFields(await gil.get("/api/v1/swaps?limit=51"))).toEqual(["limit"]);
      expect(rejectedFields(await gil.get(`/api/v1/swaps?cursor=${"x".repeat(65)}`))).toEqual(["cursor"]);
    });
  });

  describe("one swap", () => {
    it("is shown to its participants, and is 404 to everyone else, as one that does not exist", async () => {
      const { swapId, asAna } = await asked();
      expect((await asAna.get(`/api/v1/swaps/${swapId}`)).status).toBe(200);
      const stranger = await outsider();
      expect(refusalOf(await stranger.get(`/api/v1/swaps/${swapId}`))).toEqual({
        status: 404,
        code: "SWAP.NOT_FOUND",
      });
      expect(refusalOf(await stranger.get("/api/v1/swaps/no-such-swap"))).toEqual({
        status: 404,
        code: "SWAP.NOT_FOUND",
      });
    });
  });

  describe("answering and moving a swap", () => {
    it("accepts a request, naming the conversation it opened; accepting again is a 409", async () => {
      const { swapId, asAna, asBea } = await asked();
      const response = await asBea.post(`/api/v1/swaps/${swapId}/accept`);
      expect(response.status).toBe(200);
      const swap = swapOf(response);
      expect(swap).toMatchObject({ status: "accepted", moves: ["cancel", "complete", "schedule"] });
      expect(swap.conversationId).toEqual(expect.any(String));
      expect(swapOf(await asAna.get(`/api/v1/swaps/${swapId}`)).conversationId).toBe(swap.conversationId);
      expect(refusalOf(await asBea.post(`/api/v1/swaps/${swapId}/accept`))).toEqual({
        status: 409,
        code: "SWAP.ALREADY_ANSWERED",
      });
    });

    it("lets only the person asked answer, and tells outsiders the swap does not exist", async () => {
      const { swapId, asAna } = await asked();
      for (const move of ["accept", "decline"])
        expect(refusalOf(await asAna.post(`/api/v1/swaps/${swapId}/${move}`))).toEqual({
          status: 403,
          code: "SWAP.NOT_YOURS_TO_ANSWER",
        });
      const stranger = await outsider();
      for (const move of ["accept", "decline", "cancel", "complete"])
        expect(refusalOf(await stranger.post(`/api/v1/swaps/${swapId}/${move}`))).toEqual({
          status: 404,
          code: "SWAP.NOT_FOUND",
        });
    });

    it("declines with or without a reason; a declined swap takes no further move", async () => {
      const withReason = await asked();
      const declined = await withReason.asBea.post(`/api/v1/swaps/${withReason.swapId}/decline`, {
        reason: "No time this month",
      });
      expect(declined.status).toBe(200);
      expect(swapOf(declined)).toMatchObject({ status: "declined", declineReason: "No time this month", moves: [] });
      for (const [client, move] of [
        [withReason.asBea, "accept"],
        [withReason.asAna, "cancel"],
        [withReason.asAna, "complete"],
      ] as const)
        expect(refusalOf(await client.post(`/api/v1/swaps/${withReason.swapId}/${move}`))).toEqual({
          status: 409,
          code: "SWAP.CLOSED",
        });

      const silent = await asked();
      const response = await silent.asBea.post(`/api/v1/swaps/${silent.swapId}/decline`);
      expect(swapOf(response)).toMatchObject({ status: "declined", declineReason: "" });
    });

    it("names what is wrong with a reason for declining, and declines nothing", async () => {
      const { swapId, asBea } = await asked();
      const response = await asBea.post(`/api/v1/swaps/${swapId}/decline`, { reason: "x".repeat(501), rude: true });
      expect(refusalOf(response)).toEqual({ status: 400, code: "REQUEST.INVALID" });
      expect(rejectedFields(response).sort()).toEqual(["reason", "rude"]);
      expect(rejectedFields(await asBea.post(`/api/v1/swaps/${swapId}/decline`, { reason: 42 }))).toEqual(["reason"]);
      expect(swapOf(await asBea.get(`/api/v1/swaps/${swapId}`)).status).toBe("pending");
    });

    it("lets the sender withdraw a pending request, not the person asked; withdrawing twice is a 409", async () => {
      const { swapId, asAna, asBea } = await asked();
      expect(refusalOf(await asBea.post(`/api/v1/swaps/${swapId}/cancel`))).toEqual({
        status: 403,
        code: "SWAP.NOT_YOURS_TO_CANCEL",
      });
      const withdrawn = await asAna.post(`/api/v1/swaps/${swapId}/cancel`);
      expect(withdrawn.status).toBe(200);
      expect(swapOf(withdrawn)).toMatchObject({ status: "cancelled", moves: [] });
      expect(refusalOf(await asAna.post(`/api/v1/swaps/${swapId}/cancel`))).toEqual({
        status: 409,
        code: "SWAP.CLOSED",
      });
    });

    it("lets either side call off an accepted swap", async () => {
      const { swapId, asBea } = await asked();
      await asBea.post(`/api/v1/swaps/${swapId}/accept`);
      const response = await asBea.post(`/api/v1/swaps/${swapId}/cancel`);
      expect(swapOf(response).status).toBe("cancelled");
    });

    it("completes once both say it is done, and not before it was accepted", async () => {
      const { swapId, asAna, asBea } = await asked();
      expect(refusalOf(await asAna.post(`/api/v1/swaps/${swapId}/complete`))).toEqual({
        status: 409,
        code: "SWAP.NOT_ACCEPTED",
      });
      await asBea.post(`/api/v1/swaps/${swapId}/accept`);
      const half = await asAna.post(`/api/v1/swaps/${swapId}/complete`);
      expect(half.status).toBe(200);
      expect(swapOf(half)).toMatchObject({
        status: "accepted",
        you: { saidComplete: true },
        moves: ["cancel", "schedule"],
      });
      const done = await asBea.post(`/api/v1/swaps/${swapId}/complete`);
      expect(swapOf(done).status).toBe("completed");
      expect(refusalOf(await asAna.post(`/api/v1/swaps/${swapId}/complete`))).toEqual({
        status: 409,
        code: "SWAP.CLOSED",
      });
    });

    it("refuses an answer once the request has lapsed, two weeks on", async () => {
      const { swapId, asBea } = await asked();
      api.core.clock.advance(15 * day);
      expect(refusalOf(await asBea.post(`/api/v1/swaps/${swapId}/accept`))).toEqual({
        status: 409,
        code: "SWAP.LAPSED",
      });
    });
  });

  it("asks a visitor to sign in on every swap route", async () => {
    const routes = [
      ["POST", "/api/v1/swaps"],
      ["POST", "/api/v1/swaps/cycles"],
      ["GET", "/api/v1/swaps"],
      ["GET", "/api/v1/swaps/any"],
      ["POST", "/api/v1/swaps/any/accept"],
      ["POST", "/api/v1/swaps/any/decline"],
      ["POST", "/api/v1/swaps/any/cancel"],
      ["POST", "/api/v1/swaps/any/complete"],
    ] as const;
    for (const [method, url] of routes)
      expect(refusalOf(await api.visitor.request(method, url, method === "POST" ? {} : undefined)), url).toEqual({
        status: 401,
        code: "AUTH.REQUIRED",
      });
  });
});
