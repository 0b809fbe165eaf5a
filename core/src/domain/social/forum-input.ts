import { z } from "zod";
import { lineField, nameField, textField } from "../shared/fields.js";
import { pageInput } from "../shared/pages.js";

const origin = {
  source: z.enum(["dashboard", "discord", "slack"]).default("dashboard"),
  /** The platform's id of the post (a forum post, a thread message); a retried delivery is stored once. */
  externalId: lineField(1, 100).optional(),
};
const needsExternalId = (input: { source: string; externalId?: string | undefined }) =>
  input.source === "dashboard" || input.externalId !== undefined;
/** A thread as its author writes it, wherever they write it from (a door of its own says nothing of origin). */
export const threadFieldsInput = z.object({ title: nameField(3, 150), body: textField(1, 10_000) }).strict();
/** A post (a reply, or its edit) as its author writes it. */
export const postFieldsInput = z.object({ body: textField(1, 10_000) }).strict();
export const threadInput = threadFieldsInput
  .extend(origin)
  .strict()
  .refine(needsExternalId, { message: "field.required", path: ["externalId"] });
export const replyInput = postFieldsInput
  .extend(origin)
  .strict()
  .refine(needsExternalId, { message: "field.required", path: ["externalId"] });
export const editThreadInput = z
  .object({
    title: nameField(3, 150).optional(),
    body: textField(1, 10_000).optional(),
  })
  .strict();
export const reportInput = z.object({ reason: textField(3, 1000) }).strict();
export const postsInput = pageInput(30);
export const threadsInput = pageInput(30);
