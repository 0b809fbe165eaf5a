/**
 * The people search's filters and their two spellings: the page's address (`/people?q=gitar&km=50`), which back,
 * forward, reload and a shared link all reproduce, and GET /api/v1/people's query. Both use the API's names, so
 * a link to the page and a call to the API read the same. Pure functions: no browser needed to test them.
 */

export const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export const sorts = ["relevance", "distance", "rating", "recent"] as const;
export type Weekday = (typeof weekdays)[number];
export type Sort = (typeof sorts)[number];

/** A weekly window in the searcher's time zone: the API's `available`, "Tue 18:00-20:00". */
export interface TimeWindow {
  readonly day: Weekday;
  readonly from: string;
  readonly to: string;
}

export interface PeopleFilters {
  readonly q: string;
  readonly category?: string | undefined;
  readonly direction?: "teach" | "learn" | undefined;
  readonly minLevel?: number | undefined;
  /** A city to measure distance from; absent: the searcher's own city. */
  readonly near?: string | undefined;
  readonly km?: number | undefined;
  readonly mode?: "online" | "in_person" | undefined;
  readonly community?: string | undefined;
  readonly available?: TimeWindow | undefined;
  readonly sort?: Sort | undefined;
}

type Query = Readonly<Record<string, string | undefined>>;

const clockTime = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const windowText = /^(\w{3}) (\d\d:\d\d)-(\d\d:\d\d)$/;

const oneOf = <T extends string>(allowed: readonly T[], value: string | undefined): T | undefined =>
  allowed.find((item) => item === value);

const trimmed = (value: string | undefined): string | undefined => {
  const text = value?.trim() ?? "";
  return text === "" ? undefined : text;
};

function levelOf(value: string | undefined): number | undefined {
  const level = Number(value);
  return Number.isInteger(level) && level >= 1 && level <= 5 ? level : undefined;
}

/** Any number: one the API refuses (negative, too far) comes back with its sentence next to the field. */
function kmOf(value: string | undefined): number | undefined {
  if (trimmed(value) === undefined) return undefined;
  const km = Number(value);
  return Number.isFinite(km) ? km : undefined;
}

export function timeWindowOf(day: string | undefined, from: string | undefined, to: string | undefined) {
  const weekday = oneOf(weekdays, day);
  if (weekday === undefined || from === undefined || to === undefined) return undefined;
  if (!clockTime.test(from) || !clockTime.test(to)) return undefined;
  return { day: weekday, from, to } satisfies TimeWindow;
}

export const timeWindowText = (window: TimeWindow) => `${window.day} ${window.from}-${window.to}`;

/**
 * The filters an address says. Lenient: a value the page cannot mean (an old or hand-edited link) is left out
 * rather than sent to be refused, since nobody typed it in the form to be told about it.
 */
export function filtersFromQuery(query: Query): PeopleFilters {
  const available = windowText.exec(query["available"] ?? "");
  return {
    q: query["q"]?.trim() ?? "",
    category: trimmed(query["category"]),
    direction: oneOf(["teach", "learn"], query["direction"]),
    minLevel: levelOf(query["minLevel"]),
    near: trimmed(query["near"]),
    km: kmOf(query["km"]),
    mode: oneOf(["online", "in_person"], query["mode"]),
    community: trimmed(query["community"]),
    available: available === null ? undefined : timeWindowOf(available[1], available[2], available[3]),
    sort: oneOf(sorts, query["sort"]),
  };
}

/** The filters as the search form submitted them: what the person typed, for the API to judge. */
export function filtersFromForm(form: FormData): PeopleFilters {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  return {
    ...filtersFromQuery({
      q: text("q"),
      category: text("category"),
      direction: text("direction"),
      minLevel: text("minLevel"),
      near: text("near"),
      km: text("km"),
      mode: text("mode"),
      community: text("community"),
      sort: text("sort"),
    }),
    available: timeWindowOf(text("day"), text("from"), text("to")),
  };
}

function entriesOf(filters: PeopleFilters): [string, string][] {
  const entries: [string, string | undefined][] = [
    ["q", filters.q === "" ? undefined : filters.q],
    ["category", filters.category],
    ["direction", filters.direction],
    ["minLevel", filters.minLevel?.toString()],
    ["near", filters.near],
    ["km", filters.km?.toString()],
    ["mode", filters.mode],
    ["community", filters.community],
    ["available", filters.available === undefined ? undefined : timeWindowText(filters.available)],
    ["sort", filters.sort],
  ];
  return entries.filter((entry): entry is [string, string] => entry[1] !== undefined);
}

/** The page's address for a search: `/people` with its filters, in a fixed order. */
export function addressOf(filters: PeopleFilters): string {
  const query = new URLSearchParams(entriesOf(filters)).toString();
  return query === "" ? "/people" : `/people?${query}`;
}

/** GET /api/v1/people's query string for a page of the search. */
export function apiQueryOf(filters: PeopleFilters, page: { limit: number; cursor?: string | undefined }): string {
  const entries = entriesOf(filters);
  entries.push(["limit", String(page.limit)]);
  if (page.cursor !== undefined) entries.push(["cursor", page.cursor]);
  return new URLSearchParams(entries).toString();
}

/** Whether a search says anything beyond its order: an empty one lists everybody. */
export const isFiltered = (filters: PeopleFilters) => entriesOf({ ...filters, sort: undefined }).length > 0;
