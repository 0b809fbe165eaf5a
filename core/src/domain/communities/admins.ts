import { forbidden, notFound } from "../../errors.js";
import type { Db, Tx } from "../../infra/prisma/database.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";

/** A registered community, or "not found". */
export async function communityOf(tx: Tx | Db, communityId: string) {
  const row = await tx.community.findUnique({ where: { id: communityId }, select: { id: true, platform: true } });
  if (row === null) throw notFound("COMMUNITY.NOT_FOUND", "community.not_found");
  return row;
}

/** Only the community's own admins, per row: an admin of one community is nobody in another. */
export async function requireCommunityAdmin(tx: Tx | Db, actor: Actor, communityId: string) {
  const found = await communityOf(tx, communityId);
  const member = await tx.communityMember.findUnique({
    where: { communityId_userId: { communityId, userId: actor.userId } },
    select: { role: true },
  });
  // Outsiders learn nothing of a community; its members, that only its admins may do this.
  if (member === null) throw notFound("COMMUNITY.NOT_FOUND", "community.not_found");
  if (member.role !== "admin") throw forbidden("COMMUNITY.ADMIN_ONLY", "community.admin_only");
  return found;
}

/** What an admin did in a community, for its audit log; written in the transaction of the change itself. */
export interface AuditEntry {
  readonly communityId: string;
  readonly action: string;
  readonly targetType: "channel" | "report";
  readonly targetId: string;
  readonly data: object;
}

export async function recordAudit(tx: Tx, deps: Pick<ServiceDeps, "ids" | "clock">, actor: Actor, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      id: deps.ids.next(),
      actorId: actor.userId,
      communityId: entry.communityId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      data: JSON.stringify(entry.data),
      createdAt: deps.clock.now(),
    },
  });
}
