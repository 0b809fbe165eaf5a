import type { Tx } from "../../infra/prisma/database.js";
import type { Clock } from "../../ports/clock.js";
import type { Ids } from "../../ports/ids.js";

/** What happened to an account's way in; the audit log keeps one row per change, never a secret. */
export type AccountAuditAction =
  | "account.signed_up"
  | "account.email_verified"
  | "account.password_reset_requested"
  | "account.password_reset"
  | "account.password_changed"
  | "account.password_set"
  | "account.identity_linked"
  | "account.identity_unlinked";

/**
 * Writes the audit row of a login-relevant change in the transaction that makes it, so the log cannot miss a
 * change or record one that rolled back. The person is both actor and target: whoever acts holds their
 * password, session or mailed link; a support question ("who changed my password?") starts from here.
 */
export async function auditAccount(
  tx: Tx,
  deps: { readonly ids: Ids; readonly clock: Clock },
  userId: string,
  action: AccountAuditAction,
  data: Readonly<Record<string, string>> = {},
): Promise<void> {
  await tx.auditLog.create({
    data: {
      id: deps.ids.next(),
      actorId: userId,
      communityId: null,
      action,
      targetType: "user",
      targetId: userId,
      data: JSON.stringify(data),
      createdAt: deps.clock.now(),
    },
  });
}
