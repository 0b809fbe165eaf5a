import { z } from "zod";
import { notFound } from "../../errors.js";
import { translate } from "../../messages/index.js";
import { requireActiveUser } from "../profiles/service.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { parseInput } from "../shared/validate.js";
import { findSkillByName } from "../skills/catalog.js";
import { explainCycle, explainPair } from "./explain.js";
import { IndexFeed } from "./index-feed.js";
import type { MatchIndex } from "./match-index.js";
import { visibleAmong } from "../profiles/visibility.js";
import { loadActor, openSwapKeys } from "./pool.js";
import { findCycles, recommendPairsFreshestFirst, teachersFor } from "./recommend.js";
import type { CycleMatch, MatchProfile, PairMatch, ScoreComponents, SkillLink } from "./types.js";

const recommendInput = z
  .object({ limit: z.number().int().min(1).max(50).default(10), cycles: z.boolean().default(false) })
  .strict();
const teachersInput = z
  .object({ skill: z.string().trim().min(1).max(80), limit: z.number().int().min(1).max(50).default(10) })
  .strict();

/** Bounds on the work one request may do, whatever the size of the community. */
const limits = { cycleFanOut: 40, cycleSide: 1_500 } as const;

const round3 = (score: number) => Math.round(score * 1000) / 1000;
const wholeKm = (km: number | null) => (km === null ? null : Math.round(km));

/**
 * Whom a cycle through the actor may run through: B from those who learn what the actor teaches, C from those
 * who teach what the actor wants, the most recently active of each side (freshness is in every score). Their
 * whole skill lists are in the index, so the B → C link is checked as well.
 */
function cyclePoolOf(index: MatchIndex, me: MatchProfile): MatchProfile[] {
  return [
    ...new Set([
      ...index.learnersOfAny(me.teaches.keys(), limits.cycleSide),
      ...index.teachersOfAny(me.learns.keys(), limits.cycleSide),
    ]),
  ];
}

/** The first `limit` of `ranked` whose people (all of them, for a cycle) are in `visible`. */
function firstVisible<T>(ranked: readonly T[], peopleOf: (item: T) => string[], visible: Set<string>, limit: number) {
  return ranked.filter((item) => peopleOf(item).every((id) => visible.has(id))).slice(0, limit);
}
// Ranked results are re-checked against the database; a few extra cover people hidden since the index saw them.
const overFetch = (limit: number) => limit * 2 + 10;

export interface SkillRef {
  readonly skillId: string;
  readonly name: string;
  readonly level: number;
}

export interface Recommendation {
  readonly handle: string;
  readonly displayName: string;
  readonly score: number;
  readonly components: ScoreComponents;
  readonly theyTeach: SkillRef;
  readonly youTeach: SkillRef;
  readonly distanceKm: number | null;
  readonly explanation: string;
}

export interface CycleRecommendation {
  readonly people: readonly [string, string];
  readonly score: number;
  readonly links: ReadonlyArray<{ teacher: string; learner: string; skill: SkillRef }>;
  readonly explanation: string;
}

export function createMatchingService(deps: ServiceDeps) {
  const { db, clock } = deps;
  const feed = new IndexFeed(deps.database);
  let names: Promise<Map<string, string>> | undefined;
  const skillNames = async () =>
    (names ??= db.skill
      .findMany({ select: { id: true, name: true } })
      .then((rows) => new Map(rows.map((r) => [r.id, r.name]))));

  /**
   * The actor as matching sees them. The index is current for this request (the feed has just applied every
   * outbox event, the actor's own changes included) but holds only active, non-private people: anyone else is
   * read from the database.
   */
  async function actorProfile(actor: Actor, now: Date, index: MatchIndex): Promise<MatchProfile> {
    const indexed = index.get(actor.userId);
    if (indexed !== undefined) return indexed;
    const profile = await loadActor(db, actor.userId, now);
    if (profile === null) throw notFound("USER.NOT_FOUND", "user.not_found", { handle: actor.userId });
    return profile;
  }

  const ref = (link: SkillLink, level: number, nameOf: (id: string) => string): SkillRef => ({
    skillId: link.skillId,
    name: nameOf(link.skillId),
    level,
  });

  return {
    /**
     * Reciprocal partners for the actor, best first, each with its score components and a sentence; with
     * `cycles`, also three-person swaps through the actor. Deterministic for the same data and clock.
     */
    async recommend(actor: Actor, options: z.input<typeof recommendInput> = {}) {
      const input = parseInput(recommendInput, options, "MATCH.INVALID");
      const now = clock.now();
      const [index, known, open] = await Promise.all([
        feed.current(now),
        skillNames(),
        openSwapKeys(deps.database, actor.userId),
      ]);
      const me = await actorProfile(actor, now, index);
      const nameOf = (id: string) => known.get(id) ?? id;
      const ranked = recommendPairsFreshestFirst(
        me,
        index.reciprocalByRecency(me.learns.keys(), me.teaches.keys()),
        now,
        (partner, mine, theirs) => open.has(`${partner}|${mine}|${theirs}`),
        overFetch(input.limit),
        index.trustCeiling,
      );
      const found = input.cycles
        ? findCycles(me, cyclePoolOf(index, me), { fanOut: limits.cycleFanOut, limit: overFetch(input.limit) })
        : [];
      const partnerOf = (m: PairMatch) => [m.partner.userId];
      const others = (c: CycleMatch) => [c.links[1].teacher.userId, c.links[2].teacher.userId];
      // One visibility check for everything that may be shown, pairs and cycles alike.
      const visible = await visibleAmong(deps.database, actor.userId, [
        ...ranked.flatMap(partnerOf),
        ...found.flatMap(others),
      ]);
      const pairs: Recommendation[] = firstVisible(ranked, partnerOf, visible, input.limit).map((m) => ({
        handle: m.partner.handle,
        displayName: m.partner.displayName,
        score: round3(m.score),
        components: m.components,
        theyTeach: ref(m.theyTeach, m.theyTeach.teacherLevel, nameOf),
        youTeach: ref(m.youTeach, m.youTeach.teacherLevel, nameOf),
        distanceKm: wholeKm(m.distanceKm),
        explanation: explainPair(m, nameOf),
      }));
      const cycles: CycleRecommendation[] = firstVisible(found, others, visible, input.limit).map((c) => ({
        people: [c.links[1].teacher.handle, c.links[2].teacher.handle] as const,
        score: round3(c.score),
        links: c.links.map((l) => ({
          teacher: l.teacher.handle,
          learner: l.learner.handle,
          skill: ref(l.link, l.link.teacherLevel, nameOf),
        })),
        explanation: explainCycle(c, nameOf, actor.userId),
      }));
      return { pairs, cycles };
    },

    /** One-way: who can teach the actor this skill, even if they want nothing back. */
    async teachersOf(actor: Actor, options: z.input<typeof teachersInput>) {
      const input = parseInput(teachersInput, options, "MATCH.INVALID");
      await requireActiveUser(db, actor.userId);
      const skill = await findSkillByName(db, input.skill, actor.userId);
      if (skill === null) throw notFound("SKILL.UNKNOWN", "skill.not_found", { name: input.skill });
      const now = clock.now();
      const index = await feed.current(now);
      const me = await actorProfile(actor, now, index);
      const ranked = teachersFor(me, skill.id, index.teachersOfAny([skill.id]), now, overFetch(input.limit));
      const teacherOf = (t: (typeof ranked)[number]) => [t.teacher.userId];
      const visible = await visibleAmong(deps.database, actor.userId, ranked.flatMap(teacherOf));
      return firstVisible(ranked, teacherOf, visible, input.limit).map((t) => ({
        handle: t.teacher.handle,
        displayName: t.teacher.displayName,
        score: round3(t.score),
        skill: { skillId: skill.id, name: skill.name, level: t.link.teacherLevel },
        distanceKm: wholeKm(t.distanceKm),
        explanation: translate("match.teaches_you", { skill: skill.name, level: t.link.teacherLevel }),
      }));
    },
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
