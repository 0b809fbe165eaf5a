/** The largest picture a person may upload, in bytes (5 MB): doors stop reading an upload past it. */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

/** Beyond this many pixels a picture is refused before it is decoded (a 5 MB file can hold a gigapixel). */
export const AVATAR_MAX_PIXELS = 50_000_000;

/** The squares every avatar is stored as: large for profiles, small for lists and chat thumbnails. */
export const avatarSizes = { large: 512, small: 128 } as const;

export type AvatarImageType = "jpeg" | "png" | "webp" | "gif";

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

const ascii = (text: string) => Array.from(new TextEncoder().encode(text));

/**
 * What an upload is, read from its first bytes: the name and the content type a client sends are whatever
 * it says, and the decoder accepts many more formats (SVG, TIFF, PDF…) than a profile picture should be.
 */
export function imageTypeOf(bytes: Uint8Array): AvatarImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  return null;
}

export type AvatarRefusal = "too_large" | "unsupported_type" | "unreadable" | "too_many_pixels";

/** Why an upload cannot be an avatar before anything decodes it, or null when it may be tried. */
export function avatarUploadRefusal(bytes: Uint8Array): AvatarRefusal | null {
  if (bytes.length > AVATAR_MAX_BYTES) return "too_large";
  if (imageTypeOf(bytes) === null) return "unsupported_type";
  return null;
}

/** The name an avatar's square is served and stored under: `<key>-512.webp`. */
export const avatarFileName = (key: string, size: number) => `${key}-${size}.webp`;

/** Where a served file name lives in the file store. */
export const avatarStorageKey = (fileName: string) => `avatars/${fileName}`;

const avatarFilePattern = new RegExp(`^[0-9a-f]{32}-(${Object.values(avatarSizes).join("|")})\\.webp$`);

/** Whether a requested file name is one an avatar could have; anything else is not looked up at all. */
export function isAvatarFileName(fileName: string): boolean {
  return avatarFilePattern.test(fileName);
}
