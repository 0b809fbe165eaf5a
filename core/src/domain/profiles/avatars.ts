import { randomBytes } from "node:crypto";
import { invalid, notFound, type DomainError } from "../../errors.js";
import type { Tx } from "../../infra/prisma/database.js";
import { squareWebp } from "../../infra/images/square-webp.js";
import { translate } from "../../messages/index.js";
import type { StoredFile } from "../../ports/file-store.js";
import { recordEvent } from "../outbox/record-event.js";
import type { ServiceDeps } from "../shared/deps.js";
import {
  AVATAR_MAX_BYTES,
  AVATAR_MAX_PIXELS,
  avatarFileName,
  avatarSizes,
  avatarStorageKey,
  avatarUploadRefusal,
  isAvatarFileName,
  type AvatarRefusal,
} from "./avatar-rules.js";

/** Where a profile's picture is seen, as absolute URLs every surface can use (a chat embed needs one). */
export interface AvatarUrls {
  readonly avatarUrl: string | null;
  readonly avatarSmallUrl: string | null;
}

/** The URLs of the avatar stored under `key`, served by the web server at `publicUrl`. */
export function avatarUrlsOf(publicUrl: string, key: string | null): AvatarUrls {
  const urlOf = (stored: string, size: number) => new URL(`/avatars/${avatarFileName(stored, size)}`, publicUrl).href;
  return key === null
    ? { avatarUrl: null, avatarSmallUrl: null }
    : { avatarUrl: urlOf(key, avatarSizes.large), avatarSmallUrl: urlOf(key, avatarSizes.small) };
}

const sizes = Object.values(avatarSizes);
const megabytes = AVATAR_MAX_BYTES / (1024 * 1024);

function refused(reason: AvatarRefusal): DomainError {
  const sentence = {
    too_large: () => translate("avatar.too_large", { max: megabytes }),
    unsupported_type: () => translate("avatar.unsupported_type"),
    unreadable: () => translate("avatar.unreadable"),
    too_many_pixels: () => translate("avatar.too_many_pixels", { max: AVATAR_MAX_PIXELS / 1_000_000 }),
  }[reason];
  return invalid(`AVATAR.${reason.toUpperCase()}`, [{ field: "avatar", message: sentence() }]);
}

/** The keys of an avatar's files in the store. */
const storedFilesOf = (key: string) => sizes.map((size) => avatarStorageKey(avatarFileName(key, size)));

/**
 * Profile pictures: decoded and re-encoded here (so only pixels we made are ever served), stored under a new
 * random key at every change — URLs never change meaning, so they can be cached forever — and the key
 * switched in a transaction. The key is random rather than a row id: the file URL is the only thing standing
 * between a stranger and the picture of a private profile.
 */
export function createAvatars(deps: ServiceDeps, publicUrl: string) {
  const { db, files, clock } = deps;

  /**
   * Files of a replaced avatar are removed after the commit that let go of them. A failure is swallowed: the
   * change has been made and said; what is left is an unreferenced file, which costs storage and nothing else.
   */
  async function discard(key: string | null): Promise<void> {
    if (key === null) return;
    await Promise.allSettled(storedFilesOf(key).map((stored) => files.delete(stored)));
  }

  /**
   * Points the user at `next` unless their avatar changed since it was read (a second upload racing this one):
   * then reads again, so the key this returns is always the one really replaced and its files can go.
   */
  async function swapKey(tx: Tx, userId: string, next: string | null): Promise<string | null> {
    for (;;) {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { status: true, avatarKey: true } });
      if (user === null || user.status !== "active")
        throw notFound("USER.NOT_FOUND", "user.not_found", { handle: userId });
      if (user.avatarKey === next) return next;
      const { count } = await tx.user.updateMany({
        where: { id: userId, avatarKey: user.avatarKey },
        data: { avatarKey: next, lastActiveAt: clock.now() },
      });
      if (count === 1) return user.avatarKey;
    }
  }

  /** Makes `next` the user's avatar key; returns the key it let go of, null when there was none to let go. */
  async function switchTo(userId: string, next: string | null): Promise<string | null> {
    return db.$transaction(async (tx) => {
      const previous = await swapKey(tx, userId, next);
      if (previous === next) return null;
      await recordEvent(tx, deps, {
        type: "profile.updated",
        aggregateId: userId,
        payload: { userId, fields: ["avatar"] },
      });
      return previous;
    });
  }

  return {
    urlsOf: (key: string | null): AvatarUrls => avatarUrlsOf(publicUrl, key),

    /** Makes `bytes` the user's picture; anything but a whole JPEG, PNG, WebP or GIF is refused, nothing changed. */
    async replace(userId: string, bytes: Uint8Array): Promise<void> {
      const refusal = avatarUploadRefusal(bytes);
      if (refusal !== null) throw refused(refusal);
      const result = await squareWebp(bytes, sizes, AVATAR_MAX_PIXELS);
      if (result.kind !== "converted") throw refused(result.kind);
      const key = randomBytes(16).toString("hex");
      let previous: string | null;
      try {
        await Promise.all(
          [...result.images].map(([size, image]) =>
            files.put(avatarStorageKey(avatarFileName(key, size)), image, "image/webp"),
          ),
        );
        previous = await switchTo(userId, key);
      } catch (error) {
        await discard(key);
        throw error;
      }
      await discard(previous);
    },

    async remove(userId: string): Promise<void> {
      await discard(await switchTo(userId, null));
    },

    discard,

    /** A served avatar file by its name (`<key>-512.webp`). */
    async file(fileName: string): Promise<StoredFile> {
      const stored = isAvatarFileName(fileName) ? await files.get(avatarStorageKey(fileName)) : null;
      if (stored === null) throw notFound("AVATAR.NOT_FOUND", "avatar.not_found");
      return stored;
    },
  };
}
