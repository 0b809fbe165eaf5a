import type { Tx } from "../infra/prisma/database.js";
import type { Geocoder } from "../ports/geocoder.js";
import { resolveLocation } from "../domain/profiles/location.js";

/** Real cities on every continent, with the IANA zone people there live in. `query` is what the gazetteer resolves. */
export const seedCities: ReadonlyArray<{ query: string; timeZone: string }> = [
  { query: "Paris, FR", timeZone: "Europe/Paris" },
  { query: "Lyon, FR", timeZone: "Europe/Paris" },
  { query: "Marseille, FR", timeZone: "Europe/Paris" },
  { query: "Berlin, DE", timeZone: "Europe/Berlin" },
  { query: "Munich, DE", timeZone: "Europe/Berlin" },
  { query: "Hamburg, DE", timeZone: "Europe/Berlin" },
  { query: "London, GB", timeZone: "Europe/London" },
  { query: "Manchester, GB", timeZone: "Europe/London" },
  { query: "Edinburgh, GB", timeZone: "Europe/London" },
  { query: "Dublin, IE", timeZone: "Europe/Dublin" },
  { query: "Madrid, ES", timeZone: "Europe/Madrid" },
  { query: "Barcelona, ES", timeZone: "Europe/Madrid" },
  { query: "Valencia, ES", timeZone: "Europe/Madrid" },
  { query: "Lisbon, PT", timeZone: "Europe/Lisbon" },
  { query: "Porto, PT", timeZone: "Europe/Lisbon" },
  { query: "Amsterdam, NL", timeZone: "Europe/Amsterdam" },
  { query: "Rotterdam, NL", timeZone: "Europe/Amsterdam" },
  { query: "Brussels, BE", timeZone: "Europe/Brussels" },
  { query: "Zurich, CH", timeZone: "Europe/Zurich" },
  { query: "Vienna, AT", timeZone: "Europe/Vienna" },
  { query: "Rome, IT", timeZone: "Europe/Rome" },
  { query: "Milan, IT", timeZone: "Europe/Rome" },
  { query: "Copenhagen, DK", timeZone: "Europe/Copenhagen" },
  { query: "Stockholm, SE", timeZone: "Europe/Stockholm" },
  { query: "Oslo, NO", timeZone: "Europe/Oslo" },
  { query: "Helsinki, FI", timeZone: "Europe/Helsinki" },
  { query: "Warsaw, PL", timeZone: "Europe/Warsaw" },
  { query: "Prague, CZ", timeZone: "Europe/Prague" },
  { query: "Budapest, HU", timeZone: "Europe/Budapest" },
  { query: "Athens, GR", timeZone: "Europe/Athens" },
  { query: "Istanbul, TR", timeZone: "Europe/Istanbul" },
  { query: "Kyiv, UA", timeZone: "Europe/Kyiv" },
  { query: "New York City, US", timeZone: "America/New_York" },
  { query: "Boston, US", timeZone: "America/New_York" },
  { query: "Chicago, US", timeZone: "America/Chicago" },
  { query: "Austin, US", timeZone: "America/Chicago" },
  { query: "Denver, US", timeZone: "America/Denver" },
  { query: "Seattle, US", timeZone: "America/Los_Angeles" },
  { query: "San Francisco, US", timeZone: "America/Los_Angeles" },
  { query: "Los Angeles, US", timeZone: "America/Los_Angeles" },
  { query: "Toronto, CA", timeZone: "America/Toronto" },
  { query: "Montreal, CA", timeZone: "America/Toronto" },
  { query: "Vancouver, CA", timeZone: "America/Vancouver" },
  { query: "Mexico City, MX", timeZone: "America/Mexico_City" },
  { query: "Bogota, CO", timeZone: "America/Bogota" },
  { query: "Lima, PE", timeZone: "America/Lima" },
  { query: "Santiago, CL", timeZone: "America/Santiago" },
  { query: "Buenos Aires, AR", timeZone: "America/Argentina/Buenos_Aires" },
  { query: "Sao Paulo, BR", timeZone: "America/Sao_Paulo" },
  { query: "Rio de Janeiro, BR", timeZone: "America/Sao_Paulo" },
  { query: "Tokyo, JP", timeZone: "Asia/Tokyo" },
  { query: "Osaka, JP", timeZone: "Asia/Tokyo" },
  { query: "Seoul, KR", timeZone: "Asia/Seoul" },
  { query: "Singapore, SG", timeZone: "Asia/Singapore" },
  { query: "Bengaluru, IN", timeZone: "Asia/Kolkata" },
  { query: "Mumbai, IN", timeZone: "Asia/Kolkata" },
  { query: "Bangkok, TH", timeZone: "Asia/Bangkok" },
  { query: "Sydney, AU", timeZone: "Australia/Sydney" },
  { query: "Melbourne, AU", timeZone: "Australia/Melbourne" },
  { query: "Auckland, NZ", timeZone: "Pacific/Auckland" },
  { query: "Cape Town, ZA", timeZone: "Africa/Johannesburg" },
  { query: "Nairobi, KE", timeZone: "Africa/Nairobi" },
  { query: "Lagos, NG", timeZone: "Africa/Lagos" },
];

export interface SeedCity {
  readonly locationId: string;
  readonly name: string;
  readonly timeZone: string;
}

/** Resolves the seed cities through the gazetteer once and stores their Location rows. */
export async function storeSeedCities(tx: Tx, geocoder: Geocoder, count = seedCities.length): Promise<SeedCity[]> {
  const stored: SeedCity[] = [];
  for (const city of seedCities.slice(0, count)) {
    const locationId = await resolveLocation(tx, geocoder, city.query);
    stored.push({ locationId, name: city.query.split(",")[0] ?? city.query, timeZone: city.timeZone });
  }
  return stored;
}
