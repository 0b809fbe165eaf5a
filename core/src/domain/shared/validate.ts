import type { z } from "zod";
import { invalid, type FieldError } from "../../errors.js";
import { en } from "../../messages/en.js";
import { translate, type MessageKey } from "../../messages/index.js";

function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}

function sentenceFor(issue: z.core.$ZodIssue): string {
  if (isMessageKey(issue.message)) return translate(issue.message, paramsOf(issue));
  switch (issue.code) {
    case "too_big":
      if (issue.origin === "number" || issue.origin === "bigint")
        return translate(issue.inclusive === false ? "field.below" : "field.at_most", { max: Number(issue.maximum) });
      return translate("field.too_long", { max: Number(issue.maximum) });
    case "too_small":
      if (issue.origin === "number" || issue.origin === "bigint")
        return translate(issue.inclusive === false ? "field.above" : "field.at_least", { min: Number(issue.minimum) });
      return Number(issue.minimum) <= 1 && issue.origin === "string"
        ? translate("field.required")
        : translate("field.too_short", { min: Number(issue.minimum) });
    case "invalid_type":
      return issue.input === undefined ? translate("field.required") : translate("field.invalid");
    case "invalid_value":
      return translate("field.one_of", { choices: issue.values.map(String).join(", ") });
    default:
      return translate("field.invalid");
  }
}

function paramsOf(issue: z.core.$ZodIssue): Record<string, string | number> {
  if (issue.code === "too_big") return { max: Number(issue.maximum) };
  if (issue.code === "too_small") return { min: Number(issue.minimum) };
  return {};
}

const pathName = (path: readonly PropertyKey[]): string => (path.length === 0 ? "input" : path.map(String).join("."));

/**
 * The fields `issue` rejects. A value that fits none of a union's shapes is named by the shape it came closest
 * to (the fewest rejected fields; the first shape on a tie): "invalid" on the whole value would leave a form
 * nothing to mark.
 */
function fieldsOf(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): FieldError[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === "unrecognized_keys")
    return issue.keys.map((key) => ({ field: pathName([...path, key]), message: translate("field.not_accepted") }));
  if (issue.code === "invalid_union") {
    const closest = issue.errors
      .map((issues) => issues.flatMap((inner) => fieldsOf(inner, path)))
      .filter((fields) => fields.length > 0)
      .reduce<FieldError[] | null>(
        (best, fields) => (best === null || fields.length < best.length ? fields : best),
        null,
      );
    if (closest !== null) return closest;
  }
  return [{ field: pathName(path), message: sentenceFor(issue) }];
}

/** Each rejected field with its sentence; a field that is not accepted at all is named on its own. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => fieldsOf(issue, []));
}

/**
 * Parses use-case input at the core boundary. Every rejected field is named in the DomainError,
 * so a door can show each message beside its own input.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown, code: string): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid(code, fieldErrors(result.error));
  return result.data;
}
