import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCore, newCommunity, newPublicPerson, testProviders, type TestCore } from "../../testing/index.js";
import type { Actor } from "../shared/actor.js";

type Person = Actor & { handle: string };

describe.each(testProviders())("someone's profile, seen by a signed-in person, on %s", (provider) => {
  let core: TestCore;
  let ana: Person;
  let bea: Person;
  let cy: Person;
  const seenBy = (viewer: Actor | null, owner: Person) => core.services.profiles.get(viewer, owner.handle);

  beforeAll(async () => {
    core = await createTestCore(provider);
    ana = await newPublicPerson(core, "ana");
    bea = await newPublicPerson(core, "bea");
    cy = await newPublicPerson(core, "cy");
  });
  afterAll(() => core.close());

  it("tells the viewer whether they follow the person, and whether the person follows them", async () => {
    expect((await seenBy(ana, bea)).relation).toMatchObject({ youFollow: false, followsYou: false });
    await core.services.follows.follow(ana, { handle: bea.handle });
    expect((await seenBy(ana, bea)).relation).toMatchObject({ youFollow: true, followsYou: false });
    expect((await seenBy(bea, ana)).relation).toMatchObject({ youFollow: false, followsYou: true });
    await core.services.follows.follow(bea, { handle: ana.handle });
    expect((await seenBy(bea, ana)).relation).toMatchObject({ youFollow: true, followsYou: true });
    expect((await seenBy(cy, ana)).relation).toMatchObject({ youFollow: false, followsYou: false });
  });

  it("names the communities and groups both belong to, and none that only one of them is in", async () => {
    await newCommunity(core, [ana, bea]);
    await newCommunity(core, [ana, cy]);
    const both = await core.services.groups.create(ana, { name: "Weekend chess" });
    await core.services.groups.join(bea, both.id);
    await core.services.groups.create(ana, { name: "Anas own circle" });

    const relation = (await seenBy(bea, ana)).relation;
    expect(relation?.communitiesInCommon).toHaveLength(1);
    expect(relation?.groupsInCommon).toEqual(["Weekend chess"]);
    expect((await seenBy(cy, bea)).relation).toMatchObject({ communitiesInCommon: [], groupsInCommon: [] });
  });

  it("says nothing about a relation to the owner, or to a visitor who is not signed in", async () => {
    expect((await core.services.profiles.me(ana)).relation).toBeNull();
    expect((await seenBy(ana, ana)).relation).toBeNull();
    expect((await seenBy(null, ana)).relation).toBeNull();
  });
});
