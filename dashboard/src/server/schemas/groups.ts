import { z } from "zod";
import { pageOf, pageQuery } from "./common.js";

const groupRole = z.enum(["owner", "moderator", "member"]);

export const groupView = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    communityId: z.string().nullable().describe("Null for a group open to everyone"),
    communityName: z.string().nullable(),
    members: z.number().int(),
  })
  .meta({ id: "Group" });

/** A group as I see it, alone or in a list: with my role there. */
export const groupDetailView = groupView
  .extend({ myRole: groupRole.nullable().describe("My role in the group; null when I am not a member") })
  .meta({ id: "GroupDetail" });

export const groupPage = pageOf(groupDetailView).meta({ id: "GroupPage" });

export const groupMemberView = z
  .object({ handle: z.string(), displayName: z.string(), role: groupRole, joinedAt: z.date() })
  .meta({ id: "GroupMember" });

export const groupMemberPage = pageOf(groupMemberView).meta({ id: "GroupMemberPage" });

/** `?communityId=` narrows the groups to one community's. */
export const groupListQuery = pageQuery.extend({ communityId: z.string().min(1).max(64).optional() });

export const groupMemberParams = z.object({ id: z.string().min(1).max(64), handle: z.string().min(1).max(64) });
