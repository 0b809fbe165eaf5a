import { describe, expect, it } from "vitest";
import { AVATAR_MAX_BYTES, avatarUploadRefusal, imageTypeOf, isAvatarFileName } from "./avatar-rules.js";

const bytes = (...values: Array<number | string>) =>
  Uint8Array.from(values.flatMap((v) => (typeof v === "string" ? Array.from(new TextEncoder().encode(v)) : [v])));

describe("recognising a picture by its first bytes", () => {
  it.each([
    ["jpeg", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)],
    ["png", bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d)],
    ["gif", bytes("GIF89a", 1, 0)],
    ["gif", bytes("GIF87a", 1, 0)],
    ["webp", bytes("RIFF", 0x24, 0, 0, 0, "WEBPVP8 ")],
  ])("knows %s", (type, start) => {
    expect(imageTypeOf(start)).toBe(type);
  });

  it.each([
    ["text", bytes("hello, this is a .png")],
    ["SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["a RIFF that is not WebP (WAV)", bytes("RIFF", 0x24, 0, 0, 0, "WAVEfmt ")],
    ["TIFF", bytes("II*", 0)],
    ["PDF", bytes("%PDF-1.7")],
    ["nothing", bytes()],
    ["a PNG signature cut short", bytes(0x89, "PNG")],
  ])("knows nothing else: %s", (_what, start) => {
    expect(imageTypeOf(start)).toBeNull();
  });
});

describe("what an upload may be before it is decoded", () => {
  it("refuses more than 5 MB, then anything not recognised", () => {
    const jpegStart = [0xff, 0xd8, 0xff];
    const atLimit = new Uint8Array(AVATAR_MAX_BYTES);
    atLimit.set(jpegStart);
    const overLimit = new Uint8Array(AVATAR_MAX_BYTES + 1);
    overLimit.set(jpegStart);
    expect(avatarUploadRefusal(atLimit)).toBeNull();
    expect(avatarUploadRefusal(overLimit)).toBe("too_large");
    expect(avatarUploadRefusal(bytes("plain text"))).toBe("unsupported_type");
  });
});

describe("names avatar files are served under", () => {
  it.each(["0123456789abcdef0123456789abcdef-512.webp", "0123456789abcdef0123456789abcdef-128.webp"])(
    "accepts %s",
    (name) => expect(isAvatarFileName(name)).toBe(true),
  );
  it.each([
    "0123456789abcdef0123456789abcdef-256.webp",
    "0123456789ABCDEF0123456789abcdef-512.webp",
    "0123456789abcdef0123456789abcdef-512.png",
    "../0123456789abcdef0123456789abcdef-512.webp",
    "0123456789abcdef0123456789abcdef-512.webp/..",
  ])("refuses %s", (name) => expect(isAvatarFileName(name)).toBe(false));
});
