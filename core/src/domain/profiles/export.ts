import type { Db } from "../../infra/prisma/database.js";
import { parseStringArray } from "../shared/text.js";

export type UserDataExport = Awaited<ReturnType<typeof exportUserData>>;

/**
 * Collects every row about one person. Password hashes, login tokens and installation secrets are never
 * exported; other people appear by handle only.
 */
export async function exportUserData(db: Db, userId: string, exportedAt: Date) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      handle: true,
      displayName: true,
      bio: true,
      pronouns: true,
      languages: true,
      timeZone: true,
      meetingMode: true,
      maxDistanceKm: true,
      visibility: true,
      contactPreference: true,
      shareSessions: true,
      email: true,
      avatarKey: true,
      createdAt: true,
      lastActiveAt: true,
      location: { select: { name: true, region: true, country: true, latitude: true, longitude: true } },
      identities: { select: { provider: true, tenantId: true, username: true, createdAt: true } },
      memberships: { select: { role: true, joinedAt: true, community: { select: { platform: true, name: true } } } },
      skills: {
        select: {
          direction: true,
          level: true,
          notes: true,
          mode: true,
          skill: { select: { name: true } },
          availability: { select: { weekday: true, startMinute: true, endMinute: true } },
        },
      },
      availability: { where: { userSkillId: null }, select: { weekday: true, startMinute: true, endMinute: true } },
      notificationPreferences: { select: { kind: true, channel: true, enabled: true } },
      swapParticipations: {
        select: {
          role: true,
          acceptedAt: true,
          teaches: { select: { name: true } },
          learns: { select: { name: true } },
          swap: { select: { id: true, kind: true, status: true, message: true, createdAt: true } },
        },
      },
      messages: { select: { conversationId: true, body: true, source: true, createdAt: true } },
      reviewsWritten: { select: { rating: true, body: true, createdAt: true, subject: { select: { handle: true } } } },
      reviewsReceived: {
        select: { rating: true, body: true, reply: true, createdAt: true, author: { select: { handle: true } } },
      },
      following: { select: { createdAt: true, followee: { select: { handle: true } } } },
      followers: { select: { createdAt: true, follower: { select: { handle: true } } } },
      groupMemberships: { select: { role: true, joinedAt: true, group: { select: { slug: true, name: true } } } },
      forumThreads: { select: { title: true, body: true, createdAt: true } },
      forumPosts: { select: { body: true, createdAt: true } },
      blocking: { select: { createdAt: true, blocked: { select: { handle: true } } } },
      reportsFiled: { select: { reason: true, status: true, createdAt: true } },
      skillsProposed: { select: { name: true, status: true, createdAt: true } },
    },
  });
  const { languages, reviewsReceived, ...rest } = user;
  return {
    format: "skillswap.export/v1" as const,
    exportedAt: exportedAt.toISOString(),
    ...rest,
    languages: parseStringArray(languages),
    reviewsReceived: reviewsReceived.map(({ author, ...review }) => ({ ...review, author: author?.handle ?? null })),
  };
}
