import type { CoreInternals } from "../app.js";
import { accountMailHandler } from "../domain/identity/account-mail.js";
import { createOutboxDispatcher } from "../domain/outbox/dispatcher.js";
import type { MemoryMailer } from "../infra/mail/memory-mailer.js";
import type { Mail } from "../ports/mailer.js";

/** The mail a test core sent, read the way a person would: by address, down to the link in it. */
export interface TestMailbox {
  /**
   * Sends what use cases have asked to mail so far, as the worker would, then lists every mail sent to
   * `address` (all mail when left out), oldest first.
   */
  sentTo(address?: string): Promise<readonly Mail[]>;
  /** The token of the newest link to `path` mailed to `address`; fails the test when there is none. */
  linkToken(address: string, path: "/verify-email" | "/reset-password"): Promise<string>;
}

/**
 * A mailbox over the core's memory mailer. Its deliveries run an outbox dispatcher with the account-mail handler
 * only, which settles every other pending event too (a test core has no other subscriber): a test that inspects
 * the outbox does so before reading mail.
 */
export function testMailbox(core: CoreInternals, mailer: MemoryMailer): TestMailbox {
  const dispatcher = createOutboxDispatcher(core.deps, {
    handlers: [accountMailHandler(core.deps, core.config.PUBLIC_URL)],
  });
  async function deliver(): Promise<void> {
    // A failed send is not due again until its backoff passes, so this ends.
    while ((await dispatcher.runOnce()).fetched > 0);
  }
  async function sentTo(address?: string): Promise<readonly Mail[]> {
    await deliver();
    return mailer.sent.filter((mail) => address === undefined || mail.to === address);
  }
  return {
    sentTo,
    async linkToken(address, path) {
      const pattern = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`);
      const token = (await sentTo(address))
        .map((mail) => pattern.exec(mail.text)?.[1])
        .filter((found) => found !== undefined)
        .at(-1);
      if (token === undefined) throw new Error(`no mail to ${address} holds a link to ${path}`);
      return token;
    },
  };
}
