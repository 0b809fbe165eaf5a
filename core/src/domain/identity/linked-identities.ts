import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";

/** One of my linked accounts, as I see it in my settings: what it is and the name it goes by there. */
export interface LinkedIdentityView {
  readonly provider: string;
  /** The name on that platform (a Discord username, a Slack handle, the email address). */
  readonly username: string;
  readonly linkedAt: Date;
}

export function createLinkedIdentities(deps: Pick<ServiceDeps, "db">) {
  return {
    /**
     * The accounts linked to mine, oldest first. Platform ids and workspace ids stay inside: they mean
     * nothing to a person and are what another surface would need to reach them.
     */
    async identities(actor: Actor): Promise<LinkedIdentityView[]> {
      const rows = await deps.db.identity.findMany({
        where: { userId: actor.userId },
        select: { provider: true, username: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      return rows.map((row) => ({ provider: row.provider, username: row.username, linkedAt: row.createdAt }));
    },
  };
}
