// What `npm run bench` needs from core beyond the public use cases: the pure ranking and a full profile scan,
// for the naive baseline. Not part of the product API.
export { loadAllMatchProfiles } from "./domain/matching/pool.js";
export { recommendPairs } from "./domain/matching/recommend.js";
export { defaultLevelPolicy } from "./domain/matching/rules.js";
export { seededRandom } from "./seed/random.js";
// People search: the documents the index is built from (MiniSearch is built from the same), the catalog and
// the synthetic names, to draw realistic queries.
export { loadAllDocuments } from "./domain/search/documents.js";
export { catalogCategories, catalogSkills } from "./domain/skills/catalog-data.js";
export { firstNames, lastNames } from "./seed/demo-people.js";
