import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translate } from "../../messages/index.js";
import { createTestCore, domainErrorOf, newPerson, testProviders, type TestCore } from "../../testing/index.js";

const hours = (n: number) => n * 60 * 60 * 1000;

for (const provider of testProviders()) {
  describe(`confirming an email address on ${provider}`, () => {
    let core: TestCore;
    let people = 0;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    /** Someone who just signed up with email and password, with the address their mail goes to. */
    async function signUp(name: string) {
      const email = `${name.toLowerCase()}${++people}@example.org`;
      const account = await core.services.accounts.signUpWithEmail({
        email,
        password: "a sturdy passphrase",
        displayName: name,
      });
      return { ...account, email };
    }

    const verifiedAt = async (userId: string) =>
      (await core.database.db.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true } }))
        .emailVerifiedAt;

    it("mails a link at sign-up, and the address stays unconfirmed until it is opened", async () => {
      const ada = await signUp("Ada");
      expect(await verifiedAt(ada.userId)).toBeNull();
      const [mail, ...more] = await core.mail.sentTo(ada.email);
      expect(more).toEqual([]);
      expect(mail?.subject).toBe("Confirm your email address for SkillSwap");
      expect(mail?.text).toMatch(/^Hi Ada,/);
      expect(mail?.text).toMatch(/http:\/\/localhost:3000\/verify-email\?token=[A-Za-z0-9_-]{43}\n/);
      const token = await core.mail.linkToken(ada.email, "/verify-email");
      expect(await core.services.accounts.verifyEmail(token)).toEqual({
        userId: ada.userId,
        handle: ada.handle,
        created: false,
      });
      expect(await verifiedAt(ada.userId)).toEqual(core.clock.now());
    });

    it("works once: a second click is refused with a sentence saying what to do", async () => {
      const ben = await signUp("Ben");
      const token = await core.mail.linkToken(ben.email, "/verify-email");
      await core.services.accounts.verifyEmail(token);
      const error = await domainErrorOf(() => core.services.accounts.verifyEmail(token));
      expect(error.code).toBe("ACCOUNT.VERIFICATION_LINK_INVALID");
      expect(translate(error.messageKey, error.params)).toBe(
        "This confirmation link has expired or was already used. Sign in and ask for a new one from your account page.",
      );
    });

    it("stops working 24 hours after it was mailed", async () => {
      const cat = await signUp("Cat");
      const dan = await signUp("Dan");
      const late = await core.mail.linkToken(cat.email, "/verify-email");
      const early = await core.mail.linkToken(dan.email, "/verify-email");
      core.clock.advance(hours(24) - 1);
      expect((await core.services.accounts.verifyEmail(early)).userId).toBe(dan.userId);
      core.clock.advance(1);
      expect((await domainErrorOf(() => core.services.accounts.verifyEmail(late))).code).toBe(
        "ACCOUNT.VERIFICATION_LINK_INVALID",
      );
      expect(await verifiedAt(cat.userId)).toBeNull();
    });

    it("answers an unknown, malformed or login token like a used one", async () => {
      const eve = await newPerson(core, "eve");
      const { token: loginToken } = await core.services.accounts.issueLoginLink(eve);
      for (const token of [loginToken, "A".repeat(43), "not-a-token", ""])
        expect((await domainErrorOf(() => core.services.accounts.verifyEmail(token))).code).toBe(
          "ACCOUNT.VERIFICATION_LINK_INVALID",
        );
      // Refused as the wrong kind of link, the login link still logs Eve in.
      expect((await core.services.accounts.redeemLoginLink(loginToken)).userId).toBe(eve.userId);
    });

    it("is never stored in the clear, neither as a token nor in the outbox that asked for the mail", async () => {
      const fay = await signUp("Fay");
      const token = await core.mail.linkToken(fay.email, "/verify-email");
      const tokens = await core.database.db.loginToken.findMany({ where: { userId: fay.userId } });
      expect(tokens.map((row) => row.purpose)).toEqual(["verify_email"]);
      const events = await core.database.db.outboxEvent.findMany({ where: { aggregateId: fay.userId } });
      expect(JSON.stringify([tokens, events])).not.toContain(token);
    });

    it("is mailed again on request, and the first link keeps working", async () => {
      const gus = await signUp("Gus");
      await core.services.accounts.resendVerification(gus);
      const mails = await core.mail.sentTo(gus.email);
      expect(mails.map((mail) => mail.subject)).toEqual([
        "Confirm your email address for SkillSwap",
        "Confirm your email address for SkillSwap",
      ]);
      const first = /token=([\w-]+)/.exec(mails[0]?.text ?? "")?.[1] ?? "";
      expect((await core.services.accounts.verifyEmail(first)).userId).toBe(gus.userId);
    });

    it("is not resent to a confirmed address, nor to an account without one", async () => {
      const hal = await signUp("Hal");
      await core.services.accounts.verifyEmail(await core.mail.linkToken(hal.email, "/verify-email"));
      const confirmed = await domainErrorOf(() => core.services.accounts.resendVerification(hal));
      expect(confirmed).toMatchObject({ kind: "conflict", code: "ACCOUNT.EMAIL_ALREADY_VERIFIED" });
      const fromDiscord = await newPerson(core, "ivy");
      const none = await domainErrorOf(() => core.services.accounts.resendVerification(fromDiscord));
      expect(none).toMatchObject({ kind: "conflict", code: "ACCOUNT.NO_EMAIL" });
    });

    it("is mailed at most five times an hour, then again an hour later", async () => {
      const jo = await signUp("Jo");
      for (let resend = 1; resend <= 4; resend++) await core.services.accounts.resendVerification(jo);
      const error = await domainErrorOf(() => core.services.accounts.resendVerification(jo));
      expect(error).toMatchObject({ kind: "rate_limited", code: "ACCOUNT.TOO_MANY_MAILS" });
      expect(await core.mail.sentTo(jo.email)).toHaveLength(5);
      core.clock.advance(hours(1));
      await core.services.accounts.resendVerification(jo);
      expect(await core.mail.sentTo(jo.email)).toHaveLength(6);
    });

    it("confirms nothing for an account deleted after the mail was sent", async () => {
      const kim = await signUp("Kim");
      const token = await core.mail.linkToken(kim.email, "/verify-email");
      await core.services.profiles.deleteAccount(kim, kim.handle);
      expect((await domainErrorOf(() => core.services.accounts.verifyEmail(token))).code).toBe(
        "ACCOUNT.VERIFICATION_LINK_INVALID",
      );
    });

    it("leaves the sign-up and the confirmation in the audit log", async () => {
      const lou = await signUp("Lou");
      await core.services.accounts.verifyEmail(await core.mail.linkToken(lou.email, "/verify-email"));
      const rows = await core.database.db.auditLog.findMany({
        where: { targetId: lou.userId },
        orderBy: { createdAt: "asc" },
      });
      expect(rows).toEqual([
        expect.objectContaining({
          action: "account.signed_up",
          actorId: lou.userId,
          communityId: null,
          targetType: "user",
        }),
        expect.objectContaining({
          action: "account.email_verified",
          actorId: lou.userId,
          communityId: null,
          targetType: "user",
        }),
      ]);
    });

    it("points its links at PUBLIC_URL, wherever SkillSwap is served", async () => {
      const elsewhere = await createTestCore(provider, {}, { PUBLIC_URL: "https://swap.example.org/club/" });
      try {
        await elsewhere.services.accounts.signUpWithEmail({
          email: "mo@example.org",
          password: "a sturdy passphrase",
          displayName: "Mo",
        });
        const [mail] = await elsewhere.mail.sentTo("mo@example.org");
        expect(mail?.text).toMatch(/https:\/\/swap\.example\.org\/club\/verify-email\?token=[\w-]{43}\n/);
      } finally {
        await elsewhere.close();
      }
    });
  });
}
