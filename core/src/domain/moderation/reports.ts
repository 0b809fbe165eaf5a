import { z } from "zod";
import { conflict, notFound } from "../../errors.js";
import type { Db, Tx } from "../../infra/prisma/database.js";
import { recordAudit, requireCommunityAdmin } from "../communities/admins.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { idField } from "../shared/fields.js";
import { cursorDate, decodeCursor, encodeCursor, pageInput, pageOf, type Page } from "../shared/pages.js";
import { parseInput } from "../shared/validate.js";

export const reportStatuses = ["open", "resolved", "dismissed"] as const;
export type ReportStatus = (typeof reportStatuses)[number];

const reportsInput = pageInput(50)
  .extend({ status: z.enum(reportStatuses).optional() })
  .strict();
const reportsCursor = z.tuple([cursorDate, idField]);
/** How an admin closes a report: acted upon, or dismissed as unfounded. */
export const resolutionInput = z.object({ resolution: z.enum(["resolved", "dismissed"]) }).strict();

interface PersonRef {
  readonly handle: string;
  readonly displayName: string;
}

/** A report filed in a community, as its admins see it: who reported what, and why. */
export interface CommunityReportView {
  readonly id: string;
  readonly reason: string;
  readonly status: ReportStatus;
  readonly createdAt: Date;
  readonly resolvedAt: Date | null;
  /** Null once the reporter's account is gone. */
  readonly reporter: PersonRef | null;
  /** The person reported, when a person is. */
  readonly subject: PersonRef | null;
  /** The thread reported, or the thread of the post reported. */
  readonly thread: { readonly id: string; readonly title: string } | null;
  readonly post: { readonly id: string; readonly body: string } | null;
  readonly reviewId: string | null;
}

const person = { select: { handle: true, displayName: true } } as const;
const reportSelect = {
  id: true,
  reason: true,
  status: true,
  createdAt: true,
  resolvedAt: true,
  reviewId: true,
  reporter: person,
  subjectUser: person,
  thread: { select: { id: true, title: true } },
  post: { select: { id: true, body: true } },
} as const;

type ReportRow = {
  id: string;
  reason: string;
  status: string;
  createdAt: Date;
  resolvedAt: Date | null;
  reviewId: string | null;
  reporter: PersonRef | null;
  subjectUser: PersonRef | null;
  thread: { id: string; title: string } | null;
  post: { id: string; body: string } | null;
};

const isStatus = (value: string): value is ReportStatus => (reportStatuses as readonly string[]).includes(value);

function toView({ subjectUser, status, ...row }: ReportRow): CommunityReportView {
  // A status this release does not know (written by a newer one) is shown as still open: nobody loses a report.
  return { ...row, status: isStatus(status) ? status : "open", subject: subjectUser };
}

/** The reports filed in a community, for its admins to deal with. */
export function communityReports(deps: ServiceDeps) {
  const { db, clock } = deps;

  async function reportIn(tx: Tx | Db, communityId: string, reportId: string) {
    const row = await tx.report.findFirst({ where: { id: reportId, communityId }, select: { status: true } });
    if (row === null) throw notFound("REPORT.NOT_FOUND", "report.not_found");
    return row;
  }

  return {
    /** The reports filed in a community, newest first, a page at a time (its admins only). */
    async reports(
      admin: Actor,
      communityId: string,
      options: z.input<typeof reportsInput> = {},
    ): Promise<Page<CommunityReportView>> {
      const { limit, cursor, status } = parseInput(reportsInput, options, "REPORT.INVALID");
      await requireCommunityAdmin(db, admin, communityId);
      const at = cursor === undefined ? null : decodeCursor("reports", cursor, reportsCursor, "REPORT.INVALID");
      const rows = await db.report.findMany({
        where: {
          communityId,
          ...(status === undefined ? {} : { status }),
          ...(at === null ? {} : { OR: [{ createdAt: { lt: at[0] } }, { createdAt: at[0], id: { lt: at[1] } }] }),
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: limit + 1,
        select: reportSelect,
      });
      return pageOf(rows, limit, toView, (r) => encodeCursor("reports", [r.createdAt.getTime(), r.id]));
    },

    /** Closes an open report of the community as resolved or dismissed (its admins only), in its audit log. */
    async resolveReport(
      admin: Actor,
      communityId: string,
      reportId: string,
      input: z.input<typeof resolutionInput>,
    ): Promise<CommunityReportView> {
      const { resolution } = parseInput(resolutionInput, input, "REPORT.INVALID");
      await db.$transaction(async (tx) => {
        await requireCommunityAdmin(tx, admin, communityId);
        const report = await reportIn(tx, communityId, reportId);
        if (report.status !== "open") throw conflict("REPORT.CLOSED", "report.closed");
        await tx.report.update({
          where: { id: reportId },
          data: { status: resolution, resolvedAt: clock.now(), resolvedById: admin.userId },
        });
        await recordAudit(tx, deps, admin, {
          communityId,
          action: `report.${resolution}`,
          targetType: "report",
          targetId: reportId,
          data: { resolution },
        });
      });
      return toView(await db.report.findUniqueOrThrow({ where: { id: reportId }, select: reportSelect }));
    },
  };
}
