import * as z from "zod/mini";
import { call, callForNothing } from "./client.js";

export type Direction = "teach" | "learn";

const catalogEntry = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  status: z.enum(["approved", "pending", "rejected"]),
});

/** A skill on my profile (the API's `UserSkill`): what the skills editor shows and changes. */
const mySkill = z.object({
  id: z.string(),
  skill: catalogEntry,
  direction: z.enum(["teach", "learn"]),
  level: z.number(),
  notes: z.string(),
});
export type MySkill = z.infer<typeof mySkill>;

const skillResolution = z.object({ skill: z.nullable(catalogEntry), suggestions: z.array(z.string()) });
const categories = z.array(z.object({ slug: z.string(), name: z.string() }));

export interface NewSkill {
  readonly skill: string;
  readonly direction: Direction;
  readonly level: number;
  readonly notes: string;
}

export const mySkills = () => call("GET", "/me/skills", z.array(mySkill));
export const addMySkill = (input: NewSkill) => call("POST", "/me/skills", mySkill, input);
export const updateMySkill = (id: string, patch: { readonly level: number; readonly notes: string }) =>
  call("PATCH", `/me/skills/${encodeURIComponent(id)}`, mySkill, patch);
export const removeMySkill = (id: string) => callForNothing("DELETE", `/me/skills/${encodeURIComponent(id)}`);

/** Catalog names for autocomplete, best first: names and aliases starting with, then containing, what is typed. */
export const skillSuggestions = (typed: string, limit: number) =>
  call("GET", `/skills/suggestions?q=${encodeURIComponent(typed)}&limit=${limit}`, z.array(z.string()));

/** The catalog skill a typed name means (misspellings included), or close spellings of known ones. */
export const resolveSkill = (name: string) =>
  call("GET", `/skills/resolve?name=${encodeURIComponent(name)}`, skillResolution);

/** The catalog's categories, which a proposed skill must name one of. */
export const skillCategories = () => call("GET", "/skills/catalog", categories);

/** Proposes a skill the catalog lacks: pending in my community until one of its admins decides. */
export const proposeSkill = (input: { readonly name: string; readonly category: string }) =>
  call("POST", "/skills/proposals", catalogEntry, input);
