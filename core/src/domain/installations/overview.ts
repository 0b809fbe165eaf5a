import type { Db } from "../../infra/prisma/database.js";
import { deactivationReasonOf, scopesOf } from "./rules.js";
import type { InstallationOverview } from "./types.js";

/** Every installation, working or not, for operators; the token is not even read. */
export async function installationOverview(db: Db): Promise<InstallationOverview[]> {
  const rows = await db.communityInstallation.findMany({
    // "All rows" said explicitly: the database guard refuses an empty where (core/src/infra/prisma/guard.ts).
    where: { communityId: { not: "" } },
    orderBy: [{ installedAt: "asc" }, { communityId: "asc" }],
    select: {
      communityId: true,
      appId: true,
      botUserId: true,
      botScopes: true,
      enterpriseId: true,
      isEnterpriseInstall: true,
      installedBy: true,
      installedAt: true,
      deactivatedAt: true,
      deactivatedReason: true,
      community: { select: { platform: true, externalId: true, name: true } },
    },
  });
  return rows.map(({ community, botScopes, deactivatedReason, ...row }) => ({
    ...row,
    platform: community.platform === "discord" ? "discord" : "slack",
    externalId: community.externalId,
    name: community.name,
    scopes: scopesOf(botScopes),
    active: row.deactivatedAt === null,
    deactivatedReason: deactivationReasonOf(deactivatedReason),
  }));
}
