export interface Place {
  readonly geonameId: number;
  readonly name: string;
  readonly region: string;
  readonly country: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly population: number;
}

export type GeocodeResult =
  | { readonly kind: "found"; readonly place: Place }
  | { readonly kind: "ambiguous"; readonly candidates: readonly Place[] }
  | { readonly kind: "not_found" };

export interface Geocoder {
  /** Resolves a free-text city ("Lyon", "Paris, FR", "Portland, US-OR", "São Paulo", "sao paulo") to one place or candidates. */
  resolve(query: string): GeocodeResult;
  byId(geonameId: number): Place | undefined;
  /** Prefix autocomplete for city pickers, most populous first. */
  suggest(prefix: string, limit: number): readonly Place[];
}
