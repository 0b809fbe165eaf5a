import { z } from "zod";
import { idField, lineField, nameField, textField } from "../shared/fields.js";
import { pageInput } from "../shared/pages.js";

export const createInput = z
  .object({
    name: nameField(3, 60),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$/, "field.slug")
      .optional(),
    description: textField(0, 1000).default(""),
    /** A skill category, by slug or name. */
    category: lineField(1, 80).optional(),
    /** Community-scoped groups are for that community's members; without one the group is open to all. */
    communityId: idField.optional(),
  })
  .strict();
export const memberInput = z.object({ handle: lineField(1, 40) }).strict();
export const roleInput = z.object({ handle: lineField(1, 40), role: z.enum(["moderator", "member"]) }).strict();
/** The role part of a role change, for doors that name the member elsewhere (an address). */
export const roleChangeInput = roleInput.omit({ handle: true });
export const browseInput = pageInput(50).extend({ communityId: idField.optional() }).strict();
export const membersInput = pageInput(50);
