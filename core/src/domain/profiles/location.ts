import { invalid } from "../../errors.js";
import type { Tx } from "../../infra/prisma/database.js";
import { translate } from "../../messages/index.js";
import type { Geocoder, Place } from "../../ports/geocoder.js";

function describe(place: Place): string {
  return [place.name, place.region, place.country].filter((part) => part !== "").join(", ");
}

/** One place for what a person typed; an unknown or ambiguous city is an error on `field`. */
export function resolvePlace(
  geocoder: Geocoder,
  input: string | { geonameId: number },
  field = "location",
  code = "PROFILE",
): Place {
  if (typeof input !== "string") {
    const place = geocoder.byId(input.geonameId);
    if (place === undefined) {
      throw invalid(`${code}.UNKNOWN_CITY`, [
        { field, message: translate("field.city_unknown", { query: String(input.geonameId) }) },
      ]);
    }
    return place;
  }
  const result = geocoder.resolve(input);
  switch (result.kind) {
    case "found":
      return result.place;
    case "not_found":
      throw invalid(`${code}.UNKNOWN_CITY`, [{ field, message: translate("field.city_unknown", { query: input }) }]);
    case "ambiguous": {
      const candidates = result.candidates.map(({ geonameId, name, region, country }) => ({
        geonameId,
        name,
        region,
        country,
      }));
      const message = translate("field.city_ambiguous", {
        query: input,
        candidates: result.candidates.map(describe).join("; "),
      });
      throw invalid(`${code}.AMBIGUOUS_CITY`, [{ field, message, candidates }]);
    }
  }
}

/** Resolves a typed city offline and stores it once in Location; returns the Location id to point at. */
export async function resolveLocation(
  tx: Tx,
  geocoder: Geocoder,
  input: string | { geonameId: number },
): Promise<string> {
  const place = resolvePlace(geocoder, input);
  const id = `geonames:${place.geonameId}`;
  await tx.location.upsert({
    where: { id },
    create: {
      id,
      geonameId: place.geonameId,
      name: place.name,
      region: place.region,
      country: place.country,
      latitude: place.latitude,
      longitude: place.longitude,
    },
    update: {},
  });
  return id;
}
