import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestCore,
  deliverNotifications,
  newPublicPerson,
  rejectedFields,
  testProviders,
  type TestCore,
} from "../../testing/index.js";

describe.each(testProviders())("the dashboard's notification inbox on %s", (provider) => {
  let core: TestCore;
  const drain = () => deliverNotifications(core);

  beforeAll(async () => {
    core = await createTestCore(provider);
  });
  afterAll(() => core.close());

  it("holds a swap request for the person asked, unread, linking to the swap", async () => {
    const ana = await newPublicPerson(core, "ana", { Guitar: 3 });
    const bea = await newPublicPerson(core, "bea", { Piano: 3 });
    const { id: swapId } = await core.services.swaps.request(ana, { to: bea.handle, want: "Piano" });
    await drain();
    const page = await core.services.notifications.list(bea);
    expect(page.items.map(({ kind, text, about, read }) => ({ kind, text, about, read }))).toEqual([
      { kind: "swap_request", text: "ana sent you a swap request.", about: { type: "swap", id: swapId }, read: false },
    ]);
    expect(await core.services.notifications.unreadCount(bea)).toBe(1);
    expect((await core.services.notifications.list(ana)).items).toEqual([]);
  });

  it("writes a notification once when the outbox delivers its event again", async () => {
    const cy = await newPublicPerson(core, "cy", { Chess: 3 });
    const dee = await newPublicPerson(core, "dee", { Yoga: 3 });
    await core.services.swaps.request(cy, { to: dee.handle, want: "Yoga" });
    await drain();
    // What a crash between the insert and the outbox's own record looks like: the event is pending again.
    const db = core.database.db;
    await db.$transaction(async (tx) => {
      await tx.outboxDelivery.deleteMany({ where: { handler: "notifications" } });
      await tx.outboxEvent.updateMany({ where: { type: "swap.requested" }, data: { status: "pending" } });
    });
    await drain();
    expect((await core.services.notifications.list(dee)).items).toHaveLength(1);
  });

  it("holds nothing when the person turned the dashboard off for that kind", async () => {
    const eve = await newPublicPerson(core, "eve", { Chess: 3 });
    const fox = await newPublicPerson(core, "fox", { Drums: 3 });
    await core.services.profiles.update(fox, {
      notifications: [{ kind: "swap_request", channel: "dashboard", enabled: false }],
    });
    await core.services.swaps.request(eve, { to: fox.handle, want: "Drums" });
    await drain();
    expect((await core.services.notifications.list(fox)).items).toEqual([]);
    expect(await core.services.notifications.unreadCount(fox)).toBe(0);
  });

  it("lists newest first, a page at a time, and only what is unread when asked", async () => {
    const gil = await newPublicPerson(core, "gil", { Cello: 3 });
    for (const name of ["hal", "ivy", "jon"]) {
      const asker = await newPublicPerson(core, name, { Latin: 3 });
      await core.services.swaps.request(asker, { to: gil.handle, want: "Cello" });
      core.clock.advance(60_000);
      await drain();
    }
    const { notifications } = core.services;
    const first = await notifications.list(gil, { limit: 2 });
    expect(first.items.map((n) => n.text)).toEqual(["jon sent you a swap request.", "ivy sent you a swap request."]);
    expect(first.nextCursor).not.toBeNull();
    const second = await notifications.list(gil, { limit: 2, cursor: first.nextCursor ?? "" });
    expect(second).toEqual({
      items: [expect.objectContaining({ text: "hal sent you a swap request." })],
      nextCursor: null,
    });

    await notifications.markRead(gil, { ids: [first.items[0]?.id ?? ""] });
    const unread = await notifications.list(gil, { unreadOnly: true });
    expect(unread.items.map((n) => n.text)).toEqual(["ivy sent you a swap request.", "hal sent you a swap request."]);
  });

  it("refuses a damaged cursor and a limit out of range, naming the field", async () => {
    const kai = await newPublicPerson(core, "kai");
    const { notifications } = core.services;
    expect(await rejectedFields(() => notifications.list(kai, { cursor: "nonsense" }))).toEqual(["cursor"]);
    expect(await rejectedFields(() => notifications.list(kai, { limit: 0 }))).toEqual(["limit"]);
    expect(await rejectedFields(() => notifications.markRead(kai, {}))).toEqual(["ids"]);
    expect(await rejectedFields(() => notifications.markRead(kai, { ids: ["a"], all: true }))).toEqual(["ids"]);
  });

  it("marks only the actor's own notifications read: someone else's id leaves theirs unread", async () => {
    const lou = await newPublicPerson(core, "lou", { Chess: 3 });
    const max = await newPublicPerson(core, "max", { Piano: 3 });
    const ned = await newPublicPerson(core, "ned", { Yoga: 3 });
    await core.services.swaps.request(lou, { to: max.handle, want: "Piano" });
    await core.services.swaps.request(lou, { to: ned.handle, want: "Yoga" });
    await drain();
    const { notifications } = core.services;
    const nedsId = (await notifications.list(ned)).items[0]?.id ?? "";
    expect(await notifications.markRead(max, { ids: [nedsId] })).toBe(0);
    expect(await notifications.unreadCount(ned)).toBe(1);
    expect(await notifications.unreadCount(max)).toBe(1);

    expect(await notifications.markRead(max, { all: true })).toBe(1);
    expect(await notifications.unreadCount(max)).toBe(0);
    expect((await notifications.list(max)).items.map((n) => n.read)).toEqual([true]);
    expect(await notifications.unreadCount(ned)).toBe(1);
  });
});
