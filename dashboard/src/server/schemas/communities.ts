import { reportStatuses } from "@skillswap/core";
import { z } from "zod";
import { list, pageOf, pageQuery } from "./common.js";
import { personRef } from "./follows.js";

const platform = z.enum(["discord", "slack"]);

export const myCommunityView = z
  .object({
    id: z.string(),
    platform,
    name: z.string(),
    swapsChannelId: z.string().nullable().describe("Where private swap threads open; null until an admin sets it"),
    role: z.enum(["member", "admin"]),
  })
  .meta({ id: "MyCommunity" });

export const myCommunityList = list(myCommunityView);

export const channelLinkView = z
  .object({
    channelId: z.string(),
    platform,
    kind: z.enum(["chat", "forum"]),
    group: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  })
  .meta({ id: "ChannelLink" });

export const channelLinkList = list(channelLinkView);

export const auditEntryView = z
  .object({
    id: z.string(),
    actor: z.string().nullable().describe("The admin's handle; null once their account is gone"),
    action: z.string().describe("channel.linked, channel.unlinked, swaps_channel.set, report.resolved…"),
    targetType: z.string(),
    targetId: z.string(),
    data: z.record(z.string(), z.string()),
    createdAt: z.date(),
  })
  .meta({ id: "AuditEntry" });

export const auditPage = pageOf(auditEntryView).meta({ id: "AuditPage" });

export const communityReportView = z
  .object({
    id: z.string(),
    reason: z.string(),
    status: z.enum(reportStatuses),
    createdAt: z.date(),
    resolvedAt: z.date().nullable(),
    reporter: personRef.nullable().describe("Null once the reporter's account is gone"),
    subject: personRef.nullable().describe("The person reported, when a person is"),
    thread: z.object({ id: z.string(), title: z.string() }).nullable(),
    post: z.object({ id: z.string(), body: z.string() }).nullable(),
    reviewId: z.string().nullable(),
  })
  .meta({ id: "CommunityReport" });

export const communityReportPage = pageOf(communityReportView).meta({ id: "CommunityReportPage" });

export const reportListQuery = pageQuery.extend({ status: z.enum(reportStatuses).optional() });

export const channelParams = z.object({ id: z.string().min(1).max(64), channelId: z.string().min(1).max(64) });
export const reportParams = z.object({ id: z.string().min(1).max(64), reportId: z.string().min(1).max(64) });
