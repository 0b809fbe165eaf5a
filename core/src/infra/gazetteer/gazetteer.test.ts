import { describe, expect, it } from "vitest";
import type { GeocodeResult, Place } from "../../ports/geocoder.js";
import { readAlternateNames } from "./alternate-names.js";
import { distanceKm } from "./distance.js";
import { fold } from "./fold.js";
import { GazetteerGeocoder } from "./gazetteer.js";

const geocoder = new GazetteerGeocoder();

function found(query: string): Place {
  const result = geocoder.resolve(query);
  if (result.kind !== "found") throw new Error(`${query}: expected one place, got ${result.kind}`);
  return result.place;
}

function candidates(query: string): readonly Place[] {
  const result: GeocodeResult = geocoder.resolve(query);
  if (result.kind !== "ambiguous") throw new Error(`${query}: expected candidates, got ${result.kind}`);
  return result.candidates;
}

const populations = (places: readonly Place[]) => places.map((place) => place.population);
const nameAndCountry = (place: Place) => `${place.name}, ${place.country}`;
const descending = (values: readonly number[]) => [...values].sort((a, b) => b - a);

describe("resolving a city", () => {
  it("picks Paris, France for a plain 'Paris'", () => {
    expect(found("Paris")).toMatchObject({ name: "Paris", country: "FR" });
  });

  it("picks London, GB for a plain 'London'", () => {
    expect(found("London")).toMatchObject({ name: "London", country: "GB" });
  });

  it("finds Lyon in France", () => {
    expect(found("Lyon")).toMatchObject({ name: "Lyon", country: "FR" });
  });

  it("ignores accents and case: 'São Paulo', 'sao paulo' and 'SAO-PAULO' are the Brazilian city", () => {
    const saoPaulo = found("São Paulo");
    expect(saoPaulo).toMatchObject({ name: "São Paulo", country: "BR" });
    expect(found("sao paulo")).toEqual(saoPaulo);
    expect(found("SAO-PAULO")).toEqual(saoPaulo);
  });

  it("folds letters without a decomposed accent: 'Lodz' is Łódź, 'zurich' is Zürich", () => {
    expect(found("Lodz")).toMatchObject({ name: "Łódź", country: "PL" });
    expect(found("zurich")).toMatchObject({ name: "Zürich", country: "CH" });
  });

  it("keeps only US places for 'paris, us', the most populous US Paris (Texas) first", () => {
    const parises = candidates("paris, us");
    expect(parises[0]).toMatchObject({ name: "Paris", country: "US", region: "TX" });
    expect(parises.every((place) => place.country === "US")).toBe(true);
  });

  it("narrows by country name: 'Lyon, France'", () => {
    expect(found("Lyon, France").country).toBe("FR");
  });

  it("narrows by country and admin1 code: 'Portland, US-OR' and 'Portland, US-ME'", () => {
    expect(found("Portland, US-OR")).toMatchObject({ country: "US", region: "OR" });
    expect(found("Portland, US-ME")).toMatchObject({ country: "US", region: "ME" });
  });

  it("reads a bare code as a country or a region: 'Portland, ME' is Maine (not Montenegro), 'London, CA' is Ontario", () => {
    expect(found("Portland, ME")).toMatchObject({ country: "US", region: "ME" });
    expect(found("London, CA")).toMatchObject({ country: "CA", region: "08" });
  });

  it("picks Portland, Oregon for a plain 'Portland': it is 9.5× Portland, Maine, past the 5× bar", () => {
    expect(found("Portland")).toMatchObject({ country: "US", region: "OR" });
  });

  it("offers up to 10 candidates, most populous first, when no match dominates ('Springfield')", () => {
    const springfields = candidates("Springfield");
    expect(springfields.length).toBe(10);
    expect(springfields.every((place) => place.name === "Springfield")).toBe(true);
    expect(springfields.slice(0, 3).map((place) => place.region)).toEqual(["MO", "MA", "IL"]);
    expect(populations(springfields)).toEqual(descending(populations(springfields)));
  });

  it("finds nothing for an unknown place, a blank query or a qualifier matching nothing", () => {
    expect(geocoder.resolve("Xyzzyville")).toEqual({ kind: "not_found" });
    expect(geocoder.resolve("")).toEqual({ kind: "not_found" });
    expect(geocoder.resolve("  , FR")).toEqual({ kind: "not_found" });
    expect(geocoder.resolve("Lyon, JP")).toEqual({ kind: "not_found" });
  });

  it("does not take a country code for a city name ('GB', 'fr')", () => {
    expect(geocoder.resolve("GB")).toEqual({ kind: "not_found" });
    expect(geocoder.resolve("fr")).toEqual({ kind: "not_found" });
  });
});

describe("resolving a city by another of its names", () => {
  it.each([
    ["New York", "New York City"],
    ["NYC", "New York City"],
    ["München", "Munich"],
    ["Wien", "Vienna"],
    ["Bangalore", "Bengaluru"],
    ["Bombay", "Mumbai"],
    ["Sao Paulo", "São Paulo"],
    ["Köln", "Cologne"],
    ["Saint Petersburg", "St Petersburg"],
    ["Leningrad", "Saint Petersburg"],
  ])("finds '%s' as '%s'", (typed, named) => {
    expect(found(typed)).toEqual(found(named));
  });

  it("finds Köln as 'Köln' and as 'Cologne': the Cologne of 7,000 people in Italy is outweighed", () => {
    expect(found("Köln")).toMatchObject({ name: "Köln", country: "DE" });
    expect(found("Cologne")).toEqual(found("Köln"));
  });

  it("reads 'St' as 'Saint': 'St Petersburg' is Russia's, twenty times Florida's, found by naming its state", () => {
    expect(found("St Petersburg")).toMatchObject({ name: "Saint Petersburg", country: "RU" });
    expect(found("St. Petersburg")).toEqual(found("Saint-Petersburg"));
    expect(found("St. Petersburg, FL")).toMatchObject({ name: "St. Petersburg", country: "US", region: "FL" });
    expect(found("Saint Petersburg, US-FL")).toEqual(found("St. Petersburg, FL"));
    expect(found("Mount Isa")).toEqual(found("Mt Isa"));
  });

  it("asks rather than give a town's own name to a far bigger city also called so: 'Vienne', 'Jork'", () => {
    expect(candidates("Vienne").map(nameAndCountry)).toEqual(["Vienna, AT", "Vienne, FR"]);
    expect(candidates("Jork").map(nameAndCountry)).toEqual(["York, GB", "Jork, DE"]);
  });

  it("gives a village's name to a world city also called so: 'Madras' is Chennai, not Madras, Oregon", () => {
    expect(found("Madras")).toEqual(found("Chennai"));
  });

  it("applies qualifiers to other names too: 'Bombay, IN' is Mumbai, 'Bombay, FR' is nothing", () => {
    expect(found("Bombay, IN")).toEqual(found("Mumbai"));
    expect(geocoder.resolve("Bombay, FR")).toEqual({ kind: "not_found" });
  });

  it("offers every city another name may mean when none dominates ('Kordoba')", () => {
    const cordobas = candidates("Kordoba");
    expect(cordobas.map((place) => place.country)).toEqual(["AR", "ES", "MX"]);
    expect(cordobas.every((place) => place.name === "Córdoba")).toBe(true);
  });

  it("stores every other name folded the way queries are, for cities it knows", () => {
    const cities = readAlternateNames();
    expect(cities.length).toBeGreaterThan(5000);
    const unknown = cities.filter(({ geonameId }) => geocoder.byId(geonameId) === undefined);
    const unfolded = cities.flatMap(({ names }) => names.filter((name) => fold(name) !== name || name === ""));
    expect({ unknown, unfolded }).toEqual({ unknown: [], unfolded: [] });
  });
});

describe("looking a place up by GeoNames id", () => {
  it("returns the same place that resolving gave", () => {
    const lyon = found("Lyon");
    expect(geocoder.byId(lyon.geonameId)).toEqual(lyon);
  });

  it("returns undefined for an id it does not know", () => {
    expect(geocoder.byId(1)).toBeUndefined();
  });
});

describe("suggesting cities while typing", () => {
  it("puts Berlin first for 'ber'", () => {
    expect(geocoder.suggest("ber", 5)[0]).toMatchObject({ name: "Berlin", country: "DE" });
  });

  it("returns at most `limit` places, most populous first, accent-insensitively", () => {
    const suggestions = geocoder.suggest("SAO P", 5);
    expect(suggestions).toHaveLength(5);
    expect(suggestions[0]).toMatchObject({ name: "São Paulo", country: "BR" });
    expect(populations(suggestions)).toEqual(descending(populations(suggestions)));
  });

  it("suggests a city by another of its names once most of it is typed: 'Münch' is Munich", () => {
    expect(geocoder.suggest("Münch", 5)[0]).toMatchObject({ name: "Munich", country: "DE" });
    expect(geocoder.suggest("wie", 5)[0]).toMatchObject({ name: "Vienna", country: "AT" });
  });

  it("lists a city once when several of its names start with what is typed ('vien': Vienna, Vienne)", () => {
    const suggestions = geocoder.suggest("vien", 25);
    expect(suggestions.filter((place) => place.name === "Vienna" && place.country === "AT")).toHaveLength(1);
  });

  it("suggests nothing for an empty prefix or a zero limit", () => {
    expect(geocoder.suggest("", 5)).toEqual([]);
    expect(geocoder.suggest("ber", 0)).toEqual([]);
  });
});

describe("distances", () => {
  it("measures Paris to London at about 344 km", () => {
    expect(Math.abs(distanceKm(found("Paris"), found("London")) - 344)).toBeLessThanOrEqual(5);
  });

  it("is zero from a place to itself and symmetric", () => {
    const lyon = found("Lyon");
    const lisbon = found("Lisbon");
    expect(distanceKm(lyon, lyon)).toBe(0);
    expect(distanceKm(lyon, lisbon)).toBeCloseTo(distanceKm(lisbon, lyon), 9);
  });
});
