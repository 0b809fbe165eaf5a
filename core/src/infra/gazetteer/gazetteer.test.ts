import { describe, expect, it } from "vitest";
import { distanceKm } from "./distance.js";
import { GazetteerGeocoder } from "./gazetteer.js";

const geocoder = new GazetteerGeocoder();
const found = (query: string) => {
  const result = geocoder.resolve(query);
  if (result.kind !== "found") throw new Error(`${query}: expected one place, got ${result.kind}`);
  return result.place;
};

describe("resolving a city", () => {
  it("picks Paris, France for a plain 'Paris' and London, GB for 'London'", () => {
    expect(found("Paris")).toMatchObject({ name: "Paris", country: "FR" });
    expect(found("London")).toMatchObject({ name: "London", country: "GB" });
  });

  it("ignores accents and case", () => {
    expect(found("São Paulo").geonameId).toBe(found("sao paulo").geonameId);
    expect(found("SAO PAULO").country).toBe("BR");
  });

  it("narrows by country code, country name or country-region", () => {
    expect(found("Lyon, France").country).toBe("FR");
    expect(found("Portland, US-ME")).toMatchObject({ name: "Portland", region: "ME" });
    expect(found("Portland, US-OR")).toMatchObject({ name: "Portland", region: "OR" });
  });

  it("offers candidates, biggest first, when a name is truly ambiguous", () => {
    const result = geocoder.resolve("Springfield");
    expect(result.kind).toBe("ambiguous");
    if (result.kind !== "ambiguous") return;
    expect(result.candidates.length).toBeGreaterThan(2);
    expect(result.candidates.length).toBeLessThanOrEqual(10);
    expect(result.candidates.every((c) => c.name === "Springfield")).toBe(true);
    const populations = result.candidates.map((c) => c.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it("finds nothing for unknown places or a blank query", () => {
    expect(geocoder.resolve("Xyzzyville")).toEqual({ kind: "not_found" });
    expect(geocoder.resolve("   ")).toEqual({ kind: "not_found" });
  });

  it("looks places up again by their GeoNames id", () => {
    const lyon = found("Lyon");
    expect(geocoder.byId(lyon.geonameId)).toEqual(lyon);
  });

  it("autocompletes city names, most populous first", () => {
    expect(geocoder.suggest("ber", 5)[0]).toMatchObject({ name: "Berlin", country: "DE" });
    expect(geocoder.suggest("", 5)).toEqual([]);
  });
});

describe("distances", () => {
  it("measures Paris to London at about 344 km", () => {
    expect(distanceKm(found("Paris"), found("London"))).toBeCloseTo(344, -1);
  });

  it("is zero from a place to itself", () => {
    expect(distanceKm(found("Lyon"), found("Lyon"))).toBe(0);
  });
});
