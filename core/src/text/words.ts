// Pure text primitives below domain and infra alike (both may import core/src/text/; it imports nothing from core).

/** Lower case, accents folded, inner white space collapsed: how names are compared ("São Paulo" = "sao paulo"). */
export function normalizeText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The words of a text as search sees them: normalised, split on anything that is not a letter or a digit. */
export function wordsOf(text: string): string[] {
  return normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}
