import { createTransport } from "nodemailer";
import type { Mail, Mailer } from "../../ports/mailer.js";

export interface SmtpMailerOptions {
  /** smtp://user:password@host:587 or smtps://…:465, as SMTP_URL sets it; its query may set nodemailer's options. */
  readonly url: string;
  /** The From header, as MAIL_FROM sets it. */
  readonly from: string;
}

/**
 * Sends through an SMTP server with nodemailer, one connection per mail: account mail is rare, and a pool
 * would keep a connection open that servers drop after a minute of silence. The timeouts sit under the outbox
 * handler's 30 s, so a server that hangs fails the attempt (to be retried) rather than outliving it.
 */
export function smtpMailer(options: SmtpMailerOptions): Mailer {
  const transport = createTransport(
    { url: options.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 },
    { from: options.from },
  );
  return {
    async send(mail: Mail) {
      await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html === undefined ? {} : { html: mail.html }),
      });
    },
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}
