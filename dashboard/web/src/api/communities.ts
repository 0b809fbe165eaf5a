import * as z from "zod/mini";
import { call, callForNothing, pageOf, pageQuery } from "./client.js";

const platform = z.enum(["discord", "slack"]);

/** A community I am in, with my role there (the API's `MyCommunity`). */
const community = z.object({
  id: z.string(),
  platform,
  name: z.string(),
  swapsChannelId: z.nullable(z.string()),
  role: z.enum(["member", "admin"]),
});
export type Community = z.infer<typeof community>;

const link = z.object({
  channelId: z.string(),
  platform,
  kind: z.enum(["chat", "forum"]),
  group: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
});
export type ChannelLink = z.infer<typeof link>;

const auditEntry = z.object({
  id: z.string(),
  actor: z.nullable(z.string()),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  data: z.record(z.string(), z.string()),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

const personRef = z.object({ handle: z.string(), displayName: z.string() });

const report = z.object({
  id: z.string(),
  reason: z.string(),
  status: z.string(),
  createdAt: z.string(),
  resolvedAt: z.nullable(z.string()),
  reporter: z.nullable(personRef),
  subject: z.nullable(personRef),
  thread: z.nullable(z.object({ id: z.string(), title: z.string() })),
  post: z.nullable(z.object({ id: z.string(), body: z.string() })),
  reviewId: z.nullable(z.string()),
});
export type Report = z.infer<typeof report>;

const path = (id: string) => `/communities/${encodeURIComponent(id)}`;

export const listMyCommunities = () => call("GET", "/communities", z.array(community));
export const listChannelLinks = (id: string) => call("GET", `${path(id)}/links`, z.array(link));
export const linkChannel = (id: string, channelId: string, group: string, kind: "chat" | "forum") =>
  call("POST", `${path(id)}/links`, link, { channelId, group, kind });
export const unlinkChannel = (id: string, channelId: string) =>
  callForNothing("DELETE", `${path(id)}/links/${encodeURIComponent(channelId)}`);
export const setSwapsChannel = (id: string, channelId: string) =>
  callForNothing("PUT", `${path(id)}/swaps-channel`, { channelId });
export const listAuditLog = (id: string, cursor: string | null) =>
  call("GET", `${path(id)}/audit-log?${pageQuery(cursor)}`, pageOf(auditEntry));
export const listOpenReports = (id: string, cursor: string | null) =>
  call("GET", `${path(id)}/reports?status=open&${pageQuery(cursor)}`, pageOf(report));
export const resolveReport = (id: string, reportId: string, resolution: "resolved" | "dismissed") =>
  call("POST", `${path(id)}/reports/${encodeURIComponent(reportId)}/resolve`, report, { resolution });
