import { z } from "zod";
import { notFound } from "../../errors.js";
import type { Db } from "../../infra/prisma/database.js";
import type { CachedReads } from "../caching/cached-reads.js";
import { catalogTag, personTag } from "../caching/invalidation.js";
import { parseStringArray } from "../shared/text.js";
import { avatarUrlsOf } from "./avatars.js";
import { relationBetween } from "./relation.js";
import { summarizeRatings } from "./rules.js";
import { meetingModes, visibilities, type ProfileView } from "./types.js";
import { viewerMaySee } from "./visibility.js";

/** A safety net: every change to what a card shows arrives as an outbox event (see caching/invalidation.ts). */
const cardTtlMs = 10 * 60 * 1000;

/**
 * What anyone allowed to see a profile sees of it, the same for every viewer: the part worth caching. Who may
 * see it, the person's handle and last activity, and the viewer's relation to them are read fresh each time.
 */
const publicCard = z.object({
  displayName: z.string(),
  bio: z.string(),
  pronouns: z.string(),
  languages: z.array(z.string()),
  timeZone: z.string(),
  location: z.object({ name: z.string(), region: z.string(), country: z.string() }).nullable(),
  meetingMode: z.enum(meetingModes),
  avatarUrl: z.string().nullable(),
  avatarSmallUrl: z.string().nullable(),
  skills: z.array(
    z.object({
      id: z.string(),
      skillId: z.string(),
      name: z.string(),
      category: z.string(),
      direction: z.enum(["teach", "learn"]),
      level: z.number(),
      notes: z.string(),
      pending: z.boolean(),
    }),
  ),
  availability: z.array(z.object({ weekday: z.number(), startMinute: z.number(), endMinute: z.number() })),
  rating: z.object({ count: z.number(), average: z.number().nullable(), bayesian: z.number() }),
});
type PublicCard = z.infer<typeof publicCard>;
const visibility = z.enum(visibilities);

const cardRead = (userId: string) => ({
  // The version in the key retires entries of an older shape at once instead of letting them fail the schema.
  key: `profile-card:v1:${userId}`,
  // Skill names and approval come from the catalog: an approval changes the skills a card lists.
  tags: [personTag(userId), catalogTag],
  ttlMs: cardTtlMs,
  schema: publicCard,
});

const hidden = (label: string) => notFound("USER.NOT_FOUND", "user.not_found", { handle: label });

/**
 * Profiles as other people (and signed-out visitors) see them, the hottest read of the web and the bots. The
 * card comes from the cache; the decision to show it never does: it is taken on the person's row and the
 * viewer's blocks, communities and swaps as they are now, so a profile turned private or a block made is
 * honoured by the very next read, whether or not the cache heard of it yet.
 */
export function createPublicProfiles(db: Db, reads: CachedReads, publicUrl: string) {
  async function loadCard(userId: string, label: string): Promise<PublicCard> {
    const user = await db.user.findUnique({
      where: { id: userId },
      select: {
        displayName: true,
        bio: true,
        pronouns: true,
        languages: true,
        timeZone: true,
        meetingMode: true,
        avatarKey: true,
        location: { select: { name: true, region: true, country: true } },
        skills: {
          where: { skill: { status: "approved" } },
          select: {
            id: true,
            skillId: true,
            direction: true,
            level: true,
            notes: true,
            skill: { select: { name: true, category: { select: { name: true } } } },
          },
          orderBy: [{ direction: "desc" }, { createdAt: "asc" }],
        },
        availability: {
          where: { userSkillId: null },
          select: { weekday: true, startMinute: true, endMinute: true },
          orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
        },
      },
    });
    if (user === null) throw hidden(label);
    const reviews = await db.review.findMany({ where: { subjectId: userId }, select: { rating: true } });
    return {
      displayName: user.displayName,
      bio: user.bio,
      pronouns: user.pronouns,
      languages: parseStringArray(user.languages),
      timeZone: user.timeZone,
      location: user.location,
      meetingMode: publicCard.shape.meetingMode.parse(user.meetingMode),
      ...avatarUrlsOf(publicUrl, user.avatarKey),
      skills: user.skills.map((s) => ({
        id: s.id,
        skillId: s.skillId,
        name: s.skill.name,
        category: s.skill.category.name,
        direction: s.direction === "learn" ? "learn" : "teach",
        level: s.level,
        notes: s.notes,
        pending: false,
      })),
      availability: user.availability,
      rating: summarizeRatings(reviews.map((review) => review.rating)),
    };
  }

  return {
    /**
     * The profile under `handle` as `viewerId` (null: signed out) may see it; null when the viewer is its owner,
     * who sees more than any card holds (pending skills, settings) and reads it from the database.
     */
    async view(handle: string, viewerId: string | null): Promise<ProfileView | null> {
      const owner = await db.user.findUnique({
        where: { handle },
        select: { id: true, handle: true, status: true, visibility: true, lastActiveAt: true },
      });
      if (owner === null || owner.status !== "active") throw hidden(handle);
      if (owner.id === viewerId) return null;
      // A hidden profile answers like a missing one, so nobody learns that a blocked or private person exists.
      if (!(await viewerMaySee(db, viewerId, owner))) throw hidden(handle);
      const [card, relation] = await Promise.all([
        reads.remember(cardRead(owner.id), () => loadCard(owner.id, handle)),
        viewerId === null ? null : relationBetween(db, viewerId, owner.id),
      ]);
      return {
        id: owner.id,
        handle: owner.handle,
        ...card,
        visibility: visibility.parse(owner.visibility),
        lastActiveAt: owner.lastActiveAt,
        isOwner: false,
        relation,
      };
    },
  };
}
