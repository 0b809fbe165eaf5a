/** One email to one person. `text` is always there (some people read mail as plain text); `html` is optional. */
export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

/**
 * Sends email: over SMTP when SMTP_URL is set, otherwise into files under the data folder for whoever runs
 * SkillSwap on their own machine. Use cases never call it directly: they record an outbox event in their
 * transaction and a handler sends, so a crash between the two loses no mail (see domain/identity/account-mail.ts).
 */
export interface Mailer {
  /** Resolves once the mail is handed over (accepted by the SMTP server, written to disk); rejects otherwise. */
  send(mail: Mail): Promise<void>;
  /** Lets go of connections; called when the core closes. */
  close(): Promise<void>;
}
