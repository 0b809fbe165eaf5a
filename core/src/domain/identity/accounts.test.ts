import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCore, domainErrorOf, rejectedFields, testProviders, type TestCore } from "../../testing/index.js";
import { hashPassword } from "./password.js";

for (const provider of testProviders()) {
  describe(`accounts on ${provider}`, () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    describe("arriving from a platform", () => {
      it("creates a user with a handle made from the platform username", async () => {
        const account = await core.services.accounts.registerFromIdentity({
          provider: "discord",
          subject: "111",
          username: "Élodie.Guitar",
          displayName: "Élodie",
        });
        expect(account.created).toBe(true);
        expect(account.handle).toBe("elodie-guitar");
        const profile = await core.services.profiles.me({ userId: account.userId });
        expect(profile.displayName).toBe("Élodie");
      });

      it("finds the same user again when the platform retries, even concurrently", async () => {
        const input = {
          provider: "slack" as const,
          tenantId: "T1",
          subject: "U42",
          username: "sam",
          displayName: "Sam",
        };
        const [a, b] = await Promise.all([
          core.services.accounts.registerFromIdentity(input),
          core.services.accounts.registerFromIdentity(input),
        ]);
        const again = await core.services.accounts.registerFromIdentity(input);
        expect(new Set([a.userId, b.userId, again.userId]).size).toBe(1);
        expect(again.created).toBe(false);
        expect(await core.database.db.identity.count({ where: { provider: "slack", subject: "U42" } })).toBe(1);
      });

      it("keeps Slack users of different workspaces apart", async () => {
        const one = await core.services.accounts.registerFromIdentity({
          provider: "slack",
          tenantId: "TA",
          subject: "U1",
          displayName: "Kim",
        });
        const two = await core.services.accounts.registerFromIdentity({
          provider: "slack",
          tenantId: "TB",
          subject: "U1",
          displayName: "Kim",
        });
        expect(one.userId).not.toBe(two.userId);
        expect(one.handle).not.toBe(two.handle);
      });

      it("records the new user in the outbox in the same transaction", async () => {
        const account = await core.services.accounts.registerFromIdentity({
          provider: "google",
          subject: "g-1",
          displayName: "Gia",
        });
        const events = await core.database.db.outboxEvent.findMany({
          where: { aggregateId: account.userId },
          select: { type: true },
        });
        expect(events).toEqual([{ type: "user.created" }]);
      });

      it("names every field it rejects", async () => {
        expect(
          await rejectedFields(() =>
            core.services.accounts.registerFromIdentity({
              provider: "myspace" as "discord",
              subject: "",
              displayName: "",
            }),
          ),
        ).toEqual(["displayName", "provider", "subject"]);
      });

      it("lists the platform accounts a person can be reached on, and nobody else's", async () => {
        const account = await core.services.accounts.registerFromIdentity({
          provider: "discord",
          subject: "555000111",
          displayName: "Ivo",
        });
        await core.services.accounts.registerFromIdentity({
          provider: "discord",
          subject: "555000222",
          displayName: "Jo",
        });
        expect(await core.services.accounts.identitiesOf(account.userId)).toEqual([
          { provider: "discord", tenantId: "", subject: "555000111" },
        ]);
      });
    });

    describe("signing up with email and password", () => {
      it("stores a scrypt hash, never the password, and logs the person in", async () => {
        const account = await core.services.accounts.signUpWithEmail({
          email: "Nora@Example.org",
          password: "correct horse battery",
          displayName: "Nora",
        });
        const row = await core.database.db.user.findUniqueOrThrow({
          where: { id: account.userId },
          select: { email: true, passwordHash: true },
        });
        expect(row.email).toBe("nora@example.org");
        expect(row.passwordHash).toMatch(/^scrypt\$/);
        expect(row.passwordHash).not.toContain("correct horse");
        const login = await core.services.accounts.authenticate({
          email: "nora@example.org",
          password: "correct horse battery",
        });
        expect(login.userId).toBe(account.userId);
      });

      it("answers a wrong password and an unknown email with the same error", async () => {
        const wrong = await domainErrorOf(() =>
          core.services.accounts.authenticate({ email: "nora@example.org", password: "wrong password!" }),
        );
        const unknown = await domainErrorOf(() =>
          core.services.accounts.authenticate({ email: "nobody@example.org", password: "wrong password!" }),
        );
        expect(wrong.code).toBe("ACCOUNT.BAD_CREDENTIALS");
        expect(unknown.code).toBe(wrong.code);
      });

      it("refuses a second account for the same email", async () => {
        const error = await domainErrorOf(() =>
          core.services.accounts.signUpWithEmail({
            email: "NORA@example.org",
            password: "another password",
            displayName: "Other",
          }),
        );
        expect(error.code).toBe("ACCOUNT.EMAIL_TAKEN");
        expect(error.kind).toBe("conflict");
      });

      // Time is not measured here (benchmarks measure, tests assert): an unknown email and a passwordless
      // account check the dummy hash, whose cost password-policy.test.ts ties to today's hash parameters.
      it("refuses an unknown email, and an account without a password, exactly as a wrong password", async () => {
        await core.services.accounts.registerFromIdentity({
          provider: "google",
          subject: "g-no-password",
          displayName: "Pat",
          email: "pat@example.org",
        });
        const attempt = (email: string) => () =>
          core.services.accounts.authenticate({ email, password: "wrong password!" });
        const wrong = await domainErrorOf(attempt("nora@example.org"));
        for (const other of [attempt("nobody@example.org"), attempt("pat@example.org")]) {
          const refusal = await domainErrorOf(other);
          expect({ code: refusal.code, kind: refusal.kind, message: refusal.messageKey }).toEqual({
            code: wrong.code,
            kind: wrong.kind,
            message: wrong.messageKey,
          });
        }
        expect(wrong.code).toBe("ACCOUNT.BAD_CREDENTIALS");
      });

      it("still signs in people whose password predates the 12-character rule", async () => {
        const account = await core.services.accounts.signUpWithEmail({
          email: "olga@example.org",
          password: "a passphrase for now",
          displayName: "Olga",
        });
        const oldHash = await hashPassword("ten chars!");
        await core.database.db.$transaction((tx) =>
          tx.user.update({ where: { id: account.userId }, data: { passwordHash: oldHash } }),
        );
        const login = await core.services.accounts.authenticate({ email: "olga@example.org", password: "ten chars!" });
        expect(login.userId).toBe(account.userId);
      });

      it("refuses a password among the most common breached ones, with a sentence of its own", async () => {
        const error = await domainErrorOf(() =>
          core.services.accounts.signUpWithEmail({
            email: "quentin@example.org",
            password: "QWERTYQWERTY",
            displayName: "Quentin",
          }),
        );
        expect(error.fields).toEqual([
          {
            field: "password",
            message:
              "This password is among the most common ones people's accounts were broken into with; choose another.",
          },
        ]);
      });

      it("names every field it rejects", async () => {
        expect(
          await rejectedFields(() =>
            core.services.accounts.signUpWithEmail({
              email: "not-an-email",
              password: "short",
              displayName: "N",
              handle: "!",
            }),
          ),
        ).toEqual(["email", "handle", "password"]);
      });
    });
  });
}
