export { createTestCore, ManualClock, testProviders, type TestCore } from "./test-core.js";
export { freshPostgresDatabase } from "./postgres.js";
export { acceptedSwap, block, newCommunity, newPerson, newPublicPerson } from "./people.js";
export { domainErrorOf, rejectedFields } from "./errors.js";
export { seedPeople, type PersonSpec } from "./fixture.js";
export { requestOfferedCycle } from "./cycles.js";
