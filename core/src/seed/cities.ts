import type { Tx } from "../infra/prisma/database.js";
import type { Geocoder } from "../ports/geocoder.js";
import { resolveLocation } from "../domain/profiles/location.js";

/**
 * Real cities on every continent, with the IANA zone people there live in and the language most of them speak
 * (BCP 47). `query` is what the gazetteer resolves.
 */
export const seedCities: ReadonlyArray<{ query: string; timeZone: string; language: string }> = [
  { query: "Paris, FR", timeZone: "Europe/Paris", language: "fr" },
  { query: "Lyon, FR", timeZone: "Europe/Paris", language: "fr" },
  { query: "Marseille, FR", timeZone: "Europe/Paris", language: "fr" },
  { query: "Berlin, DE", timeZone: "Europe/Berlin", language: "de" },
  { query: "Munich, DE", timeZone: "Europe/Berlin", language: "de" },
  { query: "Hamburg, DE", timeZone: "Europe/Berlin", language: "de" },
  { query: "London, GB", timeZone: "Europe/London", language: "en" },
  { query: "Manchester, GB", timeZone: "Europe/London", language: "en" },
  { query: "Edinburgh, GB", timeZone: "Europe/London", language: "en" },
  { query: "Dublin, IE", timeZone: "Europe/Dublin", language: "en" },
  { query: "Madrid, ES", timeZone: "Europe/Madrid", language: "es" },
  { query: "Barcelona, ES", timeZone: "Europe/Madrid", language: "es" },
  { query: "Valencia, ES", timeZone: "Europe/Madrid", language: "es" },
  { query: "Lisbon, PT", timeZone: "Europe/Lisbon", language: "pt" },
  { query: "Porto, PT", timeZone: "Europe/Lisbon", language: "pt" },
  { query: "Amsterdam, NL", timeZone: "Europe/Amsterdam", language: "nl" },
  { query: "Rotterdam, NL", timeZone: "Europe/Amsterdam", language: "nl" },
  { query: "Brussels, BE", timeZone: "Europe/Brussels", language: "fr" },
  { query: "Zurich, CH", timeZone: "Europe/Zurich", language: "de" },
  { query: "Vienna, AT", timeZone: "Europe/Vienna", language: "de" },
  { query: "Rome, IT", timeZone: "Europe/Rome", language: "it" },
  { query: "Milan, IT", timeZone: "Europe/Rome", language: "it" },
  { query: "Copenhagen, DK", timeZone: "Europe/Copenhagen", language: "da" },
  { query: "Stockholm, SE", timeZone: "Europe/Stockholm", language: "sv" },
  { query: "Oslo, NO", timeZone: "Europe/Oslo", language: "nb" },
  { query: "Helsinki, FI", timeZone: "Europe/Helsinki", language: "fi" },
  { query: "Warsaw, PL", timeZone: "Europe/Warsaw", language: "pl" },
  { query: "Prague, CZ", timeZone: "Europe/Prague", language: "cs" },
  { query: "Budapest, HU", timeZone: "Europe/Budapest", language: "hu" },
  { query: "Athens, GR", timeZone: "Europe/Athens", language: "el" },
  { query: "Istanbul, TR", timeZone: "Europe/Istanbul", language: "tr" },
  { query: "Kyiv, UA", timeZone: "Europe/Kyiv", language: "uk" },
  { query: "New York City, US", timeZone: "America/New_York", language: "en" },
  { query: "Boston, US", timeZone: "America/New_York", language: "en" },
  { query: "Chicago, US", timeZone: "America/Chicago", language: "en" },
  { query: "Austin, US", timeZone: "America/Chicago", language: "en" },
  { query: "Denver, US", timeZone: "America/Denver", language: "en" },
  { query: "Seattle, US", timeZone: "America/Los_Angeles", language: "en" },
  { query: "San Francisco, US", timeZone: "America/Los_Angeles", language: "en" },
  { query: "Los Angeles, US", timeZone: "America/Los_Angeles", language: "en" },
  { query: "Toronto, CA", timeZone: "America/Toronto", language: "en" },
  { query: "Montreal, CA", timeZone: "America/Toronto", language: "fr" },
  { query: "Vancouver, CA", timeZone: "America/Vancouver", language: "en" },
  { query: "Mexico City, MX", timeZone: "America/Mexico_City", language: "es" },
  { query: "Bogota, CO", timeZone: "America/Bogota", language: "es" },
  { query: "Lima, PE", timeZone: "America/Lima", language: "es" },
  { query: "Santiago, CL", timeZone: "America/Santiago", language: "es" },
  { query: "Buenos Aires, AR", timeZone: "America/Argentina/Buenos_Aires", language: "es" },
  { query: "Sao Paulo, BR", timeZone: "America/Sao_Paulo", language: "pt" },
  { query: "Rio de Janeiro, BR", timeZone: "America/Sao_Paulo", language: "pt" },
  { query: "Tokyo, JP", timeZone: "Asia/Tokyo", language: "ja" },
  { query: "Osaka, JP", timeZone: "Asia/Tokyo", language: "ja" },
  { query: "Seoul, KR", timeZone: "Asia/Seoul", language: "ko" },
  { query: "Singapore, SG", timeZone: "Asia/Singapore", language: "en" },
  { query: "Bengaluru, IN", timeZone: "Asia/Kolkata", language: "kn" },
  { query: "Mumbai, IN", timeZone: "Asia/Kolkata", language: "mr" },
  { query: "Bangkok, TH", timeZone: "Asia/Bangkok", language: "th" },
  { query: "Sydney, AU", timeZone: "Australia/Sydney", language: "en" },
  { query: "Melbourne, AU", timeZone: "Australia/Melbourne", language: "en" },
  { query: "Auckland, NZ", timeZone: "Pacific/Auckland", language: "en" },
  { query: "Cape Town, ZA", timeZone: "Africa/Johannesburg", language: "en" },
  { query: "Nairobi, KE", timeZone: "Africa/Nairobi", language: "sw" },
  { query: "Lagos, NG", timeZone: "Africa/Lagos", language: "en" },
];

export interface SeedCity {
  readonly locationId: string;
  readonly name: string;
  readonly timeZone: string;
  readonly language: string;
}

/** Resolves the seed cities through the gazetteer once and stores their Location rows. */
export async function storeSeedCities(tx: Tx, geocoder: Geocoder, count = seedCities.length): Promise<SeedCity[]> {
  const stored: SeedCity[] = [];
  for (const city of seedCities.slice(0, count)) {
    const locationId = await resolveLocation(tx, geocoder, city.query);
    stored.push({
      locationId,
      name: city.query.split(",")[0] ?? city.query,
      timeZone: city.timeZone,
      language: city.language,
    });
  }
  return stored;
}
