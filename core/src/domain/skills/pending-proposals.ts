import { z } from "zod";
import { requireCommunityAdmin } from "../communities/admins.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { cursorDate, decodeCursor, encodeCursor, pageOf, type Page } from "../shared/pages.js";
import { parseInput } from "../shared/validate.js";
import { pendingProposalsInput, type PendingProposalsInput } from "./input.js";

/** A skill proposed in a community, waiting for one of its admins to approve or reject it. */
export interface SkillProposal {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly category: string;
  /** Who proposed it; null once their account is gone. */
  readonly proposedBy: { readonly handle: string; readonly displayName: string } | null;
  readonly proposedAt: Date;
}

const list = "skill-proposals";
// A proposed skill's id holds its community's id and its slug: longer than the ids `idField` is made for.
const cursorShape = z.tuple([cursorDate, z.string().min(1).max(200)]);

export function createPendingProposalUseCases(deps: Pick<ServiceDeps, "db">) {
  const { db } = deps;
  return {
    /** The community's proposals awaiting review, oldest first (a queue): for its admins only. */
    async pendingProposals(admin: Actor, input: PendingProposalsInput): Promise<Page<SkillProposal>> {
      const { communityId, limit, cursor } = parseInput(pendingProposalsInput, input, "SKILL.INVALID_QUERY");
      await requireCommunityAdmin(db, admin, communityId);
      const position = cursor === undefined ? null : decodeCursor(list, cursor, cursorShape, "SKILL.INVALID_QUERY");
      const rows = await db.skill.findMany({
        where: {
          communityId,
          status: "pending",
          ...(position === null
            ? {}
            : { OR: [{ createdAt: { gt: position[0] } }, { createdAt: position[0], id: { gt: position[1] } }] }),
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: limit + 1,
        select: {
          id: true,
          slug: true,
          name: true,
          createdAt: true,
          category: { select: { name: true } },
          proposedBy: { select: { handle: true, displayName: true } },
        },
      });
      return pageOf(
        rows,
        limit,
        (row): SkillProposal => ({
          id: row.id,
          slug: row.slug,
          name: row.name,
          category: row.category.name,
          proposedBy: row.proposedBy,
          proposedAt: row.createdAt,
        }),
        (row) => encodeCursor(list, [row.createdAt.getTime(), row.id]),
      );
    },
  };
}
