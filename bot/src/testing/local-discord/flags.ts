/**
 * Discord's flag fields are bit sets, but TypeScript enums name single bits only: none for 0 ("no flags")
 * and none for a combination. This is the one place a plain bit set becomes such an enum.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T is the flag enum the caller fills.
export function flagBits<T extends number>(bits: number): T {
  return bits as T;
}
