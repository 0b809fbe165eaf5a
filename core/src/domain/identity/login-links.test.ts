import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translate } from "../../messages/index.js";
import { createTestCore, domainErrorOf, newPerson, testProviders, type TestCore } from "../../testing/index.js";

const minutes = (n: number) => n * 60 * 1000;

for (const provider of testProviders()) {
  describe(`one-time login links on ${provider}`, () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    it("log the person who asked for one into their own account", async () => {
      const ada = await newPerson(core, "ada");
      const link = await core.services.accounts.issueLoginLink(ada);
      expect(link.expiresAt).toEqual(new Date(core.clock.now().getTime() + minutes(15)));
      expect(await core.services.accounts.redeemLoginLink(link.token)).toEqual({
        userId: ada.userId,
        handle: ada.handle,
        created: false,
      });
    });

    it("work once: the second click is refused with a sentence saying what to do", async () => {
      const ben = await newPerson(core, "ben");
      const { token } = await core.services.accounts.issueLoginLink(ben);
      await core.services.accounts.redeemLoginLink(token);
      const error = await domainErrorOf(() => core.services.accounts.redeemLoginLink(token));
      expect(error.code).toBe("ACCOUNT.LOGIN_LINK_INVALID");
      expect(translate(error.messageKey, error.params)).toBe(
        "This login link has expired or was already used. Ask the bot for a new one with /skillswap login.",
      );
    });

    it("work once even when two tabs redeem the same link at the same moment", async () => {
      const cat = await newPerson(core, "cat");
      const { token } = await core.services.accounts.issueLoginLink(cat);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 5 }, () => core.services.accounts.redeemLoginLink(token)),
      );
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    });

    it("stop working 15 minutes after they were sent", async () => {
      const dan = await newPerson(core, "dan");
      const early = await core.services.accounts.issueLoginLink(dan);
      const late = await core.services.accounts.issueLoginLink(dan);
      core.clock.advance(minutes(15) - 1);
      expect((await core.services.accounts.redeemLoginLink(early.token)).userId).toBe(dan.userId);
      core.clock.advance(1);
      expect((await domainErrorOf(() => core.services.accounts.redeemLoginLink(late.token))).code).toBe(
        "ACCOUNT.LOGIN_LINK_INVALID",
      );
    });

    it("answer an unknown or malformed token like a used one", async () => {
      for (const token of ["A".repeat(43), "not-a-token", ""]) {
        expect((await domainErrorOf(() => core.services.accounts.redeemLoginLink(token))).code).toBe(
          "ACCOUNT.LOGIN_LINK_INVALID",
        );
      }
    });

    it("keep only a hash of the token, so the database alone logs nobody in", async () => {
      const eve = await newPerson(core, "eve");
      const { token } = await core.services.accounts.issueLoginLink(eve);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const rows = await core.database.db.loginToken.findMany({ where: { userId: eve.userId } });
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(rows[0]?.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    });

    it("are not handed out for an account that no longer exists", async () => {
      const fay = await newPerson(core, "fay");
      await core.services.profiles.deleteAccount(fay, fay.handle);
      expect((await domainErrorOf(() => core.services.accounts.issueLoginLink(fay))).code).toBe("USER.NOT_FOUND");
    });

    it("stop working for an account suspended after the link was sent", async () => {
      const gus = await newPerson(core, "gus");
      const { token } = await core.services.accounts.issueLoginLink(gus);
      await core.database.db.$transaction((tx) =>
        tx.user.update({ where: { id: gus.userId }, data: { status: "suspended" } }),
      );
      expect((await domainErrorOf(() => core.services.accounts.redeemLoginLink(token))).code).toBe(
        "ACCOUNT.LOGIN_LINK_INVALID",
      );
    });
  });
}
