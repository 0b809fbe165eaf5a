// What `npm run bench` needs from core beyond the public use cases: the pure ranking and a full profile scan,
// for the naive baseline. Not part of the product API.
export { loadAllMatchProfiles } from "./domain/matching/pool.js";
export { recommendPairs } from "./domain/matching/recommend.js";
export { seededRandom } from "./seed/random.js";
