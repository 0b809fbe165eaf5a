/**
 * The words of a `/skillswap …` text, as Slack sends it with `should_escape: true`: quotes group words, and
 * Slack's escapes (`<@U024BE7LH|maya>`, `<https://… | a label>`) are kept whole even when their label has spaces.
 */

/** One word of the text, quotes removed. */
export interface Word {
  readonly text: string;
  /**
   * How many leading characters were typed outside quotes: `near:"Saint Étienne"` names an option, while
   * `"near:Lyon"` is a value that happens to hold a colon.
   */
  readonly openLength: number;
}

export type Words =
  | { readonly ok: true; readonly words: readonly Word[] }
  /** A quote was never closed; `words` are the ones before it, `opened` what follows the quote (shortened). */
  | { readonly ok: false; readonly words: readonly Word[]; readonly opened: string };

// Slack turns "…" into “…” as people type on most keyboards, and some turn the opening one into ” too.
const closingQuote: Readonly<Record<string, string>> = { '"': '"', "“": "”", "”": "”" };

// The same test everywhere: whatever `formatWord` leaves unquoted, `wordsOf` must read as one word.
const isSpace = (char: string) => /\s/u.test(char);

export function wordsOf(text: string): Words {
  const words: Word[] = [];
  let current: { text: string; openLength: number; quoted: boolean } | null = null;
  let index = 0;
  while (index < text.length) {
    const char = text.charAt(index);
    if (isSpace(char)) {
      if (current !== null) words.push({ text: current.text, openLength: current.openLength });
      current = null;
      index += 1;
      continue;
    }
    current ??= { text: "", openLength: 0, quoted: false };
    const closing = closingQuote[char];
    if (closing !== undefined) {
      const end = text.indexOf(closing, index + 1);
      if (end === -1) return { ok: false, words, opened: shortened(text.slice(index + 1)) };
      current.text += text.slice(index + 1, end);
      current.quoted = true;
      index = end + 1;
      continue;
    }
    // Slack escapes every "<" a person types as "&lt;", so a "<" always opens one of its own escapes.
    const escapeEnd = char === "<" ? text.indexOf(">", index) : -1;
    const next = escapeEnd === -1 ? index + 1 : escapeEnd + 1;
    current.text += text.slice(index, next);
    if (!current.quoted) current.openLength = current.text.length;
    index = next;
  }
  if (current !== null) words.push({ text: current.text, openLength: current.openLength });
  return { ok: true, words };
}

function shortened(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 20 ? `${trimmed.slice(0, 20)}…` : trimmed;
}

/** `near:Lyon` → { name: "near", value: "Lyon" }; null for a word that does not start with a name typed bare. */
export function namedPartsOf(word: Word): { readonly name: string; readonly value: string } | null {
  const match = /^([a-z][a-z0-9_-]*):/iu.exec(word.text);
  if (match?.[1] === undefined || match[0].length > word.openLength) return null;
  return { name: match[1].toLowerCase(), value: word.text.slice(match[0].length) };
}

/**
 * Writes `text` so that `wordsOf` reads it back as one word with this very text, never as a name: bare when
 * nothing in it could split or name it, else in quotes, switching to curly quotes around straight ones.
 */
export function formatWord(text: string): string {
  const bare = text !== "" && !/[\s"“”<]/u.test(text) && !/^[a-z][a-z0-9_-]*:/iu.test(text);
  if (bare) return text;
  const segments = text.match(/"+|[^"]+/gu) ?? [""];
  return segments.map((segment) => (segment.startsWith('"') ? `“${segment}”` : `"${segment}"`)).join("");
}
