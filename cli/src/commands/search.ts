import type { PeopleSearchInput } from "@skillswap/core";
import { emit, plural, table, type OutputOptions } from "../output.js";
import { withCore } from "../with-core.js";

export interface SearchOptions extends OutputOptions {
  readonly as?: string;
  readonly near?: string;
  readonly km?: number;
  readonly category?: string;
  readonly level?: number;
  readonly teaches?: boolean;
  readonly learns?: boolean;
  readonly online?: boolean;
  readonly inPerson?: boolean;
  readonly available?: string;
  readonly sort?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

/** People search as a person would run it (--as), or signed out: public profiles only. */
export async function searchCommand(text: string | undefined, options: SearchOptions): Promise<void> {
  await withCore(async (core) => {
    const actor = options.as === undefined ? null : await core.services.accounts.actorByHandle(options.as);
    // Flags go in as typed: the use case validates them and names any field it rejects.
    const input = {
      text: text ?? "",
      ...(options.near === undefined ? {} : { near: options.near }),
      ...(options.km === undefined ? {} : { km: options.km }),
      ...(options.category === undefined ? {} : { category: options.category }),
      ...(options.level === undefined ? {} : { minLevel: options.level }),
      ...(options.teaches === true ? { direction: "teach" } : options.learns === true ? { direction: "learn" } : {}),
      ...(options.online === true ? { mode: "online" } : options.inPerson === true ? { mode: "in_person" } : {}),
      ...(options.available === undefined ? {} : { available: options.available }),
      ...(options.sort === undefined ? {} : { sort: options.sort }),
      ...(options.cursor === undefined ? {} : { cursor: options.cursor }),
      limit: options.limit ?? 20,
    } as PeopleSearchInput;
    const result = await core.services.search.people(actor, input);
    emit(options, result, () => {
      if (result.hits.length === 0) return "Nobody matches that search.";
      const rows = result.hits.map((hit) => [
        `@${hit.handle}`,
        hit.displayName,
        [hit.location ?? "", hit.distanceKm === null ? "" : `${hit.distanceKm} km`].filter(Boolean).join(", "),
        hit.reasons.map((r) => r.text).join("; "),
      ]);
      const lines = [table([["PERSON", "NAME", "WHERE", "WHY"], ...rows])];
      if (result.nextCursor !== null) lines.push("", `More: --cursor ${result.nextCursor}`);
      return lines.join("\n");
    });
  });
}

/** Rebuilds the search index from the database. */
export async function reindexCommand(options: OutputOptions): Promise<void> {
  await withCore(async (core) => {
    const result = await core.services.search.reindex();
    emit(options, result, () => {
      const { privateProfiles, inactiveAccounts } = result.leftOut;
      const reasons = [
        privateProfiles > 0 ? `${plural(privateProfiles, "private profile")} (only their owners see them)` : "",
        inactiveAccounts > 0 ? plural(inactiveAccounts, "inactive account") : "",
      ].filter(Boolean);
      return [
        `Search index rebuilt: ${plural(result.people, "person", "people")} searchable, in ${result.ms} ms.`,
        reasons.length === 0 ? "Nobody left out." : `Left out: ${reasons.join(", ")}.`,
      ].join("\n");
    });
  });
}
