import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { aesGcmTokenCipher, TokenCipherError, tokenKeyBytes } from "./aes-gcm-token-cipher.js";

const key = randomBytes(32).toString("base64");
const token = "xoxb-1111-2222-abcdefghijklmnop";

describe("a bot token sealed for the database", () => {
  const cipher = aesGcmTokenCipher(key);

  it("opens again to the same token, with the same key and row", () => {
    expect(cipher.open(cipher.seal(token, "community:c1"), "community:c1")).toBe(token);
  });

  it("never shows the token, and differs every time it is sealed", () => {
    const first = cipher.seal(token, "community:c1");
    const second = cipher.seal(token, "community:c1");
    expect(first).toMatch(/^v1:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(first).not.toContain("xoxb");
    expect(first).not.toBe(second);
  });

  it("is refused when a character of it was changed", () => {
    const sealed = cipher.seal(token, "community:c1");
    const body = sealed.slice(sealed.lastIndexOf(":") + 1);
    const flipped = (body[0] === "A" ? "B" : "A") + body.slice(1);
    const tampered = sealed.slice(0, sealed.lastIndexOf(":") + 1) + flipped;
    expect(() => cipher.open(tampered, "community:c1")).toThrow(TokenCipherError);
  });

  it("is refused under another key", () => {
    const other = aesGcmTokenCipher(randomBytes(32).toString("hex"));
    expect(() => other.open(cipher.seal(token, "community:c1"), "community:c1")).toThrow(TokenCipherError);
  });

  it("is refused in another installation's row", () => {
    expect(() => cipher.open(cipher.seal(token, "community:c1"), "community:c2")).toThrow(TokenCipherError);
  });

  it("refuses a value that was never sealed, or sealed by a version it does not know", () => {
    const sealed = cipher.seal(token, "community:c1");
    for (const value of [token, "", sealed.replace(/^v1/, "v9"), `${sealed}:extra`])
      expect(() => cipher.open(value, "community:c1")).toThrow(TokenCipherError);
  });
});

describe("the token key", () => {
  it("is 32 bytes written as hex, base64 or base64url", () => {
    const bytes = randomBytes(32);
    for (const text of [bytes.toString("hex"), bytes.toString("base64"), bytes.toString("base64url")])
      expect(tokenKeyBytes(text).equals(bytes)).toBe(true);
  });

  it("is refused when shorter", () => {
    expect(() => aesGcmTokenCipher(randomBytes(16).toString("base64"))).toThrow(TokenCipherError);
  });
});
