import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestCore,
  domainErrorOf,
  newCommunity,
  newPerson,
  rejectedFields,
  testProviders,
  type TestCore,
} from "../../testing/index.js";

for (const provider of testProviders()) {
  describe(`skill proposals awaiting review on ${provider}`, () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    it("shows a community's admins its pending proposals, oldest first, page by page, until decided", async () => {
      const jo = await newPerson(core, "Jo");
      const admin = await newPerson(core, "Admin");
      const communityId = await newCommunity(core, [jo], [admin]);
      const names = ["Sourdough baking", "Kite repair", "Bonsai pruning"];
      for (const name of names) {
        await core.services.skills.propose(jo, { name, category: "life-skills" });
        core.clock.advance(1000);
      }
      const first = await core.services.skills.pendingProposals(admin, { communityId, limit: 2 });
      expect(first.items.map((p) => p.name)).toEqual(names.slice(0, 2));
      expect(first.items[0]).toMatchObject({
        category: expect.any(String),
        proposedBy: { handle: jo.handle, displayName: "Jo" },
        proposedAt: expect.any(Date),
      });
      const second = await core.services.skills.pendingProposals(admin, {
        communityId,
        cursor: first.nextCursor ?? "",
      });
      expect(second).toMatchObject({ items: [{ name: "Bonsai pruning" }], nextCursor: null });

      const [decided] = first.items;
      await core.services.skills.reviewProposal(admin, { skillId: decided?.id ?? "", decision: "approve" });
      const after = await core.services.skills.pendingProposals(admin, { communityId });
      expect(after.items.map((p) => p.name)).toEqual(names.slice(1));
    });

    it("keeps another community's proposals out of the list", async () => {
      const ann = await newPerson(core, "Ann");
      const bob = await newPerson(core, "Bob");
      const admin = await newPerson(core, "Admin3");
      const ours = await newCommunity(core, [ann], [admin]);
      await newCommunity(core, [bob], []);
      await core.services.skills.propose(bob, { name: "Competitive origami racing", category: "life-skills" });
      expect((await core.services.skills.pendingProposals(admin, { communityId: ours })).items).toEqual([]);
    });

    it("refuses members who are not admins, and answers outsiders as if there were no such community", async () => {
      const member = await newPerson(core, "Member");
      const outsider = await newPerson(core, "Outsider");
      const communityId = await newCommunity(core, [member], []);
      const codeFor = async (who: typeof member) =>
        (await domainErrorOf(() => core.services.skills.pendingProposals(who, { communityId }))).code;
      expect(await codeFor(member)).toBe("COMMUNITY.ADMIN_ONLY");
      expect(await codeFor(outsider)).toBe("COMMUNITY.NOT_FOUND");
    });

    it("names a damaged cursor and a limit out of range", async () => {
      const admin = await newPerson(core, "Admin4");
      const communityId = await newCommunity(core, [], [admin]);
      expect(
        await rejectedFields(() =>
          core.services.skills.pendingProposals(admin, { communityId, limit: 0, cursor: "not-a-cursor" }),
        ),
      ).toEqual(["limit"]);
      expect(
        await rejectedFields(() => core.services.skills.pendingProposals(admin, { communityId, cursor: "nope" })),
      ).toEqual(["cursor"]);
    });
  });
}
