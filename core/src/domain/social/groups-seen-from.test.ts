import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCore, newCommunity, newPerson, testProviders, type TestCore } from "../../testing/index.js";

describe.each(testProviders())("the groups a person sees from inside a community, on %s", (provider) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await createTestCore(provider);
  });
  afterAll(() => core.close());

  it("shows that community's groups and the open ones, not those of their other communities", async () => {
    const maya = await newPerson(core, "Maya");
    const [here, elsewhere] = [await newCommunity(core, [maya]), await newCommunity(core, [maya])];
    await core.services.groups.create(maya, { name: "Flamenco here", communityId: here });
    await core.services.groups.create(maya, { name: "Chess elsewhere", communityId: elsewhere });
    await core.services.groups.create(maya, { name: "Open knitting" });

    const seen = await core.services.groups.list(maya, { seenFrom: here });
    expect(seen.map((g) => g.name)).toEqual(["Flamenco here", "Open knitting"]);
    expect((await core.services.groups.list(maya)).map((g) => g.name)).toEqual([
      "Chess elsewhere",
      "Flamenco here",
      "Open knitting",
    ]);
  });
});
