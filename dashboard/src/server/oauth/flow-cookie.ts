import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * What an OAuth sign-in must remember between leaving for the provider and coming back: passport's state
 * handle and PKCE verifier, and whether the person was linking an account. It travels in one cookie, encrypted
 * and authenticated (AES-256-GCM), so any web process can finish a flow another began, the verifier never
 * appears in a URL, and the flow is bound to the browser that started it.
 */
export type FlowData = Record<string, unknown>;

const version = "v1";

export class FlowCookieCodec {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync("sha256", secret, "skillswap", "oauth-flow-cookie", 32));
  }

  seal(data: FlowData, expiresAt: Date): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const plain = Buffer.from(JSON.stringify({ data, exp: expiresAt.getTime() }), "utf8");
    const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
    return [
      version,
      iv.toString("base64url"),
      sealed.toString("base64url"),
      cipher.getAuthTag().toString("base64url"),
    ].join(".");
  }

  /** The data, or null when the cookie is missing, forged, altered or expired. */
  open(value: string | undefined, now: Date): FlowData | null {
    const [v, iv, sealed, tag] = value?.split(".") ?? [];
    if (v !== version || iv === undefined || sealed === undefined || tag === undefined) return null;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      const plain = Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString(
        "utf8",
      );
      const parsed = JSON.parse(plain) as { data?: unknown; exp?: unknown };
      if (typeof parsed.exp !== "number" || parsed.exp < now.getTime()) return null;
      return typeof parsed.data === "object" && parsed.data !== null ? (parsed.data as FlowData) : null;
    } catch {
      return null;
    }
  }
}
