import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCore, newPerson, testProviders, type TestCore } from "../../testing/index.js";
import { channelsFor, notificationPreferencesOf } from "./rules.js";

for (const provider of testProviders()) {
  describe(`notification preferences as handlers read them, on ${provider}`, () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    it("routes each person's notifications by the switches they saved on their profile", async () => {
      const ana = await newPerson(core, "Ana");
      const ben = await newPerson(core, "Ben");
      await core.services.profiles.update(ana, {
        notifications: [
          { kind: "swap_request", channel: "email", enabled: true },
          { kind: "swap_request", channel: "platform", enabled: false },
        ],
      });
      const stored = await core.database.db.$transaction((tx) =>
        notificationPreferencesOf(tx, [ana.userId, ben.userId]),
      );
      expect(channelsFor(stored.get(ana.userId) ?? [], "swap_request")).toEqual(["email", "dashboard"]);
      expect(channelsFor(stored.get(ben.userId) ?? [], "swap_request")).toEqual(["platform", "dashboard"]);
    });
  });
}
