import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, mkdir, open, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { requireFileKey, type FileStore, type StoredFile } from "../../ports/file-store.js";

const isMissing = (error: unknown) =>
  error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");

/**
 * Files in a directory (UPLOADS_DIR, ./data/uploads by default): each key is a plain file an operator can
 * look at and back up, its content type beside it under `.types/`. Keys never start with '.', so these
 * folders cannot collide with one.
 */
export function diskFileStore(directory: string): FileStore {
  const root = resolve(directory);
  const typesRoot = join(root, ".types");
  const partialRoot = join(root, ".partial");

  /** The path of a key inside `base`; a key that would resolve elsewhere is refused, whatever the pattern says. */
  function pathOf(base: string, key: string): string {
    const path = resolve(base, requireFileKey(key));
    if (!path.startsWith(base + sep)) throw new Error(`file key escapes the uploads directory: ${key}`);
    return path;
  }

  /** Writes beside the target then renames: a rename within one file system is atomic. */
  async function writeAtomically(path: string, bytes: Uint8Array | string): Promise<void> {
    await mkdir(partialRoot, { recursive: true });
    await mkdir(dirname(path), { recursive: true });
    const partial = join(partialRoot, randomBytes(12).toString("hex"));
    try {
      await writeFile(partial, bytes);
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  return {
    kind: "disk",

    async put(key, bytes, contentType) {
      // The type first: a reader who finds the file always finds its type.
      await writeAtomically(pathOf(typesRoot, key), contentType);
      await writeAtomically(pathOf(root, key), bytes);
    },

    async get(key): Promise<StoredFile | null> {
      const path = pathOf(root, key);
      let handle;
      try {
        // Opened before anything else: a delete from now on cannot cut the stream short.
        handle = await open(path, "r");
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      try {
        const stats = await handle.stat();
        if (!stats.isFile()) {
          await handle.close();
          return null;
        }
        const contentType = await readFile(pathOf(typesRoot, key), "utf8").catch((error: unknown) => {
          if (isMissing(error)) return "application/octet-stream";
          throw error;
        });
        return { body: handle.createReadStream(), contentType, size: stats.size };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async delete(key) {
      await rm(pathOf(root, key), { force: true });
      await rm(pathOf(typesRoot, key), { force: true });
    },

    async ready() {
      await mkdir(root, { recursive: true });
      await access(root, constants.W_OK);
    },

    close: () => Promise.resolve(),
  };
}
