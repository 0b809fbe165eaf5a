import { LRUCache } from "lru-cache";
import { z } from "zod";
import { lineField } from "../shared/fields.js";
import { notFound } from "../../errors.js";
import { requireActiveUser } from "../profiles/service.js";
import { blockedEitherWayWith, sightlinesAmong, visibleAmong } from "../profiles/visibility.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { parseInput } from "../shared/validate.js";
import { findSkillByName } from "../skills/catalog.js";
import { admitFor } from "./admit.js";
import { cycleRefusal } from "./cycle-rule.js";
import { IndexFeed } from "./index-feed.js";
import type { MatchIndex } from "./match-index.js";
import { cycleKey, loadActor, openSwapsOf, type OpenSwaps } from "./pool.js";
import { closeCycles, cycleSides, onePerPerson } from "./cycles.js";
import { recommendPairsFreshestFirst, teachersFor, teachersForWanted, type Admit } from "./recommend.js";
import { defaultLevelPolicy, type LevelPolicy } from "./rules.js";
import { knownSkillNumber } from "./skill-ids.js";
import type { MatchProfile, PairMatch } from "./types.js";
import { cycleView, pairView, teacherView } from "./views.js";

export type { CycleRecommendation, LinkView, Recommendation, SkillRef, TeacherRecommendation } from "./views.js";

/** The options of recommend; exported so a door can describe them (see inputs.ts). */
export const recommendInput = z
  .object({
    limit: z.number().int().min(1).max(50).default(10),
    cycles: z.boolean().default(false),
    teachers: z.boolean().default(false),
  })
  .strict();
/** The options of teachersOf. */
export const teachersInput = z
  .object({ skill: lineField(1, 80), limit: z.number().int().min(1).max(50).default(10) })
  .strict();

const noOpenSwaps: OpenSwaps = { pairs: new Set(), cycles: new Set() };

/** Bounds on the work one request may do, whatever the size of the community. */
const limits = { cycleFanOut: 40, cycleSide: 1_500 } as const;

/**
 * Whom a cycle through the actor may run through: B from those who learn what the actor teaches, C from those
 * who teach what the actor wants, the most recently active of each side (the likeliest to answer) among
 * those the actor may be offered. Their whole skill lists are in the index, so the B → C link is checked too.
 */
function cyclePoolOf(index: MatchIndex, me: MatchProfile, admit: Admit): MatchProfile[] {
  return [
    ...new Set([
      ...index.learnersOfAny(me.teaches.keys(), limits.cycleSide, admit),
      ...index.teachersOfAny(me.learns.keys(), limits.cycleSide, admit),
    ]),
  ];
}

const skillNumberOf = (id: string) => knownSkillNumber(id) ?? -1;

/**
 * Pair rankings already computed, by everything they depend on: the state of the index (its version moves
 * with every change applied), who asks and how many, whom they block or are blocked by, their open swaps, and
 * the minute (freshness counts in the score, and a minute of it changes nothing a person would see). A person
 * reloading their recommendations, or many asking at once, costs one ranking; visibility is still confirmed
 * on the database for every answer (see rankedVisible).
 */
const rankingMemoSize = 5_000;
const minuteOf = (now: Date) => Math.floor(now.getTime() / 60_000);

// Re-ranking rounds after the database disagreed with the index about who may be seen (a change the index
// has not applied yet): one is almost always enough.
const recheckRounds = 3;

export function createMatchingService(deps: ServiceDeps, policy: LevelPolicy = defaultLevelPolicy) {
  const { db, clock } = deps;
  const feed = new IndexFeed(deps.database);
  const rankings = new LRUCache<string, PairMatch[]>({ max: rankingMemoSize });
  let names: Promise<Map<string, string>> | undefined;
  const skillNames = async () =>
    (names ??= db.skill
      .findMany({ select: { id: true, name: true } })
      .then((rows) => new Map(rows.map((r) => [r.id, r.name]))));

  /**
   * The actor as matching sees them, and whom they may be offered. The index is current for this request (the
   * feed has just applied every outbox event, the actor's own changes included) but holds only active,
   * non-private people: anyone else is read from the database.
   */
  async function viewer(actor: Actor, now: Date) {
    const [index, blocked] = await Promise.all([feed.current(now), blockedEitherWayWith(deps.database, actor.userId)]);
    const me = await profileOf(index, actor, now);
    return { index, me, blocked, admit: admitFor(me, blocked) };
  }

  /** The actor's profile: the index's copy, or read from the database for someone it does not hold. */
  async function profileOf(index: MatchIndex, actor: Actor, now: Date): Promise<MatchProfile> {
    const me = index.get(actor.userId) ?? (await loadActor(db, actor.userId, now));
    if (me === null) throw notFound("USER.NOT_FOUND", "user.not_found", { handle: actor.userId });
    return me;
  }

  /** The actor as matching sees them, their blocks and their open swaps, read at once. */
  async function viewerWithSwaps(actor: Actor, index: MatchIndex, now: Date) {
    const [me, blocked, open] = await Promise.all([
      profileOf(index, actor, now),
      blockedEitherWayWith(deps.database, actor.userId),
      openSwapsOf(deps.database, actor.userId),
    ]);
    return { me, blocked, open };
  }

  /**
   * The actor's pairs ranked before their blocks and open swaps are known, checked in the same round trip that
   * reads those and asks who of the ranked people they may see. When none of the ranked is hidden, blocked, or
   * offered on a skill pair already in an open swap with the actor, ranking with all of it known gives the same
   * page (it only takes candidates or skill pairs away, and none of those on the page): one round trip instead
   * of two. Otherwise, or for an actor the index does not hold, undefined pairs: ranked again with what was read.
   */
  async function guessedPairs(
    actor: Actor,
    index: MatchIndex,
    now: Date,
    limit: number,
    rankFor: (me: MatchProfile, open: OpenSwaps) => (admit: Admit) => PairMatch[],
  ): Promise<{ me: MatchProfile; blocked: Set<string>; open: OpenSwaps; pairs?: PairMatch[] } | undefined> {
    const me = index.get(actor.userId);
    if (me === undefined) return undefined;
    const key = ["guess", feed.version, actor.userId, limit, minuteOf(now)].join("\n");
    let guess = rankings.get(key);
    if (guess === undefined) rankings.set(key, (guess = rankFor(me, noOpenSwaps)(admitFor(me, new Set()))));
    const [visible, blocked, open] = await Promise.all([
      visibleAmong(
        deps.database,
        actor.userId,
        guess.map((m) => m.partner.userId),
      ),
      blockedEitherWayWith(deps.database, actor.userId),
      openSwapsOf(deps.database, actor.userId),
    ]);
    const untouched = guess.every(
      ({ partner, youTeach, theyTeach }) =>
        visible.has(partner.userId) &&
        !blocked.has(partner.userId) &&
        !open.pairs.has(`${partner.userId}|${youTeach.skillId}|${theyTeach.skillId}`),
    );
    return { me, blocked, open, ...(untouched ? { pairs: guess } : {}) };
  }

  /**
   * Ranks among the people `admit` lets through, then checks the people of what it would show against the
   * database; anyone the index wrongly thought visible is left out and the ranking runs again without them,
   * so a hidden person never takes a visible one's place.
   */
  async function rankedVisible<T>(
    viewerId: string,
    admit: Admit,
    rank: (admit: Admit, firstRound: boolean) => readonly T[],
    peopleOf: (item: T) => readonly string[],
  ): Promise<T[]> {
    const hidden = new Set<string>();
    for (let round = 1; ; round++) {
      const ranked = rank((person) => !hidden.has(person.userId) && admit(person), round === 1);
      const people = ranked.flatMap(peopleOf);
      const visible = await visibleAmong(deps.database, viewerId, people);
      const wronglyAdmitted = people.filter((id) => !visible.has(id));
      if (wronglyAdmitted.length === 0 || round === recheckRounds)
        return ranked.filter((item) => peopleOf(item).every((id) => visible.has(id)));
      for (const id of wronglyAdmitted) hidden.add(id);
    }
  }

  /**
   * Cycles that can be accepted, one per person: ranked first, then judged by the same rule as a cycle request
   * (sightlines read fresh for everyone in them) as they are thinned to one offer per person.
   */
  async function acceptableCycles(me: MatchProfile, index: MatchIndex, admit: Admit, open: OpenSwaps, limit: number) {
    const sides = cycleSides(me, cyclePoolOf(index, me, admit), { fanOut: limits.cycleFanOut }, policy);
    // Read before the cycles are made: nothing large is held while the database answers.
    const people = [me, ...sides.openers.map((l) => l.learner), ...sides.closers.map((l) => l.teacher)];
    const sight = await sightlinesAmong(
      deps.database.readRows,
      people.map((p) => p.userId),
    );
    const ranked = closeCycles(sides, policy).filter(
      (c) => !open.cycles.has(cycleKey(c.links[1].teacher.userId, c.links[2].teacher.userId)),
    );
    return onePerPerson(
      ranked,
      limit,
      (c) =>
        cycleRefusal(
          {
            members: [me, c.links[1].teacher, c.links[2].teacher],
            skills: [
              skillNumberOf(c.links[0].link.skillId),
              skillNumberOf(c.links[1].link.skillId),
              skillNumberOf(c.links[2].link.skillId),
            ],
          },
          sight,
        ) === null,
    );
  }

  return {
    /**
     * Builds the match index now (seconds at 100,000 people), so that the first person to ask for
     * recommendations does not wait for it: the web role calls it when it starts.
     */
    async prepare(): Promise<void> {
      await feed.current(clock.now());
    },

    /**
     * Reciprocal partners for the actor, best first (exact fits before near ones), each with its score
     * components, weekly overlap and a sentence; with `teachers`, also people who teach what the actor wants
     * and want nothing back (partners left out); with `cycles`, also three-person swaps through the actor that
     * can be requested as offered. Deterministic for the same data and clock.
     */
    async recommend(actor: Actor, options: z.input<typeof recommendInput> = {}) {
      const input = parseInput(recommendInput, options, "MATCH.INVALID");
      const now = clock.now();
      const [index, known] = await Promise.all([feed.current(now), skillNames()]);
      const nameOf = (id: string) => known.get(id) ?? id;
      const rankFor = (me: MatchProfile, open: OpenSwaps) => (admitted: Admit) =>
        recommendPairsFreshestFirst(me, index.reciprocalByRecency(me.learns.keys(), me.teaches.keys()), {
          now,
          openSwap: (partner, mine, theirs) => open.pairs.has(`${partner}|${mine}|${theirs}`),
          policy,
          limit: input.limit,
          admit: admitted,
          trustCeiling: index.trustCeiling,
        });
      const guessed = await guessedPairs(actor, index, now, input.limit, rankFor);
      const { me, blocked, open } = guessed ?? (await viewerWithSwaps(actor, index, now));
      const admit = admitFor(me, blocked);
      // Only a viewer the index holds is fully described by its version (anyone else is read from the database).
      const key =
        index.get(actor.userId) !== undefined
          ? [feed.version, actor.userId, input.limit, minuteOf(now), [...blocked].sort(), [...open.pairs].sort()].join(
              "\n",
            )
          : null;
      const pairs =
        guessed?.pairs ??
        (await rankedVisible(
          actor.userId,
          admit,
          (admitted, firstRound) => {
            // Only the first round: a later one ranks without people the database has just refused.
            if (key === null || !firstRound) return rankFor(me, open)(admitted);
            let ranked = rankings.get(key);
            if (ranked === undefined) rankings.set(key, (ranked = rankFor(me, open)(admitted)));
            return ranked;
          },
          (m) => [m.partner.userId],
        ));
      const partners = new Set(pairs.map((m) => m.partner.userId));
      const teachers = input.teachers
        ? await rankedVisible(
            actor.userId,
            (person) => !partners.has(person.userId) && admit(person),
            (admitted) =>
              teachersForWanted(me, (skillId) => index.teachersOfAny([skillId], Infinity, admitted), {
                now,
                policy,
                limit: input.limit,
                admit: admitted,
              }),
            (t) => [t.teacher.userId],
          )
        : [];
      const cycles = input.cycles ? await acceptableCycles(me, index, admit, open, input.limit) : [];
      return {
        pairs: pairs.map((m) => pairView(m, nameOf)),
        teachers: teachers.map((t) => teacherView(t, nameOf)),
        cycles: cycles.map((c) => cycleView(c, nameOf, actor.userId)),
      };
    },

    /** One-way: who can teach the actor this skill, even if they want nothing back; exact fits first. */
    async teachersOf(actor: Actor, options: z.input<typeof teachersInput>) {
      const input = parseInput(teachersInput, options, "MATCH.INVALID");
      await requireActiveUser(db, actor.userId);
      const skill = await findSkillByName(db, input.skill, actor.userId);
      if (skill === null) throw notFound("SKILL.UNKNOWN", "skill.not_found", { name: input.skill });
      const now = clock.now();
      const { index, me, admit } = await viewer(actor, now);
      const ranked = await rankedVisible(
        actor.userId,
        admit,
        (admitted) =>
          teachersFor(me, skill.id, index.teachersOfAny([skill.id], Infinity, admitted), {
            now,
            policy,
            limit: input.limit,
            admit: admitted,
          }),
        (t) => [t.teacher.userId],
      );
      return ranked.map((t) => teacherView(t, (id) => (id === skill.id ? skill.name : id)));
    },
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
