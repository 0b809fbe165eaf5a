import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/**
 * NIST SP 800-63B's advice: length over composition rules, and a block list of passwords attackers try
 * first. 12 because an 8–11 character password from a person is within reach of offline guessing should the
 * hashes leak; 200 only bounds the work one request can ask of the hash.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

// The same path from src/ and dist/: both sit three folders below the package root.
function commonPasswordsFile(): string {
  return fileURLToPath(new URL("../../../src/domain/identity/common-passwords/common-passwords.txt", import.meta.url));
}

let common: ReadonlySet<string> | undefined;

/** The 10,000 most common breached passwords, lower-cased (see common-passwords/README.md): read once, on first use. */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(readFileSync(commonPasswordsFile(), "utf8").split("\n"));
  return common;
}

/** Without case: "Password123" is tried as early as "password123". */
export function isCommonPassword(password: string): boolean {
  return password !== "" && commonPasswords().has(password.normalize("NFKC").toLowerCase());
}

/** Counted in code points, as NIST SP 800-63B counts them, not in UTF-16 units: "😀" is one character, not two. */
// eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points are the unit wanted here, not graphemes
const characters = (password: string) => [...password.normalize("NFKC")].length;

/**
 * A new password, wherever one is chosen (sign-up, reset, change). Each check stops the next, so a person is
 * told one thing at a time. Logging in does not apply it: passwords chosen under an older policy still work.
 */
export const newPasswordField = z
  .string()
  .max(PASSWORD_MAX_LENGTH, { abort: true })
  .refine((password) => characters(password) >= PASSWORD_MIN_LENGTH, { message: "field.password", abort: true })
  .refine((password) => !isCommonPassword(password), { message: "field.password_common" });
