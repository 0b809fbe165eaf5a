import { translate } from "../../messages/index.js";
import type { MatchReason } from "../../ports/search-index.js";

export interface SearchReason {
  readonly field: MatchReason["field"];
  readonly typed: string;
  readonly fuzzy: boolean;
  readonly skill?: { readonly name: string; readonly direction: "teach" | "learn"; readonly level: number };
  readonly word?: string;
  /** The reason in words: "teaches Guitar (level 4)", "bio mentions “guitar”". */
  readonly text: string;
}

/** A reason the index gave, in words, naming its skill as the catalog spells it. */
export function reasonText(reason: MatchReason, skillNames: ReadonlyMap<string, string>): SearchReason {
  const skill =
    reason.skill === undefined
      ? undefined
      : {
          name: skillNames.get(reason.skill.skillId) ?? reason.skill.skillId,
          direction: reason.skill.direction,
          level: reason.skill.level,
        };
  const plain =
    skill !== undefined
      ? translate(skill.direction === "teach" ? "search.teaches" : "search.learns", {
          skill: skill.name,
          level: skill.level,
        })
      : translate(
          reason.field === "name" ? "search.in_name" : reason.field === "handle" ? "search.in_handle" : "search.in_bio",
          { word: reason.word ?? "" },
        );
  return {
    field: reason.field,
    typed: reason.typed,
    fuzzy: reason.fuzzy,
    ...(skill === undefined ? {} : { skill }),
    ...(reason.word === undefined ? {} : { word: reason.word }),
    text: reason.fuzzy ? translate("search.close_to", { reason: plain, typed: reason.typed }) : plain,
  };
}
