import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Mail, Mailer } from "../../ports/mailer.js";

export interface FileMailerOptions {
  /** The folder mails are written to; made on first use. */
  readonly dir: string;
  /** The From header, as MAIL_FROM sets it. */
  readonly from: string;
  /** Told one line per mail, saying where it went: the person running SkillSwap locally opens it from there. */
  readonly log: (line: string) => void;
  readonly now?: () => Date;
}

/**
 * An RFC 5322 message a mail client opens as it is (`.eml`). Parts are sent as 8-bit UTF-8 rather than
 * quoted-printable, so the file also reads in a text editor and a link in it is one piece to copy.
 */
export function formatEml(mail: Mail, from: string, date: Date): string {
  const headers = [`From: ${from}`, `To: ${mail.to}`, `Subject: ${mail.subject}`, `Date: ${date.toUTCString()}`];
  const part = (type: string, body: string) =>
    [`Content-Type: ${type}; charset=utf-8`, "Content-Transfer-Encoding: 8bit", "", body].join("\r\n");
  if (mail.html === undefined) return [...headers, "MIME-Version: 1.0", part("text/plain", mail.text), ""].join("\r\n");
  const boundary = `skillswap-${randomBytes(12).toString("hex")}`;
  return [
    ...headers,
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    part("text/plain", mail.text),
    `--${boundary}`,
    part("text/html", mail.html),
    `--${boundary}--`,
    "",
  ].join("\r\n");
}

/** `2026-11-25T10-00-00-000Z-ada@example.org-1a2b3c.eml`: sorted by time, found by recipient, never overwritten. */
function fileName(to: string, date: Date): string {
  const stamp = date.toISOString().replace(/[:.]/g, "-");
  return `${stamp}-${to.replace(/[^A-Za-z0-9@._-]/g, "_")}-${randomBytes(3).toString("hex")}.eml`;
}

/** The mailer when no SMTP server is configured: each mail becomes a file, and one line says which. */
export function fileMailer(options: FileMailerOptions): Mailer {
  const now = options.now ?? (() => new Date());
  return {
    async send(mail) {
      const date = now();
      const path = join(options.dir, fileName(mail.to, date));
      await mkdir(options.dir, { recursive: true });
      await writeFile(path, formatEml(mail, options.from, date), { flag: "wx" });
      const shown = relative(process.cwd(), path);
      options.log(`Mail to ${mail.to} (“${mail.subject}”) saved as ${shown.startsWith("..") ? path : shown}`);
    },
    close: () => Promise.resolve(),
  };
}
