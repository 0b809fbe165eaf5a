import { deliverNotifications, newPublicPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness } from "../../../testing/api-harness.js";
import { refusalOf, rejectedFields } from "../../../testing/responses.js";

interface InboxPage {
  readonly items: ReadonlyArray<{
    readonly id: string;
    readonly kind: string;
    readonly text: string;
    readonly about: { readonly type: string; readonly id: string } | null;
    readonly createdAt: string;
    readonly read: boolean;
  }>;
  readonly nextCursor: string | null;
  readonly unreadCount: number;
}

const pageOf = (body: unknown) => body as InboxPage;

describe.each(testProviders())("my notifications over HTTP (%s)", (provider) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  it("lists a swap request sent to me, pages through, and counts it unread until I mark it read", async () => {
    const bea = await newPublicPerson(api.core, "bea", { Piano: 3 });
    for (const name of ["ana", "cy"]) {
      const asker = await newPublicPerson(api.core, name, { Chess: 3 });
      await api.core.services.swaps.request(asker, { to: bea.handle, want: "Piano" });
      api.core.clock.advance(60_000);
      await deliverNotifications(api.core);
    }
    const asBea = await api.as(bea);
    const first = await asBea.get("/api/v1/me/notifications?limit=1");
    expect(first.status).toBe(200);
    const firstPage = pageOf(first.body);
    expect(firstPage.items.map(({ kind, text, read }) => ({ kind, text, read }))).toEqual([
      { kind: "swap_request", text: "cy sent you a swap request.", read: false },
    ]);
    expect(firstPage.items[0]?.about?.type).toBe("swap");
    expect(firstPage.unreadCount).toBe(2);
    const second = pageOf(
      (await asBea.get(`/api/v1/me/notifications?limit=1&cursor=${firstPage.nextCursor ?? ""}`)).body,
    );
    expect(second.items.map((n) => n.text)).toEqual(["ana sent you a swap request."]);
    expect(second.nextCursor).toBeNull();

    const marked = await asBea.post("/api/v1/me/notifications/read", { ids: [firstPage.items[0]?.id] });
    expect(marked.status).toBe(204);
    const unread = pageOf((await asBea.get("/api/v1/me/notifications?unread=true")).body);
    expect(unread.items.map((n) => n.text)).toEqual(["ana sent you a swap request."]);
    expect(unread.unreadCount).toBe(1);

    expect((await asBea.post("/api/v1/me/notifications/read", { all: true })).status).toBe(204);
    expect(pageOf((await asBea.get("/api/v1/me/notifications")).body).unreadCount).toBe(0);
  });

  it("leaves someone else's notification unread when I name its id", async () => {
    const dee = await newPublicPerson(api.core, "dee", { Yoga: 3 });
    const eve = await newPublicPerson(api.core, "eve", { Chess: 3 });
    await api.core.services.swaps.request(eve, { to: dee.handle, want: "Yoga" });
    await deliverNotifications(api.core);
    const asDee = await api.as(dee);
    const deesId = pageOf((await asDee.get("/api/v1/me/notifications")).body).items[0]?.id;
    const asEve = await api.as(eve);
    expect((await asEve.post("/api/v1/me/notifications/read", { ids: [deesId] })).status).toBe(204);
    expect(pageOf((await asDee.get("/api/v1/me/notifications")).body).unreadCount).toBe(1);
  });

  it("asks a visitor to sign in", async () => {
    expect((await api.visitor.get("/api/v1/me/notifications")).status).toBe(401);
    expect((await api.visitor.post("/api/v1/me/notifications/read", { all: true })).status).toBe(401);
  });

  it("names the fields it refuses", async () => {
    const fox = await newPublicPerson(api.core, "fox");
    const asFox = await api.as(fox);
    const badQuery = await asFox.get("/api/v1/me/notifications?limit=0&unread=yes");
    expect(badQuery.status).toBe(400);
    expect(rejectedFields(badQuery).sort()).toEqual(["limit", "unread"]);
    const badCursor = await asFox.get("/api/v1/me/notifications?cursor=nonsense");
    expect(refusalOf(badCursor).status).toBe(400);
    expect(rejectedFields(badCursor)).toEqual(["cursor"]);
    const neither = await asFox.post("/api/v1/me/notifications/read", {});
    expect(neither.status).toBe(400);
    expect(rejectedFields(neither)).toEqual(["ids"]);
    const notAnArray = await asFox.post("/api/v1/me/notifications/read", { ids: "abc" });
    expect(rejectedFields(notAnArray)).toEqual(["ids"]);
  });
});
