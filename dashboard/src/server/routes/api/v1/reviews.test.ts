import type { Actor } from "@skillswap/core";
import { acceptedSwap, newPerson, newPublicPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness, type ApiResponse } from "../../../testing/api-harness.js";
import { refusalOf, rejectedFields } from "../../../testing/responses.js";

interface Review {
  readonly id: string;
  readonly rating: number;
  readonly text: string;
  readonly reply: string | null;
}
interface ReviewPage {
  readonly items: readonly Review[];
  readonly nextCursor: string | null;
}

type Person = Actor & { handle: string };
const hour = 60 * 60 * 1000;
const day = 24 * hour;
const reviewOf = (response: ApiResponse) => response.body as Review;

describe.each(testProviders())("reviews over HTTP (%s)", (provider) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  const outsider = async () => api.as(await newPerson(api.core, "olga"));

  /** A session of the swap, an hour from now, that both of them then confirmed took place. */
  async function meet(swapId: string, a: Person, b: Person, skill?: string) {
    const { sessions } = api.core.services;
    const startsAt = new Date(api.core.clock.now().getTime() + hour).toISOString();
    const session = await sessions.schedule(a, swapId, {
      startsAt,
      mode: "online",
      ...(skill === undefined ? {} : { skill }),
    });
    api.core.clock.advance(3 * hour);
    await sessions.confirm(a, session.id);
    await sessions.confirm(b, session.id);
  }

  /** `learner` asked `teacher` for Spanish, nothing in return, and they have met once: the id of their swap. */
  async function metOneWay(learner: Person, teacher: Person): Promise<string> {
    const { swaps } = api.core.services;
    const swap = await swaps.request(learner, { to: teacher.handle, want: "Spanish" });
    await swaps.accept(teacher, swap.id);
    await meet(swap.id, learner, teacher);
    return swap.id;
  }

  /** Ana and Bea in an accepted swap; with `met`, a session of it was completed, so they may review each other. */
  async function partners({ met = true } = {}) {
    const { ana, bea, swapId } = await acceptedSwap(api.core);
    if (met) await meet(swapId, ana, bea, "Spanish");
    return { ana, bea, swapId, asAna: await api.as(ana), asBea: await api.as(bea) };
  }

  /** Ana has reviewed Bea. */
  async function reviewed() {
    const people = await partners();
    const response = await people.asAna.post(`/api/v1/swaps/${people.swapId}/reviews`, {
      rating: 5,
      text: "Patient and clear",
    });
    expect(response.status).toBe(201);
    return { ...people, reviewId: reviewOf(response).id };
  }

  describe("reviewing a partner", () => {
    it("answers 201 with the review, once something in the swap was completed; a second one is a 409", async () => {
      const { ana, bea, swapId, asAna } = await partners();
      const response = await asAna.post(`/api/v1/swaps/${swapId}/reviews`, { rating: 5, text: "Muchas gracias!" });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        id: expect.any(String),
        swapId,
        author: { handle: ana.handle },
        subject: bea.handle,
        rating: 5,
        text: "Muchas gracias!",
        reply: null,
      });
      expect(refusalOf(await asAna.post(`/api/v1/swaps/${swapId}/reviews`, { rating: 4 }))).toEqual({
        status: 409,
        code: "REVIEW.ALREADY",
      });
    });

    it("waits until a session of the swap was completed", async () => {
      const { swapId, asBea } = await partners({ met: false });
      expect(refusalOf(await asBea.post(`/api/v1/swaps/${swapId}/reviews`, { rating: 5 }))).toEqual({
        status: 409,
        code: "REVIEW.TOO_EARLY",
      });
    });

    it("names every rejected field, without coercing a rating sent as text", async () => {
      const { swapId, asAna } = await partners();
      const response = await asAna.post(`/api/v1/swaps/${swapId}/reviews`, { rating: 6, text: 42, stars: 5 });
      expect(refusalOf(response)).toEqual({ status: 400, code: "REQUEST.INVALID" });
      expect(rejectedFields(response).sort()).toEqual(["rating", "stars", "text"]);
      expect(rejectedFields(await asAna.post(`/api/v1/swaps/${swapId}/reviews`, { rating: "5" }))).toEqual(["rating"]);
    });

    it("answers 404 to someone not in the swap", async () => {
      const { swapId } = await partners();
      expect(refusalOf(await (await outsider()).post(`/api/v1/swaps/${swapId}/reviews`, { rating: 1 }))).toEqual({
        status: 404,
        code: "SWAP.NOT_FOUND",
      });
    });
  });

  describe("editing a review", () => {
    it("lets its author change rating and text", async () => {
      const { reviewId, asAna } = await reviewed();
      const response = await asAna.patch(`/api/v1/reviews/${reviewId}`, { rating: 4, text: "Patient, mostly clear" });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: reviewId, rating: 4, text: "Patient, mostly clear" });
    });

    it("names every rejected field", async () => {
      const { reviewId, asAna } = await reviewed();
      const response = await asAna.patch(`/api/v1/reviews/${reviewId}`, { rating: 0, subject: "someone" });
      expect(refusalOf(response)).toEqual({ status: 400, code: "REQUEST.INVALID" });
      expect(rejectedFields(response).sort()).toEqual(["rating", "subject"]);
    });

    it("is refused to anyone but its author: 403 to whoever may see it, 404 to whoever may not", async () => {
      const { bea, reviewId, asBea } = await reviewed();
      expect(refusalOf(await asBea.patch(`/api/v1/reviews/${reviewId}`, { rating: 1 }))).toEqual({
        status: 403,
        code: "REVIEW.NOT_YOURS",
      });
      const stranger = await outsider();
      expect(refusalOf(await stranger.patch(`/api/v1/reviews/${reviewId}`, { rating: 1 }))).toEqual({
        status: 403,
        code: "REVIEW.NOT_YOURS",
      });
      await api.core.services.profiles.update(bea, { visibility: "private" });
      expect(refusalOf(await stranger.patch(`/api/v1/reviews/${reviewId}`, { rating: 1 }))).toEqual({
        status: 404,
        code: "REVIEW.NOT_FOUND",
      });
    });

    it("is locked 14 days after it was written", async () => {
      const { reviewId, asAna } = await reviewed();
      api.core.clock.advance(15 * day);
      expect(refusalOf(await asAna.patch(`/api/v1/reviews/${reviewId}`, { rating: 3 }))).toEqual({
        status: 409,
        code: "REVIEW.LOCKED",
      });
    });
  });

  describe("replying to a review", () => {
    it("lets the person reviewed answer once, with 201 and the review carrying the reply", async () => {
      const { reviewId, asBea } = await reviewed();
      const response = await asBea.post(`/api/v1/reviews/${reviewId}/replies`, { text: "Thank you, Ana!" });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ id: reviewId, reply: "Thank you, Ana!" });
      expect(refusalOf(await asBea.post(`/api/v1/reviews/${reviewId}/replies`, { text: "Again" }))).toEqual({
        status: 409,
        code: "REVIEW.ALREADY_REPLIED",
      });
    });

    it("lets nobody else answer, and names an empty or unknown field", async () => {
      const { reviewId, asAna, asBea } = await reviewed();
      expect(refusalOf(await asAna.post(`/api/v1/reviews/${reviewId}/replies`, { text: "Me too" }))).toEqual({
        status: 403,
        code: "REVIEW.NOT_ABOUT_YOU",
      });
      const empty = await asBea.post(`/api/v1/reviews/${reviewId}/replies`, { text: "   ", mood: "happy" });
      expect(refusalOf(empty)).toEqual({ status: 400, code: "REQUEST.INVALID" });
      expect(rejectedFields(empty).sort()).toEqual(["mood", "text"]);
    });
  });

  describe("reporting a review", () => {
    it("takes the report for the admins with 202", async () => {
      const { reviewId } = await reviewed();
      const response = await (
        await outsider()
      ).post(`/api/v1/reviews/${reviewId}/reports`, {
        reason: "This never happened",
      });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ reportId: expect.any(String) });
    });

    it("names a reason too short to act on, and hides a review its reporter may not see", async () => {
      const { bea, reviewId } = await reviewed();
      const stranger = await outsider();
      const short = await stranger.post(`/api/v1/reviews/${reviewId}/reports`, { reason: "no" });
      expect(refusalOf(short)).toEqual({ status: 400, code: "REQUEST.INVALID" });
      expect(rejectedFields(short)).toEqual(["reason"]);
      await api.core.services.profiles.update(bea, { visibility: "private" });
      expect(refusalOf(await stranger.post(`/api/v1/reviews/${reviewId}/reports`, { reason: "Not true" }))).toEqual({
        status: 404,
        code: "REVIEW.NOT_FOUND",
      });
    });
  });

  describe("the reviews on a profile", () => {
    it("shows a public profile's reviews to a visitor, newest first, a page at a time", async () => {
      const bea = await newPublicPerson(api.core, "bea", { Spanish: 5 });
      const texts = ["Clear and patient", "Fun, and so much vocabulary"];
      for (const [i, text] of texts.entries()) {
        const learner = await newPublicPerson(api.core, `learner${i}`);
        const swapId = await metOneWay(learner, bea);
        await (await api.as(learner)).post(`/api/v1/swaps/${swapId}/reviews`, { rating: 5 - i, text });
      }
      const first = await api.visitor.get(`/api/v1/users/${bea.handle}/reviews?limit=1`);
      expect(first.status).toBe(200);
      const page = first.body as ReviewPage;
      expect(page.items.map((r) => r.text)).toEqual([texts[1]]);
      const next = await api.visitor.get(
        `/api/v1/users/${bea.handle}/reviews?limit=1&cursor=${encodeURIComponent(page.nextCursor ?? "")}`,
      );
      expect(next.body).toMatchObject({ items: [{ text: texts[0], rating: 5, reply: null }], nextCursor: null });
    });

    it("answers 404 for a profile the viewer may not see, and names a bad limit or cursor", async () => {
      const { bea } = await reviewed();
      expect(rejectedFields(await api.visitor.get(`/api/v1/users/${bea.handle}/reviews?limit=0`))).toEqual(["limit"]);
      const forged = await api.visitor.get(`/api/v1/users/${bea.handle}/reviews?cursor=abc`);
      expect(refusalOf(forged)).toEqual({ status: 400, code: "REVIEW.INVALID" });
      expect(rejectedFields(forged)).toEqual(["cursor"]);
      await api.core.services.profiles.update(bea, { visibility: "private" });
      expect(refusalOf(await api.visitor.get(`/api/v1/users/${bea.handle}/reviews`))).toEqual({
        status: 404,
        code: "USER.NOT_FOUND",
      });
    });
  });

  it("asks a visitor to sign in to write, edit, reply to or report a review", async () => {
    const routes = [
      ["POST", "/api/v1/swaps/any/reviews"],
      ["PATCH", "/api/v1/reviews/any"],
      ["POST", "/api/v1/reviews/any/replies"],
      ["POST", "/api/v1/reviews/any/reports"],
    ] as const;
    for (const [method, url] of routes)
      expect(refusalOf(await api.visitor.request(method, url, {})), url).toEqual({
        status: 401,
        code: "AUTH.REQUIRED",
      });
  });
});
