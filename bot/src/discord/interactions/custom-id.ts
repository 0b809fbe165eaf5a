/**
 * Buttons and forms carry what they act on in their `custom_id` ("swap.accept:0193…"), so a click needs no
 * state kept by the bot and works after a restart or in another process. Discord caps the id at 100 chars.
 */
const maxLength = 100;
const separator = ":";

export function customId(route: string, ...args: readonly string[]): string {
  for (const part of [route, ...args])
    if (part.includes(separator)) throw new Error(`custom_id parts cannot contain "${separator}": ${part}`);
  const id = [route, ...args].join(separator);
  if (id.length > maxLength) throw new Error(`custom_id longer than ${maxLength} characters: ${id}`);
  return id;
}

export function parseCustomId(id: string): { readonly route: string; readonly args: readonly string[] } {
  const [route = "", ...args] = id.split(separator);
  return { route, args };
}
