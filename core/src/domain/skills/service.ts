import { conflict, DomainError, forbidden, invalid, notFound } from "../../errors.js";
import type { Tx } from "../../infra/prisma/database.js";
import { isUniqueViolation } from "../../infra/prisma/errors.js";
import { translate } from "../../messages/index.js";
import { normalizeText } from "../../text/words.js";
import { recordEvent } from "../outbox/record-event.js";
import { requireActiveUser } from "../profiles/service.js";
import { viewerMaySee } from "../profiles/visibility.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { definedOnly, normalizeHandle } from "../shared/text.js";
import type { Prisma } from "../../infra/prisma/generated/sqlite/client.js";
import { parseInput } from "../shared/validate.js";
import { weeklySlotOf } from "./availability.js";
import type { CachedReads } from "../caching/cached-reads.js";
import { findSkillById, findSkillByName, nameAliasRows, slugify } from "./catalog.js";
import { createCatalogReads } from "./catalog-reads.js";
import {
  addSkillInput,
  proposeSkillInput,
  reviewProposalInput,
  updateSkillInput,
  type AddSkillInput,
  type ProposeSkillInput,
  type UpdateSkillInput,
} from "./input.js";
import { createPendingProposalUseCases } from "./pending-proposals.js";
import { canAddSkill, closestNames } from "./rules.js";
import { maxSkillsPerUser, type CatalogEntry, type Direction, type UserSkillView, type WeeklySlot } from "./types.js";
import { createAvailabilityUseCases, writeSlots } from "./weekly-availability.js";

const userSkillSelect = {
  id: true,
  userId: true,
  direction: true,
  level: true,
  notes: true,
  mode: true,
  skill: { select: { id: true, slug: true, name: true, status: true, category: { select: { name: true } } } },
  availability: {
    select: { weekday: true, startMinute: true, endMinute: true },
    orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
  },
} satisfies Prisma.UserSkillSelect;

type UserSkillRow = {
  id: string;
  direction: string;
  level: number;
  notes: string;
  mode: string | null;
  skill: { id: string; slug: string; name: string; status: string; category: { name: string } };
  availability: WeeklySlot[];
};

function toView(row: UserSkillRow): UserSkillView {
  return {
    id: row.id,
    skill: {
      id: row.skill.id,
      slug: row.skill.slug,
      name: row.skill.name,
      category: row.skill.category.name,
      status: row.skill.status as CatalogEntry["status"],
    },
    direction: row.direction as Direction,
    level: row.level,
    notes: row.notes,
    mode: row.mode as UserSkillView["mode"],
    availability: row.availability.length === 0 ? null : row.availability,
  };
}

export interface SkillsOptions {
  /** The cache the catalog and skill suggestions are read through. */
  readonly reads: CachedReads;
}

export function createSkillsService(deps: ServiceDeps, options: SkillsOptions) {
  const { db, ids, clock } = deps;
  const catalogReads = createCatalogReads(db, options.reads);

  async function unknownSkill(name: string): Promise<DomainError> {
    const suggestions = closestNames(normalizeText(name), await catalogReads.spellings());
    return new DomainError(
      "not_found",
      "SKILL.UNKNOWN",
      "skill.not_found",
      { name, suggestions: suggestions.join(", ") },
      [{ field: "skill", message: translate("skill.not_found", { name }) }],
    );
  }

  /**
   * The actor's own user skill. Someone else's answers "not found", like one that does not exist: a hidden
   * profile's skills must not be confirmed by probing ids (per-row authorization).
   */
  async function ownUserSkill(tx: Tx, actor: Actor, userSkillId: string) {
    const row = await tx.userSkill.findUnique({
      where: { id: userSkillId },
      select: { userId: true, skillId: true, direction: true },
    });
    if (row === null || row.userId !== actor.userId)
      throw notFound("SKILL.USER_SKILL_NOT_FOUND", "skill.user_skill_not_found");
    return row;
  }

  async function viewOf(userSkillId: string): Promise<UserSkillView> {
    return toView(await db.userSkill.findUniqueOrThrow({ where: { id: userSkillId }, select: userSkillSelect }));
  }

  /** A person's skills in profile order (teach first, then oldest first); pending ones only when asked. */
  async function skillsOf(userId: string, withPending: boolean): Promise<UserSkillView[]> {
    const rows = await db.userSkill.findMany({
      where: { userId, ...(withPending ? {} : { skill: { status: "approved" } }) },
      select: userSkillSelect,
      orderBy: [{ direction: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    });
    return rows.map(toView);
  }

  return {
    catalog: catalogReads.catalog,
    suggest: catalogReads.suggest,

    /** What a typed name means, with close spellings when nothing matches. */
    async resolve(actor: Actor, name: string): Promise<{ skill: CatalogEntry | null; suggestions: string[] }> {
      const skill = await findSkillByName(db, name, actor.userId);
      if (skill !== null) return { skill, suggestions: [] };
      return { skill: null, suggestions: closestNames(normalizeText(name), await catalogReads.spellings()) };
    },

    async add(actor: Actor, input: AddSkillInput): Promise<UserSkillView> {
      const data = parseInput(addSkillInput, input, "SKILL.INVALID");
      const skill = await findSkillByName(db, data.skill, actor.userId);
      if (skill === null) throw await unknownSkill(data.skill);
      try {
        const id = await db.$transaction(async (tx) => {
          await requireActiveUser(tx, actor.userId);
          const count = await tx.userSkill.count({ where: { userId: actor.userId } });
          if (!canAddSkill(count))
            throw conflict("SKILL.LIMIT_REACHED", "skill.limit_reached", { max: maxSkillsPerUser });
          const userSkillId = ids.next();
          await tx.userSkill.create({
            data: {
              id: userSkillId,
              userId: actor.userId,
              skillId: skill.id,
              direction: data.direction,
              level: data.level,
              notes: data.notes,
              mode: data.mode,
              createdAt: clock.now(),
            },
          });
          if (data.availability !== null)
            await writeSlots(tx, ids, actor.userId, userSkillId, data.availability.map(weeklySlotOf));
          await recordEvent(tx, deps, {
            type: "skill.added",
            aggregateId: actor.userId,
            payload: { userId: actor.userId, skillId: skill.id, direction: data.direction, level: data.level },
          });
          return userSkillId;
        });
        return await viewOf(id);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw conflict("SKILL.ALREADY_LISTED", "skill.already_listed", {
            direction: data.direction,
            name: skill.name,
          });
        }
        throw error;
      }
    },

    async update(actor: Actor, userSkillId: string, patch: UpdateSkillInput): Promise<UserSkillView> {
      const data = parseInput(updateSkillInput, patch, "SKILL.INVALID");
      await db.$transaction(async (tx) => {
        const row = await ownUserSkill(tx, actor, userSkillId);
        const { availability, ...fields } = data;
        await tx.userSkill.update({ where: { id: userSkillId }, data: definedOnly(fields) });
        if (availability !== undefined)
          await writeSlots(tx, ids, actor.userId, userSkillId, (availability ?? []).map(weeklySlotOf));
        await recordEvent(tx, deps, {
          type: "skill.updated",
          aggregateId: actor.userId,
          payload: { userId: actor.userId, skillId: row.skillId, fields: Object.keys(data) },
        });
      });
      return viewOf(userSkillId);
    },

    async remove(actor: Actor, userSkillId: string): Promise<void> {
      await db.$transaction(async (tx) => {
        const row = await ownUserSkill(tx, actor, userSkillId);
        await tx.userSkill.delete({ where: { id: userSkillId } });
        await recordEvent(tx, deps, {
          type: "skill.removed",
          aggregateId: actor.userId,
          payload: { userId: actor.userId, skillId: row.skillId, direction: row.direction },
        });
      });
    },

    /** Someone's skills as `viewer` may see them; pending skills only to their owner. */
    async listFor(viewer: Actor | null, handle: string): Promise<UserSkillView[]> {
      const owner = await db.user.findUnique({
        where: { handle: normalizeHandle(handle) },
        select: { id: true, visibility: true, status: true },
      });
      if (owner === null || !(await viewerMaySee(db, viewer?.userId ?? null, owner))) {
        throw notFound("USER.NOT_FOUND", "user.not_found", { handle });
      }
      return skillsOf(owner.id, viewer?.userId === owner.id);
    },

    /** The actor's own skills, pending ones included. */
    async mine(actor: Actor): Promise<UserSkillView[]> {
      await requireActiveUser(db, actor.userId);
      return skillsOf(actor.userId, true);
    },

    ...createAvailabilityUseCases(deps),

    ...createPendingProposalUseCases(deps),

    /**
     * Proposes a skill the catalog lacks. It becomes a community skill, pending until an admin of that
     * community approves it; the proposer can list it meanwhile.
     */
    async propose(actor: Actor, input: ProposeSkillInput): Promise<CatalogEntry> {
      const data = parseInput(proposeSkillInput, input, "SKILL.INVALID_PROPOSAL");
      const existing = await findSkillByName(db, data.name, actor.userId);
      if (existing !== null) throw conflict("SKILL.EXISTS", "skill.exists", { name: existing.name });
      const category = await db.skillCategory.findFirst({
        where: { OR: [{ slug: slugify(data.category) }, { name: data.category }] },
        select: { id: true },
      });
      if (category === null)
        throw invalid("SKILL.UNKNOWN_CATEGORY", [{ field: "category", message: translate("field.invalid") }]);
      const memberships = await db.communityMember.findMany({
        where: { userId: actor.userId },
        select: { communityId: true },
      });
      const communityId = data.communityId ?? (memberships.length === 1 ? memberships[0]?.communityId : undefined);
      if (communityId === undefined || !memberships.some((m) => m.communityId === communityId)) {
        throw invalid("SKILL.COMMUNITY_REQUIRED", [{ field: "communityId", message: translate("field.required") }]);
      }
      const skillId = `skill:${communityId}:${slugify(data.name)}`;
      try {
        await db.$transaction(async (tx) => {
          await tx.skill.create({
            data: {
              id: skillId,
              slug: `${slugify(data.name)}-${communityId}`,
              name: data.name,
              categoryId: category.id,
              status: "pending",
              communityId,
              proposedById: actor.userId,
              createdAt: clock.now(),
            },
          });
          await tx.skillAlias.createMany({ data: nameAliasRows(skillId, data.name) });
          await recordEvent(tx, deps, {
            type: "skill.proposed",
            aggregateId: skillId,
            payload: { skillId, communityId, proposedBy: actor.userId },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict("SKILL.EXISTS", "skill.exists", { name: data.name });
        throw error;
      }
      return (await findSkillById(db, skillId)) as CatalogEntry;
    },

    /** An admin of the proposing community approves or rejects a pending skill; rejection takes it off profiles. */
    async reviewProposal(
      admin: Actor,
      input: { skillId: string; decision: "approve" | "reject" },
    ): Promise<CatalogEntry> {
      const data = parseInput(reviewProposalInput, input, "SKILL.INVALID_REVIEW");
      await db.$transaction(async (tx) => {
        const skill = await tx.skill.findUnique({
          where: { id: data.skillId },
          select: { status: true, communityId: true },
        });
        if (skill === null) throw notFound("SKILL.NOT_FOUND", "error.not_found");
        if (skill.communityId === null) throw forbidden("SKILL.ADMIN_ONLY", "skill.admin_only");
        const membership = await tx.communityMember.findUnique({
          where: { communityId_userId: { communityId: skill.communityId, userId: admin.userId } },
          select: { role: true },
        });
        // A community's proposals are its own business: outsiders learn nothing of them, members that only admins decide.
        if (membership === null) throw notFound("SKILL.NOT_FOUND", "error.not_found");
        if (membership.role !== "admin") throw forbidden("SKILL.ADMIN_ONLY", "skill.admin_only");
        if (skill.status !== "pending") throw conflict("SKILL.NOT_PENDING", "skill.not_pending");
        await tx.skill.update({
          where: { id: data.skillId },
          data: { status: data.decision === "approve" ? "approved" : "rejected" },
        });
        if (data.decision === "reject") await tx.userSkill.deleteMany({ where: { skillId: data.skillId } });
        await tx.auditLog.create({
          data: {
            id: ids.next(),
            actorId: admin.userId,
            communityId: skill.communityId,
            action: `skill.${data.decision === "approve" ? "approved" : "rejected"}`,
            targetType: "skill",
            targetId: data.skillId,
            createdAt: clock.now(),
          },
        });
        await recordEvent(tx, deps, {
          type: "skill.reviewed",
          aggregateId: data.skillId,
          payload: { skillId: data.skillId, decision: data.decision, by: admin.userId },
        });
      });
      return (await findSkillById(db, data.skillId)) as CatalogEntry;
    },
  };
}

export type SkillsService = ReturnType<typeof createSkillsService>;
