import { dirname, join } from "node:path";
import type { Config } from "../../config.js";
import type { Mailer } from "../../ports/mailer.js";
import { sqliteFile } from "../prisma/migrate.js";
import { fileMailer } from "./file-mailer.js";
import { smtpMailer } from "./smtp-mailer.js";

/**
 * Where mail goes without SMTP: `mail/` beside the SQLite file, so one data folder holds everything a local
 * SkillSwap keeps (`./data/mail` by default); with PostgreSQL there is no such folder, so `./data/mail`.
 */
export function mailDirFor(databaseUrl: string): string {
  const file = databaseUrl.startsWith("file:") ? sqliteFile(databaseUrl) : "";
  return file === "" || file.startsWith(":memory:") ? join("data", "mail") : join(dirname(file), "mail");
}

/** SMTP when SMTP_URL is set, otherwise files under the data folder with a line to `log` for each. */
export function configuredMailer(
  config: Pick<Config, "SMTP_URL" | "MAIL_FROM" | "DATABASE_URL">,
  log: (line: string) => void,
): Mailer {
  return config.SMTP_URL === undefined
    ? fileMailer({ dir: mailDirFor(config.DATABASE_URL), from: config.MAIL_FROM, log })
    : smtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM });
}
