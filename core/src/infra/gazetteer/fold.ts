// Letters that Unicode does not decompose into base + accent, folded the way people type them on a plain keyboard.
const plainLetters: Readonly<Record<string, string>> = {
  ł: "l",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ß: "ss",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ħ: "h",
};
const alreadyFolded = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

// People write "St Petersburg" and "Saint Petersburg", "Mt Gambier" and "Mount Gambier" for one place: keys take
// the short form, so either spelling finds the city named with the other.
const shortForms: Readonly<Record<string, string>> = { saint: "st", sainte: "ste", mount: "mt", fort: "ft" };
const longForm = /\b(?:saint|sainte|mount|fort)\b/g;
const shorten = (folded: string) =>
  folded.includes("saint") || folded.includes("mount") || folded.includes("fort")
    ? folded.replace(longForm, (word) => shortForms[word] ?? word)
    : folded;

/**
 * Case-, accent- and punctuation-insensitive key: "São Paulo", "SAO-PAULO" and "sao  paulo" all give "sao paulo";
 * "Saint" is "st" ("St. Petersburg" and "Saint Petersburg" give "st petersburg").
 * city-alternate-names.tsv is stored folded by this function: change it, and rebuild that file.
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Three names in four are plain ASCII words once lowercased: they skip normalize() and the regexes.
  if (alreadyFolded.test(lower)) return shorten(lower);
  return shorten(
    lower
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .replace(/[łøæœßđðþıħ]/gu, (letter) => plainLetters[letter] ?? letter)
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim(),
  );
}
