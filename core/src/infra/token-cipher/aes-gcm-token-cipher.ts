import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { TokenCipher } from "../../ports/token-cipher.js";

/** A sealed value that does not open: wrong key, altered value, another row's value, or not sealed at all. */
export class TokenCipherError extends Error {
  override readonly name = "TokenCipherError";
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// The version names the algorithm and key: a later key rotation adds "v2" and still opens "v1" values.
const VERSION = "v1";

/** The 32 key bytes from SLACK_TOKEN_KEY's text: 64 hex characters, or base64 (standard or URL-safe). */
export function tokenKeyBytes(text: string): Buffer {
  const key = HEX_KEY.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32) throw new TokenCipherError("the token key must be 32 bytes (64 hex characters or base64)");
  return key;
}

const part = (bytes: Buffer) => bytes.toString("base64url");

/**
 * AES-256-GCM with a random 12-byte IV per value, stored as `v1:<iv>:<tag>:<ciphertext>` (base64url). The
 * context is authenticated data: a token copied into another installation's row is refused, not used there.
 */
export function aesGcmTokenCipher(keyText: string): TokenCipher {
  const key = tokenKeyBytes(keyText);
  return {
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, "utf8"));
      const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, part(iv), part(cipher.getAuthTag()), part(sealed)].join(":");
    },

    open(sealed, context) {
      const [version, iv, tag, body, ...rest] = sealed.split(":");
      if (version !== VERSION || iv === undefined || tag === undefined || body === undefined || rest.length > 0)
        throw new TokenCipherError("not a sealed token");
      const ivBytes = Buffer.from(iv, "base64url");
      const tagBytes = Buffer.from(tag, "base64url");
      // A short tag would let a forger guess it: only the full 16 bytes are accepted.
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES)
        throw new TokenCipherError("not a sealed token");
      const decipher = createDecipheriv("aes-256-gcm", key, ivBytes, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(tagBytes);
      try {
        return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        throw new TokenCipherError("the sealed token does not open with this key (wrong key or altered value)");
      }
    },
  };
}
