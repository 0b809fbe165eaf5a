import { invalid, notFound } from "../../errors.js";
import type { Db, Tx } from "../../infra/prisma/database.js";
import { isUniqueViolation } from "../../infra/prisma/errors.js";
import { translate } from "../../messages/index.js";
import { recordEvent } from "../outbox/record-event.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { definedOnly, normalizeHandle, parseStringArray } from "../shared/text.js";
import type { Prisma } from "../../infra/prisma/generated/sqlite/client.js";
import { parseInput } from "../shared/validate.js";
import { createAvatars } from "./avatars.js";
import { exportUserData, type UserDataExport } from "./export.js";
import { profilePatch, type ProfilePatch } from "./input.js";
import type { CachedReads } from "../caching/cached-reads.js";
import { createPublicProfiles } from "./public-profiles.js";
import { resolveLocation } from "./location.js";
import { relationBetween } from "./relation.js";
import { effectiveNotificationSettings, isReservedHandle, summarizeRatings } from "./rules.js";
import type {
  ContactPreference,
  MeetingMode,
  NotificationSetting,
  OwnProfileView,
  ProfileSkill,
  ProfileView,
  Visibility,
} from "./types.js";
import { viewerMaySee } from "./visibility.js";

const profileSelect = {
  id: true,
  handle: true,
  displayName: true,
  bio: true,
  pronouns: true,
  languages: true,
  timeZone: true,
  meetingMode: true,
  visibility: true,
  status: true,
  lastActiveAt: true,
  email: true,
  contactPreference: true,
  shareSessions: true,
  maxDistanceKm: true,
  avatarKey: true,
  location: { select: { name: true, region: true, country: true } },
  skills: {
    select: {
      id: true,
      skillId: true,
      direction: true,
      level: true,
      notes: true,
      skill: { select: { name: true, status: true, category: { select: { name: true } } } },
    },
    orderBy: [{ direction: "desc" }, { createdAt: "asc" }],
  },
  notificationPreferences: { select: { kind: true, channel: true, enabled: true } },
  availability: {
    where: { userSkillId: null },
    select: { weekday: true, startMinute: true, endMinute: true },
    orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
  },
} satisfies Prisma.UserSelect;

/** Finds an active user by id; a deleted or unknown actor is "not found", never a crash. */
export async function requireActiveUser(db: Db | Tx, userId: string): Promise<{ id: string; handle: string }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, handle: true, status: true } });
  if (user === null || user.status !== "active") throw notFound("USER.NOT_FOUND", "user.not_found", { handle: userId });
  return user;
}

export interface ProfilesOptions {
  /** Where people reach the web server, which serves avatars: their URLs start with it. */
  readonly publicUrl: string;
  /** The cache public profiles are read through. */
  readonly reads: CachedReads;
}

export function createProfilesService(deps: ServiceDeps, options: ProfilesOptions) {
  const { db, clock, geocoder } = deps;
  const avatars = createAvatars(deps, options.publicUrl);
  const publicProfiles = createPublicProfiles(db, options.reads, options.publicUrl);

  async function ratingsOf(userId: string) {
    const reviews = await db.review.findMany({ where: { subjectId: userId }, select: { rating: true } });
    return summarizeRatings(reviews.map((review) => review.rating));
  }

  async function load(
    where: { handle: string } | { id: string },
    viewer: Actor | null,
  ): Promise<OwnProfileView | ProfileView> {
    const user = await db.user.findUnique({ where, select: profileSelect });
    const label = "handle" in where ? where.handle : where.id;
    if (user === null || user.status !== "active")
      throw notFound("USER.NOT_FOUND", "user.not_found", { handle: label });
    const viewerId = viewer?.userId ?? null;
    if (!(await viewerMaySee(db, viewerId, user))) {
      // A hidden profile answers like a missing one, so nobody learns that a blocked or private person exists.
      throw notFound("USER.NOT_FOUND", "user.not_found", { handle: label });
    }
    const isOwner = viewerId === user.id;
    const skills: ProfileSkill[] = user.skills
      .filter((s) => isOwner || s.skill.status === "approved")
      .map((s) => ({
        id: s.id,
        skillId: s.skillId,
        name: s.skill.name,
        category: s.skill.category.name,
        direction: s.direction as "teach" | "learn",
        level: s.level,
        notes: s.notes,
        pending: s.skill.status !== "approved",
      }));
    const [rating, relation] = await Promise.all([
      ratingsOf(user.id),
      viewerId === null || isOwner ? null : relationBetween(db, viewerId, user.id),
    ]);
    const view: ProfileView = {
      id: user.id,
      handle: user.handle,
      displayName: user.displayName,
      bio: user.bio,
      pronouns: user.pronouns,
      languages: parseStringArray(user.languages),
      timeZone: user.timeZone,
      location: user.location,
      meetingMode: user.meetingMode as MeetingMode,
      visibility: user.visibility as Visibility,
      ...avatars.urlsOf(user.avatarKey),
      skills,
      availability: user.availability,
      rating,
      lastActiveAt: user.lastActiveAt,
      isOwner,
      relation,
    };
    if (!isOwner) return view;
    return {
      ...view,
      email: user.email,
      contactPreference: user.contactPreference as ContactPreference,
      shareSessions: user.shareSessions,
      maxDistanceKm: user.maxDistanceKm,
      notifications: effectiveNotificationSettings(user.notificationPreferences as NotificationSetting[]),
    };
  }

  async function writeNotifications(tx: Tx, userId: string, settings: readonly NotificationSetting[]): Promise<void> {
    for (const setting of settings) {
      await tx.notificationPreference.upsert({
        where: { userId_kind_channel: { userId, kind: setting.kind, channel: setting.channel } },
        create: { userId, ...setting },
        update: { enabled: setting.enabled },
      });
    }
  }

  return {
    /**
     * A profile as `viewer` may see it (null = an anonymous visitor). What every allowed viewer sees alike is
     * cached until the person changes; whether this viewer may see it is decided afresh (see public-profiles.ts).
     */
    async get(viewer: Actor | null, handle: string): Promise<OwnProfileView | ProfileView> {
      const where = { handle: normalizeHandle(handle) };
      return (await publicProfiles.view(where.handle, viewer?.userId ?? null)) ?? load(where, viewer);
    },

    me: async (actor: Actor) => (await load({ id: actor.userId }, actor)) as OwnProfileView,

    /**
     * Cities whose name starts with what is typed, most populous first, for autocomplete: each with a label and
     * the query that resolves back to exactly that city ("Portland, US-OR").
     */
    suggestCities(typed: string, limit = 25): Array<{ label: string; query: string }> {
      return geocoder.suggest(typed, limit).map((place) => ({
        label: [place.name, place.region, place.country].filter((part) => part !== "").join(", "),
        query: `${place.name}, ${place.region === "" ? place.country : `${place.country}-${place.region}`}`,
      }));
    },

    /** Changes the actor's own profile; there is no way to name another person's. */
    async update(actor: Actor, patch: ProfilePatch): Promise<OwnProfileView> {
      const data = parseInput(profilePatch, patch, "PROFILE.INVALID");
      const fields = Object.keys(data);
      try {
        await db.$transaction(async (tx) => {
          await requireActiveUser(tx, actor.userId);
          if (data.handle !== undefined) {
            const owner = await tx.user.findUnique({ where: { handle: data.handle }, select: { id: true } });
            if (isReservedHandle(data.handle) || (owner !== null && owner.id !== actor.userId)) {
              throw invalid("PROFILE.HANDLE_TAKEN", [
                { field: "handle", message: translate("profile.handle_taken", { handle: data.handle }) },
              ]);
            }
          }
          const { location, notifications, languages, ...scalars } = data;
          const locationId =
            location === undefined
              ? undefined
              : location === null
                ? null
                : await resolveLocation(tx, geocoder, location);
          await tx.user.update({
            where: { id: actor.userId },
            data: {
              ...definedOnly(scalars),
              ...(languages === undefined ? {} : { languages: JSON.stringify([...new Set(languages)]) }),
              ...(locationId === undefined ? {} : { locationId }),
              lastActiveAt: clock.now(),
            },
          });
          if (notifications !== undefined) await writeNotifications(tx, actor.userId, notifications);
          await recordEvent(tx, deps, {
            type: "profile.updated",
            aggregateId: actor.userId,
            payload: { userId: actor.userId, fields },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error) && data.handle !== undefined) {
          throw invalid("PROFILE.HANDLE_TAKEN", [
            { field: "handle", message: translate("profile.handle_taken", { handle: data.handle }) },
          ]);
        }
        throw error;
      }
      return (await load({ id: actor.userId }, actor)) as OwnProfileView;
    },

    /**
     * Deletes the account and its personal data. What others wrote stays theirs: messages and reviews this
     * person wrote remain, attributed to "a deleted user" (authorId set to null by the schema); reviews they
     * received leave with the profile.
     */
    async deleteAccount(actor: Actor, confirmHandle: string): Promise<void> {
      const avatarKey = await db.$transaction(async (tx) => {
        const user = await requireActiveUser(tx, actor.userId);
        const { avatarKey } = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { avatarKey: true } });
        if (normalizeHandle(confirmHandle) !== user.handle) {
          throw invalid("ACCOUNT.CONFIRMATION_MISMATCH", [
            { field: "confirmHandle", message: translate("field.invalid") },
          ]);
        }
        await tx.user.delete({ where: { id: actor.userId } });
        await recordEvent(tx, deps, {
          type: "user.deleted",
          aggregateId: actor.userId,
          payload: { userId: actor.userId },
        });
        return avatarKey;
      });
      // Sessions left with the row; a copy the cache keeps is dropped only when told.
      await deps.sessionStore.revokeAll(actor.userId, clock.now());
      await avatars.discard(avatarKey);
    },

    /**
     * Makes the picture in `bytes` the actor's avatar: a JPEG, PNG, WebP or GIF of at most 5 MB, recognised by
     * its content. Anything else is refused (field "avatar") and the current avatar stays.
     */
    async setAvatar(actor: Actor, bytes: Uint8Array): Promise<OwnProfileView> {
      await avatars.replace(actor.userId, bytes);
      return (await load({ id: actor.userId }, actor)) as OwnProfileView;
    },

    /** Removes the actor's avatar; having none already is fine. */
    removeAvatar: (actor: Actor): Promise<void> => avatars.remove(actor.userId),

    /** An avatar file as the web serves it (`<key>-512.webp`): anyone holding its URL may see it. */
    avatarFile: (fileName: string) => avatars.file(fileName),

    /** Everything SkillSwap stores about the actor, as plain JSON (GDPR article 20). Secrets are left out. */
    async exportData(actor: Actor): Promise<UserDataExport> {
      await requireActiveUser(db, actor.userId);
      return exportUserData(db, actor.userId, clock.now());
    },
  };
}

export type ProfilesService = ReturnType<typeof createProfilesService>;
