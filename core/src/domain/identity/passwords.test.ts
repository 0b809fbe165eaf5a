import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translate } from "../../messages/index.js";
import { createTestCore, domainErrorOf, newPerson, testProviders, type TestCore } from "../../testing/index.js";

const minutes = (n: number) => n * 60 * 1000;
const tokensIn = (texts: readonly { text: string }[], path: string) =>
  texts.flatMap((mail) => new RegExp(`${path}\\?token=([\\w-]+)`).exec(mail.text)?.[1] ?? []);

for (const provider of testProviders()) {
  describe(`passwords on ${provider}`, () => {
    let core: TestCore;
    let people = 0;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    /** Someone with an email account, the address their mail goes to, and the password they chose. */
    async function signUp(name: string, password = "my first passphrase") {
      const email = `${name.toLowerCase()}${++people}@example.org`;
      const account = await core.services.accounts.signUpWithEmail({ email, password, displayName: name });
      return { ...account, email, password };
    }

    const signsIn = (email: string, password: string) =>
      core.services.accounts.authenticate({ email, password }).then(
        () => true,
        () => false,
      );

    const auditOf = async (userId: string) =>
      (
        await core.database.db.auditLog.findMany({
          where: { targetId: userId, communityId: null, targetType: "user" },
          orderBy: { createdAt: "asc" },
          select: { action: true, actorId: true },
        })
      ).map((row) => row.action);

    describe("forgetting one's password", () => {
      it("mails a link to the account's address that sets a new password", async () => {
        const ada = await signUp("Ada");
        await core.services.accounts.requestPasswordReset({ email: ada.email.toUpperCase() });
        const mail = (await core.mail.sentTo(ada.email)).at(-1);
        expect(mail?.subject).toBe("Reset your SkillSwap password");
        expect(mail?.text).toMatch(/http:\/\/localhost:3000\/reset-password\?token=[\w-]{43}\n/);
        const token = await core.mail.linkToken(ada.email, "/reset-password");
        expect(await core.services.accounts.resetPassword({ token, password: "my second passphrase" })).toEqual({
          userId: ada.userId,
          handle: ada.handle,
          created: false,
        });
        expect(await signsIn(ada.email, "my second passphrase")).toBe(true);
        expect(await signsIn(ada.email, ada.password)).toBe(false);
      });

      it("answers the same whether an account has the address or not, and mails nobody who has none", async () => {
        const ben = await signUp("Ben");
        const known = await core.services.accounts.requestPasswordReset({ email: ben.email });
        const unknown = await core.services.accounts.requestPasswordReset({ email: "nobody-here@example.org" });
        expect(unknown).toEqual(known);
        expect(await core.mail.sentTo("nobody-here@example.org")).toEqual([]);
        // Both requests did the same work: one outbox row each, looked up only when the worker sends.
        const recorded = await core.database.db.outboxEvent.findMany({
          where: {
            type: "account.password_reset_requested",
            aggregateId: { in: [ben.email, "nobody-here@example.org"] },
          },
        });
        expect(recorded).toHaveLength(2);
      });

      it("stops working 30 minutes after it was mailed", async () => {
        const cat = await signUp("Cat");
        const dan = await signUp("Dan");
        await core.services.accounts.requestPasswordReset({ email: cat.email });
        await core.services.accounts.requestPasswordReset({ email: dan.email });
        const late = await core.mail.linkToken(cat.email, "/reset-password");
        const early = await core.mail.linkToken(dan.email, "/reset-password");
        core.clock.advance(minutes(30) - 1);
        await core.services.accounts.resetPassword({ token: early, password: "dan's new passphrase" });
        core.clock.advance(1);
        const error = await domainErrorOf(() =>
          core.services.accounts.resetPassword({ token: late, password: "cat's new passphrase" }),
        );
        expect(error.code).toBe("ACCOUNT.RESET_LINK_INVALID");
        expect(await signsIn(cat.email, cat.password)).toBe(true);
      });

      it("works once: a spent link is refused with a sentence saying what to do", async () => {
        const eve = await signUp("Eve");
        await core.services.accounts.requestPasswordReset({ email: eve.email });
        const token = await core.mail.linkToken(eve.email, "/reset-password");
        await core.services.accounts.resetPassword({ token, password: "eve's new passphrase" });
        const error = await domainErrorOf(() =>
          core.services.accounts.resetPassword({ token, password: "someone else's passphrase" }),
        );
        expect(error.code).toBe("ACCOUNT.RESET_LINK_INVALID");
        expect(translate(error.messageKey, error.params)).toBe(
          "This password reset link has expired or was already used. Ask for a new one from the sign-in page.",
        );
        expect(await signsIn(eve.email, "eve's new passphrase")).toBe(true);
      });

      it("works once even when two tabs submit the same link at the same moment", async () => {
        const fay = await signUp("Fay");
        await core.services.accounts.requestPasswordReset({ email: fay.email });
        const token = await core.mail.linkToken(fay.email, "/reset-password");
        const outcomes = await Promise.allSettled(
          ["first tab passphrase", "second tab passphrase"].map((password) =>
            core.services.accounts.resetPassword({ token, password }),
          ),
        );
        expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      });

      it("voids the links mailed before when a new one is asked for", async () => {
        const gus = await signUp("Gus");
        await core.services.accounts.requestPasswordReset({ email: gus.email });
        await core.services.accounts.requestPasswordReset({ email: gus.email });
        const [older, newer] = tokensIn(await core.mail.sentTo(gus.email), "/reset-password");
        expect(
          (
            await domainErrorOf(() =>
              core.services.accounts.resetPassword({ token: older ?? "", password: "gus's new passphrase" }),
            )
          ).code,
        ).toBe("ACCOUNT.RESET_LINK_INVALID");
        await core.services.accounts.resetPassword({ token: newer ?? "", password: "gus's new passphrase" });
        expect(await signsIn(gus.email, "gus's new passphrase")).toBe(true);
      });

      it("holds the new password to the policy, and a refused one leaves the link usable", async () => {
        const hal = await signUp("Hal");
        await core.services.accounts.requestPasswordReset({ email: hal.email });
        const token = await core.mail.linkToken(hal.email, "/reset-password");
        for (const [password, sentence] of [
          ["short", "Use at least 12 characters for your password."],
          [
            "Qwerty123456",
            "This password is among the most common ones people's accounts were broken into with; choose another.",
          ],
        ] as const) {
          const error = await domainErrorOf(() => core.services.accounts.resetPassword({ token, password }));
          expect(error.fields).toEqual([{ field: "password", message: sentence }]);
        }
        await core.services.accounts.resetPassword({ token, password: "hal's new passphrase" });
      });

      it("confirms the address too: the link could only be opened from its inbox", async () => {
        const ivy = await signUp("Ivy");
        await core.services.accounts.requestPasswordReset({ email: ivy.email });
        const token = await core.mail.linkToken(ivy.email, "/reset-password");
        await core.services.accounts.resetPassword({ token, password: "ivy's new passphrase" });
        const user = await core.database.db.user.findUniqueOrThrow({
          where: { id: ivy.userId },
          select: { emailVerifiedAt: true },
        });
        expect(user.emailVerifiedAt).toEqual(core.clock.now());
      });

      it("mails an address at most five times an hour, and says nothing different when it stops", async () => {
        const jo = await signUp("Jo");
        for (let request = 1; request <= 7; request++)
          await expect(core.services.accounts.requestPasswordReset({ email: jo.email })).resolves.toBeUndefined();
        expect(tokensIn(await core.mail.sentTo(jo.email), "/reset-password")).toHaveLength(5);
        core.clock.advance(minutes(60));
        await core.services.accounts.requestPasswordReset({ email: jo.email });
        expect(tokensIn(await core.mail.sentTo(jo.email), "/reset-password")).toHaveLength(6);
      });

      it("tells the owner by mail that the password changed, and leaves it all in the audit log", async () => {
        const kim = await signUp("Kim");
        await core.services.accounts.requestPasswordReset({ email: kim.email });
        const token = await core.mail.linkToken(kim.email, "/reset-password");
        await core.services.accounts.resetPassword({ token, password: "kim's new passphrase" });
        const last = (await core.mail.sentTo(kim.email)).at(-1);
        expect(last?.subject).toBe("Your SkillSwap password was changed");
        expect(last?.text).toContain("http://localhost:3000");
        expect(await auditOf(kim.userId)).toEqual([
          "account.signed_up",
          "account.password_reset_requested",
          "account.password_reset",
          "account.email_verified",
        ]);
      });

      it("resets nothing for an account deleted after the link was mailed", async () => {
        const lou = await signUp("Lou");
        await core.services.accounts.requestPasswordReset({ email: lou.email });
        const token = await core.mail.linkToken(lou.email, "/reset-password");
        await core.services.profiles.deleteAccount(lou, lou.handle);
        expect(
          (await domainErrorOf(() => core.services.accounts.resetPassword({ token, password: "lou's new passphrase" })))
            .code,
        ).toBe("ACCOUNT.RESET_LINK_INVALID");
      });
    });

    describe("changing one's password", () => {
      it("signs in with the new password only, and tells the owner by mail", async () => {
        const mia = await signUp("Mia");
        await core.services.accounts.changePassword(mia, {
          currentPassword: mia.password,
          newPassword: "mia's new passphrase",
        });
        expect(await signsIn(mia.email, "mia's new passphrase")).toBe(true);
        expect(await signsIn(mia.email, mia.password)).toBe(false);
        expect((await core.mail.sentTo(mia.email)).at(-1)?.subject).toBe("Your SkillSwap password was changed");
        expect(await auditOf(mia.userId)).toEqual(["account.signed_up", "account.password_changed"]);
      });

      it("refuses a wrong or missing current password, beside that field", async () => {
        const ned = await signUp("Ned");
        const wrong = await domainErrorOf(() =>
          core.services.accounts.changePassword(ned, {
            currentPassword: "not my passphrase",
            newPassword: "ned's new passphrase",
          }),
        );
        expect(wrong).toMatchObject({ kind: "invalid", code: "ACCOUNT.WRONG_PASSWORD" });
        expect(wrong.fields).toEqual([{ field: "currentPassword", message: "That is not your current password." }]);
        const missing = await domainErrorOf(() =>
          core.services.accounts.changePassword(ned, { newPassword: "ned's new passphrase" }),
        );
        expect(missing.fields).toEqual([{ field: "currentPassword", message: "This is required." }]);
        expect(await signsIn(ned.email, ned.password)).toBe(true);
      });

      it("holds the new password to the policy", async () => {
        const oli = await signUp("Oli");
        const error = await domainErrorOf(() =>
          core.services.accounts.changePassword(oli, { currentPassword: oli.password, newPassword: "1q2w3e4r5t6y" }),
        );
        expect(error.fields.map((field) => field.field)).toEqual(["newPassword"]);
      });

      it("voids the reset links mailed before it", async () => {
        const pia = await signUp("Pia");
        await core.services.accounts.requestPasswordReset({ email: pia.email });
        const token = await core.mail.linkToken(pia.email, "/reset-password");
        await core.services.accounts.changePassword(pia, {
          currentPassword: pia.password,
          newPassword: "pia's new passphrase",
        });
        expect(
          (await domainErrorOf(() => core.services.accounts.resetPassword({ token, password: "an intruder's pick" })))
            .code,
        ).toBe("ACCOUNT.RESET_LINK_INVALID");
      });

      it("lets someone who arrived through a platform set a first password, once their address is confirmed", async () => {
        const email = "quinn@example.org";
        const quinn = await core.services.accounts.registerFromIdentity({
          provider: "google",
          subject: "g-quinn",
          displayName: "Quinn",
          email,
        });
        const unconfirmed = await domainErrorOf(() =>
          core.services.accounts.changePassword(quinn, { newPassword: "quinn's first passphrase" }),
        );
        expect(unconfirmed).toMatchObject({ kind: "conflict", code: "ACCOUNT.EMAIL_UNVERIFIED" });
        await core.services.accounts.resendVerification(quinn);
        await core.services.accounts.verifyEmail(await core.mail.linkToken(email, "/verify-email"));
        await core.services.accounts.changePassword(quinn, { newPassword: "quinn's first passphrase" });
        expect(await signsIn(email, "quinn's first passphrase")).toBe(true);
        expect((await core.mail.sentTo(email)).at(-1)?.text).toContain("now has a password");
        expect(await auditOf(quinn.userId)).toEqual([
          "account.signed_up",
          "account.email_verified",
          "account.password_set",
        ]);
      });

      it("sets no password on an account without an email address: it could never sign in with it", async () => {
        const rex = await newPerson(core, "rex");
        const error = await domainErrorOf(() =>
          core.services.accounts.changePassword(rex, { newPassword: "rex's first passphrase" }),
        );
        expect(error).toMatchObject({ kind: "conflict", code: "ACCOUNT.NO_EMAIL" });
      });
    });
  });
}
