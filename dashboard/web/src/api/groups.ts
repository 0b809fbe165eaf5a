import * as z from "zod/mini";
import { call, callForNothing, pageOf, pageQuery } from "./client.js";

const groupRole = z.enum(["owner", "moderator", "member"]);
export type GroupRole = z.infer<typeof groupRole>;

const group = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  communityId: z.nullable(z.string()),
  communityName: z.nullable(z.string()),
  members: z.number(),
});
export type Group = z.infer<typeof group>;

/** A group as the signed-in person sees it, alone or in a list (the API's `GroupDetail`): with their role there. */
const groupDetail = z.extend(group, { myRole: z.nullable(groupRole) });
export type GroupDetail = z.infer<typeof groupDetail>;

const member = z.object({ handle: z.string(), displayName: z.string(), role: groupRole, joinedAt: z.string() });
export type GroupMember = z.infer<typeof member>;

const path = (id: string) => `/groups/${encodeURIComponent(id)}`;

export const listGroups = (cursor: string | null, limit = 20) =>
  call("GET", `/groups?${pageQuery(cursor, limit)}`, pageOf(groupDetail));
export const getGroup = (id: string) => call("GET", path(id), groupDetail);
/** Without `communityId` the group is open to everyone; with one, to that community's members. */
export const startGroup = (fields: { name: string; description: string; communityId?: string }) =>
  call("POST", "/groups", groupDetail, fields);
export const joinGroup = (id: string) => call("POST", `${path(id)}/join`, groupDetail);
export const leaveGroup = (id: string) => callForNothing("POST", `${path(id)}/leave`);
export const listGroupMembers = (id: string, cursor: string | null) =>
  call("GET", `${path(id)}/members?${pageQuery(cursor)}`, pageOf(member));
export const transferGroup = (id: string, handle: string) => callForNothing("POST", `${path(id)}/transfer`, { handle });
export const setGroupMemberRole = (id: string, handle: string, role: "moderator" | "member") =>
  callForNothing("PUT", `${path(id)}/members/${encodeURIComponent(handle)}/role`, { role });
