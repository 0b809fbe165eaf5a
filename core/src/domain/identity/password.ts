import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

// OWASP's scrypt baseline (N=2^17, r=8, p=1) costs ~128 MiB and ~0.3 s; 2^15 keeps sign-up snappy on a
// 2-core box while staying far above brute-force budgets. Parameters are stored with each hash so they can rise later.
const params = { N: 2 ** 15, r: 8, p: 1, keyLength: 64 };

function derive(password: string, salt: Buffer, options: ScryptOptions & { keyLength: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize("NFKC"),
      salt,
      options.keyLength,
      { ...options, maxmem: 256 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/**
 * A hash of a random password nobody knows, made with `params`: log-in verifies against it when there is no
 * account (or no password), so an unknown email costs the same scrypt as a wrong password and answers just as
 * slowly. A constant rather than made at start-up: no process pays for it, and the first answer is not slower.
 * password.test.ts fails when `params` change and it is not remade.
 */
export const DUMMY_PASSWORD_HASH =
  "scrypt$32768$8$1$7RnkaGNRG3szqZUkNMbA2g$0YLTzJdJAemoKkMf-iLD1lS-J23gVFczVGmB9ae991g-1JwPWcNEEerXa223jJ7ehtY6Ub6brBagQ4PS0ds70A";

/** `scrypt$N$r$p$salt$hash`, base64url parts. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (
    scheme !== "scrypt" ||
    n === undefined ||
    r === undefined ||
    p === undefined ||
    salt === undefined ||
    hash === undefined
  ) {
    return false;
  }
  const expected = Buffer.from(hash, "base64url");
  const key = await derive(password, Buffer.from(salt, "base64url"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    keyLength: expected.length,
  });
  return timingSafeEqual(key, expected);
}
