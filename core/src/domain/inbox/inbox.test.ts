import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCore, rejectedFields, testProviders, type TestCore } from "../../testing/index.js";
import { INBOX_RETENTION_MS } from "./service.js";

for (const provider of testProviders()) {
  describe(`the platform event inbox on ${provider}`, () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    it("lets the first delivery of an event through and drops its replay", async () => {
      expect(await core.services.inbox.claim("discord", "interaction-1")).toBe(true);
      expect(await core.services.inbox.claim("discord", "interaction-1")).toBe(false);
    });

    it("keeps the platforms apart: the same id on Slack is another event", async () => {
      expect(await core.services.inbox.claim("discord", "shared-id")).toBe(true);
      expect(await core.services.inbox.claim("slack", "shared-id")).toBe(true);
    });

    it("lets exactly one of many concurrent deliveries through", async () => {
      const claims = await Promise.all(
        Array.from({ length: 8 }, () => core.services.inbox.claim("slack", "Ev-retried")),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it("refuses an empty id rather than treating every id-less event as one", async () => {
      expect(await rejectedFields(() => core.services.inbox.claim("discord", ""))).toEqual(["externalId"]);
    });

    it("still drops a replay as long as a signed request stays acceptable, pruning or not", async () => {
      // Claimed 5 minutes before its signed time, replayed 5 minutes after it: the widest gap a window allows.
      await core.services.inbox.claim("discord", "signed-replay");
      core.clock.advance(10 * 60 * 1000 + 1000);
      await core.services.inbox.prune(new Date(core.clock.now().getTime() - INBOX_RETENTION_MS));
      expect(await core.services.inbox.claim("discord", "signed-replay")).toBe(false);
    });

    it("forgets claims older than the cut-off, so the table does not grow forever", async () => {
      await core.services.inbox.claim("discord", "old");
      core.clock.advance(INBOX_RETENTION_MS + 1);
      await core.services.inbox.claim("discord", "recent");
      const before = await core.database.db.inboundEvent.count({ where: { externalId: { not: "" } } });
      const pruned = await core.services.inbox.prune(new Date(core.clock.now().getTime() - INBOX_RETENTION_MS));
      expect(pruned).toBe(before - 1);
      expect(await core.database.db.inboundEvent.findMany({ where: { externalId: { not: "" } } })).toMatchObject([
        { platform: "discord", externalId: "recent" },
      ]);
      // A forgotten id is new again: past a day no platform retries it, so this is a different event.
      expect(await core.services.inbox.claim("discord", "old")).toBe(true);
    });
  });
}
