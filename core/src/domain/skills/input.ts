import { z } from "zod";
import { idField, lineField, nameField, textField } from "../shared/fields.js";
import { pageInput } from "../shared/pages.js";
import { parseClock, parseWeekday } from "./availability.js";
import { directions } from "./types.js";

const minuteOfDay = z.union([
  z.number().int().min(0).max(1440),
  z.string().transform((text, ctx) => {
    const minute = parseClock(text);
    if (minute === null) {
      ctx.addIssue({ code: "custom", message: "field.slot" });
      return z.NEVER;
    }
    return minute;
  }),
]);

const weekday = z.union([
  z.number().int().min(0).max(6),
  z.string().transform((text, ctx) => {
    const day = parseWeekday(text);
    if (day === null) {
      ctx.addIssue({ code: "custom", message: "field.slot" });
      return z.NEVER;
    }
    return day;
  }),
]);

/**
 * `{ day: "tue", start: "18:00", end: "20:00" }` (or numbers: weekday 0 = Sunday, minutes after midnight).
 * Parsed, it keeps its field names with numbers for values: a door validates a body with this schema and core
 * parses what it passes again, so a parsed slot must read as a slot.
 */
const daySlot = z
  .object({ day: weekday, start: minuteOfDay, end: minuteOfDay })
  .strict()
  .refine((slot) => slot.start < slot.end, { message: "field.slot", path: ["end"] });

/**
 * `{ weekday, startMinute, endMinute }`: a slot as core's views show it (WeeklySlot), so that a client can send
 * back what it read. It parses to the same slot as the shape above.
 */
const weeklySlot = z
  .object({
    weekday: z.number().int().min(0).max(6),
    startMinute: z.number().int().min(0).max(1440),
    endMinute: z.number().int().min(0).max(1440),
  })
  .strict()
  .refine((slot) => slot.startMinute < slot.endMinute, { message: "field.slot", path: ["endMinute"] })
  .transform((slot) => ({ day: slot.weekday, start: slot.startMinute, end: slot.endMinute }));

export const slotInput = z.union([daySlot, weeklySlot]);

export const slotsInput = z.array(slotInput).max(42);

export const levelField = z
  .number({ error: "field.level" })
  .int("field.level")
  .min(1, "field.level")
  .max(5, "field.level");
const modeField = z.enum(["online", "in_person", "either"]);

export const addSkillInput = z
  .object({
    skill: lineField(1, 80),
    direction: z.enum(directions),
    level: levelField,
    notes: textField(0, 500).default(""),
    mode: modeField.nullable().default(null),
    availability: slotsInput.nullable().default(null),
  })
  .strict();
export type AddSkillInput = z.input<typeof addSkillInput>;

export const updateSkillInput = z
  .object({
    level: levelField,
    notes: textField(0, 500),
    mode: modeField.nullable(),
    availability: slotsInput.nullable(),
  })
  .partial()
  .strict();
export type UpdateSkillInput = z.input<typeof updateSkillInput>;

export const availabilityInput = z.object({ slots: slotsInput, meetingMode: modeField.optional() }).strict();
export type AvailabilityInput = z.input<typeof availabilityInput>;

export const proposeSkillInput = z
  .object({
    name: nameField(2, 60),
    category: lineField(1, 60),
    communityId: idField.optional(),
  })
  .strict();
export type ProposeSkillInput = z.input<typeof proposeSkillInput>;

// A proposed skill's id holds its community's id and its slug: longer than the ids `idField` is made for.
export const reviewProposalInput = z
  .object({ skillId: lineField(1, 200), decision: z.enum(["approve", "reject"]) })
  .strict();

/** A page of one community's skill proposals awaiting review. */
export const pendingProposalsInput = pageInput(20, 50).extend({ communityId: idField }).strict();
export type PendingProposalsInput = z.input<typeof pendingProposalsInput>;

/** Narrows the catalog to the skills whose name or an alias contains `q` (empty: the whole catalog). */
export const catalogQuery = z.object({ q: lineField(0, 80).optional() }).strict();
export type CatalogQuery = z.input<typeof catalogQuery>;
