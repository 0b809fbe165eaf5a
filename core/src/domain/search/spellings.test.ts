import { describe, expect, it } from "vitest";
import { conceptsOf } from "./concepts.js";
import { maxBegunSkills, searchCatalogOf, skillsBegunBy } from "./spellings.js";

const row = (alias: string, skillId: string, kind = "name") => ({ alias, skillId, kind });
const catalog = searchCatalogOf([
  row("guitar", "guitar"),
  row("gitar", "guitar", "misspelling"),
  row("guitarra electrica", "electric-guitar", "translation"),
  row("electric guitar", "electric-guitar"),
  row("python", "python"),
  row("py", "python", "alias"),
  row("python pandas", "pandas", "alias"),
  row("pandas", "pandas"),
  // "ma" begins more skills than a guess may name; two of them by an alias only.
  ...Array.from({ length: maxBegunSkills - 1 }, (_, i) => row(`ma-skill-${i}`, `m${i}`)),
  row("mathematics", "maths"),
  row("maths", "maths", "alias"),
  row("mandarin", "chinese", "alias"),
  row("chinese", "chinese"),
]);

describe("short words as the start of a skill", () => {
  it("stand for the skills whose name, alias or translation they begin", () => {
    expect(skillsBegunBy("gu", catalog)).toEqual(["electric-guitar", "guitar"]);
    expect(skillsBegunBy("gui", catalog)).toEqual(["electric-guitar", "guitar"]);
    expect(skillsBegunBy("pa", catalog)).toEqual(["pandas"]);
  });

  it("do not count beginnings of misspellings, single letters or words long enough to carry a typo", () => {
    expect(skillsBegunBy("gi", catalog)).toEqual([]);
    expect(skillsBegunBy("g", catalog)).toEqual([]);
    expect(skillsBegunBy("guit", catalog)).toEqual([]);
  });

  it("fall back to names when they begin too many spellings, and guess nothing when names are too many too", () => {
    expect(skillsBegunBy("ma", catalog)).toEqual(
      [...Array.from({ length: maxBegunSkills - 1 }, (_, i) => `m${i}`), "maths"].sort(),
    );
    const crowded = searchCatalogOf(Array.from({ length: maxBegunSkills + 1 }, (_, i) => row(`co-${i}`, `c${i}`)));
    expect(skillsBegunBy("co", crowded)).toEqual([]);
  });
});

describe("what someone typed, as concepts", () => {
  it("tries the last short word as the start of skills, and of names and handles", () => {
    const [gui] = conceptsOf("Gui", catalog, false);
    expect(gui).toMatchObject({ typed: "gui", prefix: true, textAllowed: true });
    expect(gui?.skills).toEqual([
      { skillId: "electric-guitar", kind: "prefix" },
      { skillId: "guitar", kind: "prefix" },
    ]);
  });

  it("keeps a short word that names a skill, and adds only the other skills it begins", () => {
    const [py] = conceptsOf("py", catalog, false);
    expect(py).toMatchObject({ prefix: true, textAllowed: true });
    expect(py?.skills).toEqual([
      { skillId: "python", kind: "name" },
      { skillId: "pandas", kind: "prefix" },
    ]);
  });

  it("leaves short words before the last, and skills named in full, as they are", () => {
    const [gu, guitar] = conceptsOf("gu guitar", catalog, false);
    expect(gu?.skills).toEqual([]);
    expect(guitar).toMatchObject({ skills: [{ skillId: "guitar", kind: "name" }], prefix: false });
  });

  it("lets skill filters hold a guessed skill to skills, as a misspelt one", () => {
    expect(conceptsOf("gui", catalog, true)[0]?.textAllowed).toBe(false);
  });
});
