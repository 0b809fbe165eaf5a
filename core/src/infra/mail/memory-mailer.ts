import type { Mail, Mailer } from "../../ports/mailer.js";

/** Keeps every mail in memory, in the order sent: what test cores send through, so tests can read the mail. */
export class MemoryMailer implements Mailer {
  readonly sent: Mail[] = [];

  send(mail: Mail): Promise<void> {
    this.sent.push(mail);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
