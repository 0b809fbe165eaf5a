import { notFound } from "../../errors.js";
import type { Db, Tx } from "../../infra/prisma/database.js";
import { recordEvent } from "../outbox/record-event.js";
import { requireActiveUser } from "../profiles/service.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { parseInput } from "../shared/validate.js";
import { mergeSlots, weeklySlotOf } from "./availability.js";
import { availabilityInput, type AvailabilityInput } from "./input.js";
import type { AvailabilityView, WeeklySlot } from "./types.js";

/** Replaces the weekly slots of a person (`userSkillId` null) or of one of their skills, merged. */
export async function writeSlots(
  tx: Tx,
  ids: { next(): string },
  userId: string,
  userSkillId: string | null,
  slots: readonly WeeklySlot[],
): Promise<void> {
  await tx.availabilitySlot.deleteMany({ where: { userId, userSkillId } });
  if (slots.length === 0) return;
  await tx.availabilitySlot.createMany({
    data: mergeSlots(slots).map((slot) => ({ id: ids.next(), userId, userSkillId, ...slot })),
  });
}

async function availabilityOf(reader: Db | Tx, userId: string): Promise<AvailabilityView> {
  const user = await reader.user.findUnique({
    where: { id: userId },
    select: {
      status: true,
      meetingMode: true,
      timeZone: true,
      availability: {
        where: { userSkillId: null },
        select: { weekday: true, startMinute: true, endMinute: true },
        orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
      },
    },
  });
  if (user === null || user.status !== "active") throw notFound("USER.NOT_FOUND", "user.not_found", { handle: userId });
  return {
    slots: user.availability,
    meetingMode: user.meetingMode as AvailabilityView["meetingMode"],
    timeZone: user.timeZone,
  };
}

/** The use cases of a person's general weekly availability (a skill's own slots are set with the skill). */
export function createAvailabilityUseCases(deps: ServiceDeps) {
  const { db, ids } = deps;

  return {
    /** The actor's general weekly availability, in their profile time zone, and how they meet. */
    availability: (actor: Actor): Promise<AvailabilityView> => availabilityOf(db, actor.userId),

    /** Sets the actor's general weekly availability (in their profile time zone) and, optionally, how they meet. */
    async setAvailability(actor: Actor, input: AvailabilityInput): Promise<AvailabilityView> {
      const data = parseInput(availabilityInput, input, "AVAILABILITY.INVALID");
      return db.$transaction(async (tx) => {
        await requireActiveUser(tx, actor.userId);
        await writeSlots(tx, ids, actor.userId, null, data.slots.map(weeklySlotOf));
        if (data.meetingMode !== undefined)
          await tx.user.update({ where: { id: actor.userId }, data: { meetingMode: data.meetingMode } });
        await recordEvent(tx, deps, {
          type: "availability.updated",
          aggregateId: actor.userId,
          payload: { userId: actor.userId },
        });
        return availabilityOf(tx, actor.userId);
      });
    },
  };
}
