import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCore, rejectedFields, testProviders, type TestCore } from "../../testing/index.js";
import { SENDS_RETENTION_MS } from "./service.js";

for (const provider of testProviders()) {
  describe(`what the bots sent, on ${provider}`, () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    it("knows nothing of a send nobody began", async () => {
      expect(await core.services.sends.lookup("discord", "message/1/never")).toBeNull();
    });

    it("remembers what the platform answered, so a late retry does not send it again", async () => {
      await core.services.sends.record("discord", "message/1/dm-of-event-1", "900000000000000001");
      core.clock.advance(60 * 60 * 1000);
      expect(await core.services.sends.lookup("discord", "message/1/dm-of-event-1")).toEqual({
        status: "sent",
        externalId: "900000000000000001",
      });
    });

    it("tells a retry that a send began and was never confirmed, since its first attempt", async () => {
      const began = core.clock.now();
      await core.services.sends.begin("discord", "thread/2/conversation-1");
      core.clock.advance(20 * 60 * 1000);
      await core.services.sends.begin("discord", "thread/2/conversation-1");
      expect(await core.services.sends.lookup("discord", "thread/2/conversation-1")).toEqual({
        status: "unconfirmed",
        since: began,
      });

      await core.services.sends.record("discord", "thread/2/conversation-1", "900000000000000002");
      expect(await core.services.sends.lookup("discord", "thread/2/conversation-1")).toEqual({
        status: "sent",
        externalId: "900000000000000002",
      });
    });

    it("keeps the first answer when two attempts both sent", async () => {
      await core.services.sends.record("discord", "message/3/twice", "900000000000000003");
      await core.services.sends.record("discord", "message/3/twice", "900000000000000004");
      expect(await core.services.sends.lookup("discord", "message/3/twice")).toMatchObject({
        externalId: "900000000000000003",
      });
    });

    it("lets exactly one of many racing attempts' answers stand", async () => {
      const ids = Array.from({ length: 8 }, (_, i) => `90000000000000010${i}`);
      await core.services.sends.begin("slack", "message/C1/racing");
      await Promise.all(ids.map((id) => core.services.sends.record("slack", "message/C1/racing", id)));
      const kept = await core.services.sends.lookup("slack", "message/C1/racing");
      expect(kept?.status === "sent" && ids.includes(kept.externalId)).toBe(true);
    });

    it("keeps the platforms apart: the same key on Slack is another send", async () => {
      await core.services.sends.record("discord", "message/4/shared", "900000000000000005");
      expect(await core.services.sends.lookup("slack", "message/4/shared")).toBeNull();
    });

    it("refuses an empty key rather than treating every key-less send as one", async () => {
      expect(await rejectedFields(() => core.services.sends.record("discord", "", "1"))).toEqual(["key"]);
      expect(await rejectedFields(() => core.services.sends.record("discord", "message/5/x", ""))).toEqual([
        "externalId",
      ]);
    });

    it("forgets sends begun more than a month ago, so the table does not grow forever", async () => {
      await core.services.sends.record("discord", "message/6/old", "900000000000000006");
      core.clock.advance(SENDS_RETENTION_MS + 1);
      await core.services.sends.record("discord", "message/6/recent", "900000000000000007");
      const pruned = await core.services.sends.prune(new Date(core.clock.now().getTime() - SENDS_RETENTION_MS));
      expect(pruned).toBeGreaterThanOrEqual(1);
      expect(await core.services.sends.lookup("discord", "message/6/old")).toBeNull();
      expect(await core.services.sends.lookup("discord", "message/6/recent")).toMatchObject({ status: "sent" });
    });
  });
}
