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
import { loadActor, openSwapKeys, visibleAmong } from "./pool.js";
import { findCycles, recommendPairs, teachersFor } from "./recommend.js";
import type { CycleMatch, MatchProfile, ScoreComponents, SkillLink } from "./types.js";

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

/** The most recently active people of a large list (freshness is in every score), in a stable order. */
function mostRecent(people: MatchProfile[]): MatchProfile[] {
  if (people.length <= limits.cycleSide) return people;
  return people
    .sort((a, b) => b.lastActiveAt.getTime() - a.lastActiveAt.getTime() || a.userId.localeCompare(b.userId))
    .slice(0, limits.cycleSide);
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

  async function actorProfile(actor: Actor, now: Date): Promise<MatchProfile> {
    const profile = await loadActor(db, actor.userId, now);
    if (profile === null) throw notFound("USER.NOT_FOUND", "user.not_found", { handle: actor.userId });
    return profile;
  }

  /** The first `limit` of `ranked` whose people (all of them, for a cycle) the actor may see right now. */
  async function visibleFirst<T>(
    actor: Actor,
    ranked: T[],
    peopleOf: (item: T) => string[],
    limit: number,
  ): Promise<T[]> {
    const visible = await visibleAmong(db, actor.userId, ranked.flatMap(peopleOf));
    return ranked.filter((item) => peopleOf(item).every((id) => visible.has(id))).slice(0, limit);
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
      const me = await actorProfile(actor, now);
      const known = await skillNames();
      const nameOf = (id: string) => known.get(id) ?? id;
      const open = await openSwapKeys(db, actor.userId);
      const index = await feed.current(now);
      const ranked = recommendPairs(
        me,
        index.reciprocalCandidates(me.learns.keys(), me.teaches.keys()),
        now,
        (partner, mine, theirs) => open.has(`${partner}|${mine}|${theirs}`),
        overFetch(input.limit),
      );
      const pairs: Recommendation[] = (await visibleFirst(actor, ranked, (m) => [m.partner.userId], input.limit)).map(
        (m) => ({
          handle: m.partner.handle,
          displayName: m.partner.displayName,
          score: round3(m.score),
          components: m.components,
          theyTeach: ref(m.theyTeach, m.theyTeach.teacherLevel, nameOf),
          youTeach: ref(m.youTeach, m.youTeach.teacherLevel, nameOf),
          distanceKm: wholeKm(m.distanceKm),
          explanation: explainPair(m, nameOf),
        }),
      );
      if (!input.cycles) return { pairs, cycles: [] as CycleRecommendation[] };
      // B comes from those who learn what the actor teaches, C from those who teach what the actor wants; their
      // whole skill lists are in the index, so the B → C link is checked as well.
      const cyclePool = [
        ...new Set([
          ...mostRecent(index.learnersOfAny(me.teaches.keys())),
          ...mostRecent(index.teachersOfAny(me.learns.keys())),
        ]),
      ];
      const found = findCycles(me, cyclePool, { fanOut: limits.cycleFanOut, limit: overFetch(input.limit) });
      const others = (c: CycleMatch) => [c.links[1].teacher.userId, c.links[2].teacher.userId];
      const cycles = (await visibleFirst(actor, found, others, input.limit)).map((c) => ({
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
      const me = await actorProfile(actor, now);
      const pool = (await feed.current(now)).teachersOfAny([skill.id]);
      const ranked = teachersFor(me, skill.id, pool, now, overFetch(input.limit));
      return (await visibleFirst(actor, ranked, (t) => [t.teacher.userId], input.limit)).map((t) => ({
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
