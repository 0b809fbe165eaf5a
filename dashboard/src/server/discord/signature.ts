import { createPublicKey, verify } from "node:crypto";

// Discord hands out the raw 32-byte Ed25519 key; node:crypto takes keys as SPKI DER. For Ed25519 the DER is
// always this fixed header (RFC 8410: SEQUENCE, algorithm id-Ed25519, BIT STRING of 33 bytes) + the raw key.
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const PUBLIC_KEY_HEX = /^[0-9a-fA-F]{64}$/;
const SIGNATURE_HEX = /^[0-9a-fA-F]{128}$/;

/** True when Discord signed exactly these bytes at this timestamp. */
export type SignatureCheck = (signature: string | undefined, timestamp: string | undefined, body: Buffer) => boolean;

/**
 * Checks the X-Signature-Ed25519 header Discord puts on every interaction: a signature over the
 * X-Signature-Timestamp header followed by the raw body. Discord itself probes the endpoint with bad
 * signatures when it is registered and refuses an endpoint that accepts them.
 */
export function discordSignatureCheck(publicKeyHex: string): SignatureCheck {
  if (!PUBLIC_KEY_HEX.test(publicKeyHex)) {
    throw new Error("The Discord public key must be 64 hex characters (32 bytes), as the developer portal shows it.");
  }
  const key = createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(publicKeyHex, "hex")]),
    format: "der",
    type: "spki",
  });
  return (signature, timestamp, body) => {
    if (signature === undefined || timestamp === undefined || !SIGNATURE_HEX.test(signature)) return false;
    return verify(null, Buffer.concat([Buffer.from(timestamp, "utf8"), body]), key, Buffer.from(signature, "hex"));
  };
}
