import type { Tx } from "../../infra/prisma/database.js";
import type { Mail } from "../../ports/mailer.js";
import type { OutboxHandler, OutboxMessage } from "../outbox/dispatcher.js";
import type { ServiceDeps } from "../shared/deps.js";
import { verificationMail } from "./email-verification.js";
import { passwordChangedMail, passwordResetMail } from "./passwords.js";

const accountMailEvents = [
  "account.verification_requested",
  "account.password_reset_requested",
  "account.password_changed",
] as const;
type AccountMailEvent = (typeof accountMailEvents)[number];

/**
 * Sends the mail accounts ask for: confirmation links, reset links, "your password changed". Use cases only
 * record the request with their change; this handler mints each link's token as it sends, because a token
 * written to the outbox would sit in the database in the clear, and only its hash may.
 *
 * Delivery is at least once: a crash after the mail left and before the dispatcher recorded it sends it again,
 * with a new link (for a reset, one that voids the first). The token is committed before the mail goes, so a
 * send that fails leaves an unused token nobody received, and the retry mints another.
 */
export function accountMailHandler(
  deps: Pick<ServiceDeps, "db" | "clock" | "ids" | "database" | "mailer">,
  publicUrl: string,
): OutboxHandler<AccountMailEvent> {
  // PUBLIC_URL may be written with or without a trailing slash; links are `${site}/verify-email?token=…`.
  const site = publicUrl.replace(/\/+$/, "");
  const mailFor = (tx: Tx, event: OutboxMessage<AccountMailEvent>): Promise<Mail | null> => {
    switch (event.type) {
      case "account.verification_requested":
        return verificationMail(tx, deps, event.payload.userId, site);
      case "account.password_reset_requested":
        return passwordResetMail(tx, deps, event.payload.email, site);
      case "account.password_changed":
        return passwordChangedMail(tx, event.payload.userId, event.payload.via, site);
    }
  };
  return {
    name: "account-mail",
    types: accountMailEvents,
    async handle(event) {
      const mail = await deps.db.$transaction((tx) => mailFor(tx, event));
      if (mail !== null) await deps.mailer.send(mail);
    },
  };
}
