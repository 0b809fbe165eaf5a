import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mail, Mailer } from "../../ports/mailer.js";
import { createTestCore, testProviders, type TestCore } from "../../testing/index.js";
import { startWorker } from "../../worker.js";
import { createOutboxDispatcher } from "../outbox/dispatcher.js";
import { accountMailHandler } from "./account-mail.js";

/** A mail server that is down for the first `failures` mails, then takes everything. */
class FlakyMailer implements Mailer {
  readonly sent: Mail[] = [];
  constructor(private failures: number) {}
  send(mail: Mail): Promise<void> {
    if (this.failures-- > 0) return Promise.reject(new Error("421 Service not available"));
    this.sent.push(mail);
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

const tokenIn = (mail: Mail | undefined) => /token=([\w-]{43})/.exec(mail?.text ?? "")?.[1] ?? "";

for (const provider of testProviders()) {
  describe(`account mail on ${provider}`, () => {
    let core: TestCore;
    const mailer = new FlakyMailer(1);
    beforeAll(async () => {
      core = await createTestCore(provider, { mailer });
    });
    afterAll(() => core.close());

    it("is sent again when the mail server was down, and the link that finally arrives works", async () => {
      const dispatcher = createOutboxDispatcher(core.deps, {
        handlers: [accountMailHandler(core.deps, core.config.PUBLIC_URL)],
      });
      const ada = await core.services.accounts.signUpWithEmail({
        email: "ada@example.org",
        password: "a sturdy passphrase",
        displayName: "Ada",
      });
      expect((await dispatcher.runOnce()).retrying).toBe(1);
      expect(mailer.sent).toEqual([]);
      core.clock.advance(60 * 60 * 1000);
      expect((await dispatcher.runOnce()).delivered).toBe(1);
      expect(mailer.sent.map((mail) => mail.to)).toEqual(["ada@example.org"]);
      expect((await core.services.accounts.verifyEmail(tokenIn(mailer.sent[0]))).userId).toBe(ada.userId);
    });

    it("goes out through the worker, which every process running the worker role starts", async () => {
      await core.services.accounts.requestPasswordReset({ email: "ada@example.org" });
      const worker = startWorker(core, { pollIntervalMs: 10, jobEveryMs: 60_000 });
      try {
        await expect
          .poll(() => mailer.sent.map((mail) => mail.subject), { timeout: 10_000 })
          .toContain("Reset your SkillSwap password");
      } finally {
        await worker.stop();
      }
      const reset = mailer.sent.find((mail) => mail.subject === "Reset your SkillSwap password");
      await core.services.accounts.resetPassword({ token: tokenIn(reset), password: "a newer passphrase" });
    });
  });
}
