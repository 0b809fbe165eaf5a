import { generateKeyPairSync, sign } from "node:crypto";

/**
 * How to spoil a signed delivery, to test that an endpoint refuses it: drop the headers, sign other bytes,
 * or sign correctly but with a timestamp ten minutes old (a replayed request).
 */
export type Tamper = "none" | "missing" | "wrong" | "stale";

export interface SignedPostOptions {
  readonly tamper?: Tamper;
}

export interface SignedPostResult {
  readonly status: number;
  /** The parsed JSON answer, the raw text when it was not JSON, or null when empty. */
  readonly body: unknown;
}

// An Ed25519 public key in SPKI DER form is a fixed 12-byte header followed by the 32-byte raw key.
const rawKeyLength = 32;
const staleSeconds = 600;

/** Discord's side of interaction signing: it signs timestamp + body with the application's private key. */
export class InteractionSigner {
  private readonly keys = generateKeyPairSync("ed25519");

  /** The hex key the Developer Portal shows as "Public Key", which an endpoint verifies against. */
  get publicKeyHex(): string {
    const der = this.keys.publicKey.export({ type: "spki", format: "der" });
    return der.subarray(der.length - rawKeyLength).toString("hex");
  }

  headers(body: string, tamper: Tamper): Record<string, string> {
    const base = {
      "content-type": "application/json",
      "user-agent": "Discord-Interactions/1.0 (+https://discord.com)",
    };
    if (tamper === "missing") return base;
    const now = Math.floor(Date.now() / 1000);
    const timestamp = String(tamper === "stale" ? now - staleSeconds : now);
    const signed = tamper === "wrong" ? `${timestamp}${body} ` : `${timestamp}${body}`;
    const signature = sign(null, Buffer.from(signed, "utf8"), this.keys.privateKey).toString("hex");
    return { ...base, "x-signature-ed25519": signature, "x-signature-timestamp": timestamp };
  }

  async post(url: string, payload: unknown, tamper: Tamper): Promise<SignedPostResult> {
    const body = JSON.stringify(payload);
    const response = await fetch(url, { method: "POST", headers: this.headers(body, tamper), body });
    const text = await response.text();
    return { status: response.status, body: parse(text, response.headers.get("content-type") ?? "") };
  }
}

function parse(text: string, contentType: string): unknown {
  if (text === "") return null;
  if (!contentType.includes("application/json")) return text;
  return JSON.parse(text) as unknown;
}
