import { notFound } from "../../errors.js";
import { actorOf, type Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { normalizeHandle } from "../shared/text.js";

/** A demo person a visitor may try the product as, as the landing page lists them. */
export interface DemoPersonView {
  readonly handle: string;
  readonly displayName: string;
  /** Skill names, as the catalog spells them. */
  readonly teaches: readonly string[];
  readonly learns: readonly string[];
}

export interface DemoOptions {
  /**
   * The ids of the hand-written demo people (seed/people-to-try.ts), or none when the demo data is switched off.
   * Ids, not handles: a person who signed up and took a free handle like "maria-lopez" on a server without the
   * demo never becomes someone anyone can sign in as.
   */
  readonly peopleIds: readonly string[];
}

/**
 * "Try it as …": signing in as one of the demo people without a password, so a newcomer sees a populated
 * product in one click. Only the hand-written demo people qualify, and only while the demo data is on; anyone
 * else, a generated demo person included, is "not a demo person".
 */
export function createDemoService(deps: Pick<ServiceDeps, "db">, options: DemoOptions) {
  const { db } = deps;
  const order = new Map(options.peopleIds.map((id, i) => [id, i]));

  const notADemoPerson = (handle: string) => notFound("DEMO.NOT_A_DEMO_PERSON", "demo.not_a_demo_person", { handle });

  return {
    /** The demo people in this database, in the order the README introduces them; none with the demo off. */
    async peopleToTry(): Promise<DemoPersonView[]> {
      if (order.size === 0) return [];
      const rows = await db.user.findMany({
        where: { id: { in: [...order.keys()] }, status: "active" },
        select: {
          id: true,
          handle: true,
          displayName: true,
          skills: { select: { direction: true, skill: { select: { name: true } } }, orderBy: { level: "desc" } },
        },
      });
      const named = (row: (typeof rows)[number], direction: string) =>
        row.skills.filter((s) => s.direction === direction).map((s) => s.skill.name);
      return rows
        .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
        .map((row) => ({
          handle: row.handle,
          displayName: row.displayName,
          teaches: named(row, "teach"),
          learns: named(row, "learn"),
        }));
    },

    /** The actor to sign in as `handle`, when it names one of the demo people; "not a demo person" otherwise. */
    async signInAs(handle: string): Promise<Actor> {
      if (order.size === 0) throw notADemoPerson(handle);
      const user = await db.user.findUnique({
        where: { handle: normalizeHandle(handle) },
        select: { id: true, status: true },
      });
      if (user === null || user.status !== "active" || !order.has(user.id)) throw notADemoPerson(handle);
      return actorOf(user.id);
    },
  };
}
