import type { Core, CoreInternals } from "../app.js";
import { recordEvent } from "../domain/outbox/record-event.js";
import type { Actor } from "../domain/shared/actor.js";

let counter = 0;

/** A new person, arriving the way most do: their first Discord command. */
export async function newPerson(core: Core, name: string): Promise<Actor & { handle: string }> {
  counter += 1;
  const account = await core.services.accounts.registerFromIdentity({
    provider: "discord",
    subject: `${Date.now()}${counter}`,
    username: `${name}${counter}`,
    displayName: name,
  });
  return { userId: account.userId, handle: account.handle };
}

/** A community the given people belong to; `admins` get the admin role. */
export async function newCommunity(
  core: CoreInternals,
  members: readonly Actor[],
  admins: readonly Actor[] = [],
): Promise<string> {
  counter += 1;
  const id = `community-${counter}-${Date.now()}`;
  // Written the way the communities use cases will: rows and their events in one transaction.
  await core.database.db.$transaction(async (tx) => {
    await tx.community.create({
      data: {
        id,
        platform: "discord",
        externalId: id,
        name: `Community ${counter}`,
        members: {
          create: [...members, ...admins].map((m) => ({
            userId: m.userId,
            role: admins.includes(m) ? "admin" : "member",
          })),
        },
      },
    });
    for (const m of [...members, ...admins])
      await recordEvent(tx, core.deps, {
        type: "community.joined",
        aggregateId: m.userId,
        payload: { userId: m.userId, communityId: id, role: admins.includes(m) ? "admin" : "member" },
      });
  });
  return id;
}

/** A block written directly: the block use case itself belongs to the moderation area. */
export async function block(core: CoreInternals, blocker: Actor, blocked: Actor): Promise<void> {
  await core.database.db.block.create({ data: { blockerId: blocker.userId, blockedId: blocked.userId } });
}

/** A person with a public profile who teaches the given skills (name → level): the usual cast of a scenario. */
export async function newPublicPerson(
  core: Core,
  name: string,
  teaches: Readonly<Record<string, number>> = {},
): Promise<Actor & { handle: string }> {
  const person = await newPerson(core, name);
  await core.services.profiles.update(person, { visibility: "public" });
  for (const [skill, level] of Object.entries(teaches))
    await core.services.skills.add(person, { skill, direction: "teach", level });
  return person;
}

/** Ana (teaches Guitar) and Bea (teaches Spanish), both public, with an accepted swap between them. */
export async function acceptedSwap(core: Core, names: readonly [string, string] = ["ana", "bea"]) {
  const [first, second] = names;
  const ana = await newPublicPerson(core, first, { Guitar: 4 });
  const bea = await newPublicPerson(core, second, { Spanish: 5 });
  const asked = await core.services.swaps.request(ana, { to: bea.handle, want: "Spanish", offer: "Guitar" });
  const accepted = await core.services.swaps.accept(bea, asked.id);
  return { ana, bea, swapId: asked.id, conversationId: accepted.conversationId ?? "" };
}
