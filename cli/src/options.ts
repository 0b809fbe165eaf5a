import { InvalidArgumentError } from "commander";

/**
 * Option parsers that say what is wrong in the operator's terms: the flag, what was given and what is
 * accepted. Commander prefixes the flag ("option '--km <n>' argument 'abc' is invalid."); these add the rest.
 */

/** A whole number from `min` to `max`. */
export function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`Use a whole number from ${min} to ${max}.`);
    return n;
  };
}

/** A number above `above`, up to `max`. */
export function numberAbove(above: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n <= above || n > max)
      throw new InvalidArgumentError(`Use a number above ${above}, up to ${max}.`);
    return n;
  };
}
