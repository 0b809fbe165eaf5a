import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCore, newCommunity, newPerson, testProviders, type TestCore } from "../../testing/index.js";

describe.each(testProviders())("the groups a person sees, with their own role in each, on %s", (provider) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await createTestCore(provider);
  });
  afterAll(() => core.close());

  it("says which groups I own, moderate or belong to, and that I am in none of the others", async () => {
    const [ines, joe] = [await newPerson(core, "Ines"), await newPerson(core, "Joe")];
    const community = await newCommunity(core, [ines, joe]);
    const g = core.services.groups;
    const pottery = await g.create(ines, { name: "Pottery wheel", communityId: community });
    const poetry = await g.create(joe, { name: "Poetry slam", communityId: community });
    await g.create(joe, { name: "Pinhole cameras", communityId: community });
    await g.join(ines, poetry.slug);
    await g.join(joe, pottery.slug);
    await g.setRole(ines, pottery.slug, { handle: joe.handle, role: "moderator" });

    const roles = async (who: typeof ines) =>
      (await g.browse(who, { communityId: community })).items.map((x) => [x.name, x.myRole]);
    expect(await roles(ines)).toEqual([
      ["Pinhole cameras", null],
      ["Poetry slam", "member"],
      ["Pottery wheel", "owner"],
    ]);
    expect(await roles(joe)).toEqual([
      ["Pinhole cameras", "owner"],
      ["Poetry slam", "owner"],
      ["Pottery wheel", "moderator"],
    ]);
    expect((await g.list(ines, { communityId: community })).map((x) => x.myRole)).toEqual([null, "member", "owner"]);
  });

  it("keeps each page's roles with its groups, page after page", async () => {
    const [kim, lou] = [await newPerson(core, "Kim"), await newPerson(core, "Lou")];
    const community = await newCommunity(core, [kim, lou]);
    const g = core.services.groups;
    for (const name of ["Abacus club", "Bonsai club", "Calligraphy club"])
      await g.create(name === "Bonsai club" ? kim : lou, { name, communityId: community });

    const first = await g.browse(kim, { communityId: community, limit: 2 });
    const rest = await g.browse(kim, { communityId: community, limit: 2, cursor: first.nextCursor ?? "" });
    expect([...first.items, ...rest.items].map((x) => [x.name, x.myRole])).toEqual([
      ["Abacus club", null],
      ["Bonsai club", "owner"],
      ["Calligraphy club", null],
    ]);
  });

  it("answers a join or a start with my role there: member once joined, owner of what I started", async () => {
    const [mo, nia] = [await newPerson(core, "Mo"), await newPerson(core, "Nia")];
    const started = await core.services.groups.create(mo, { name: "Mo's marathon" });
    expect(started).toMatchObject({ members: 1, myRole: "owner" });
    expect(await core.services.groups.join(nia, started.id)).toMatchObject({ members: 2, myRole: "member" });
    expect(await core.services.groups.join(mo, started.id)).toMatchObject({ members: 2, myRole: "owner" });
  });
});
