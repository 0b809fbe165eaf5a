import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidFileKeyError, type FileStore } from "../../ports/file-store.js";
import { startLocalS3 } from "../../testing/local-s3.js";
import { diskFileStore } from "./disk-file-store.js";
import { fileStoreFor } from "./file-store-for.js";
import { s3FileStore } from "./s3-file-store.js";

const bytesOf = async (stream: Readable) => Buffer.concat((await stream.toArray()) as Buffer[]);

interface StoreUnderTest {
  readonly store: FileStore;
  close(): Promise<void>;
}

/** A real S3 bucket, when the environment names one: TEST_S3_BUCKET (+ TEST_S3_ENDPOINT, TEST_S3_REGION, keys). */
function realS3(): (() => Promise<StoreUnderTest>) | null {
  const bucket = process.env.TEST_S3_BUCKET;
  if (bucket === undefined || bucket === "") return null;
  const accessKeyId = process.env.TEST_S3_ACCESS_KEY_ID;
  const secretAccessKey = process.env.TEST_S3_SECRET_ACCESS_KEY;
  const endpoint = process.env.TEST_S3_ENDPOINT === "" ? undefined : process.env.TEST_S3_ENDPOINT;
  return () => {
    const store = s3FileStore({
      bucket,
      region: process.env.TEST_S3_REGION ?? "us-east-1",
      endpoint,
      forcePathStyle: endpoint !== undefined,
      credentials:
        accessKeyId === undefined || secretAccessKey === undefined ? undefined : { accessKeyId, secretAccessKey },
    });
    return Promise.resolve({ store, close: () => store.close() });
  };
}

const stores: Array<[string, () => Promise<StoreUnderTest>]> = [
  [
    "disk",
    () => {
      const directory = mkdtempSync(join(tmpdir(), "skillswap-files-"));
      const store = diskFileStore(directory);
      return Promise.resolve({
        store,
        close: () => {
          rmSync(directory, { recursive: true, force: true });
          return Promise.resolve();
        },
      });
    },
  ],
  [
    "S3 (s3rver)",
    async () => {
      const s3 = await startLocalS3();
      const store = fileStoreFor({ UPLOADS_DIR: "unused", S3_REGION: "us-east-1", ...s3.config });
      return {
        store,
        close: async () => {
          await store.close();
          await s3.close();
        },
      };
    },
  ],
];
const real = realS3();
if (real !== null) stores.push(["S3 (TEST_S3_BUCKET)", real]);

describe.each(stores)("the %s file store", (_name, open) => {
  let subject: StoreUnderTest;
  let store: FileStore;
  // Keys of a run of their own, so a shared real bucket is left as it was found.
  const prefix = `contract-${randomBytes(6).toString("hex")}`;
  const written: string[] = [];
  const key = (name: string) => {
    written.push(`${prefix}/${name}`);
    return `${prefix}/${name}`;
  };

  beforeAll(async () => {
    subject = await open();
    store = subject.store;
  });
  afterAll(async () => {
    await Promise.allSettled(written.map((k) => store.delete(k)));
    await subject.close();
  });

  it("gives back the bytes and the content type it was given", async () => {
    const bytes = randomBytes(70_000);
    await store.put(key("avatars/a-512.webp"), bytes, "image/webp");
    const file = await store.get(key("avatars/a-512.webp"));
    expect(file?.contentType).toBe("image/webp");
    expect(file?.size).toBe(bytes.length);
    expect(file === null ? null : await bytesOf(file.body)).toEqual(bytes);
  });

  it("replaces a file put again under the same key", async () => {
    await store.put(key("notes.txt"), Buffer.from("first"), "text/plain");
    await store.put(key("notes.txt"), Buffer.from("second, longer"), "text/markdown");
    const file = await store.get(key("notes.txt"));
    expect(file?.contentType).toBe("text/markdown");
    expect(file === null ? "" : (await bytesOf(file.body)).toString()).toBe("second, longer");
  });

  it("answers null for a key that holds nothing", async () => {
    expect(await store.get(key("never-written.png"))).toBeNull();
  });

  it("forgets a deleted file, and deleting it again is fine", async () => {
    await store.put(key("gone.bin"), Buffer.from([1, 2, 3]), "application/octet-stream");
    await store.delete(key("gone.bin"));
    expect(await store.get(key("gone.bin"))).toBeNull();
    await expect(store.delete(key("gone.bin"))).resolves.toBeUndefined();
  });

  it.each(["../escape.txt", "/etc/passwd", "a/../../b", ".types/x", "a//b", "a\\b", "", "a/./b", "ü.png"])(
    "refuses the key %j before touching anything",
    async (bad) => {
      await expect(store.put(bad, Buffer.from("x"), "text/plain")).rejects.toBeInstanceOf(InvalidFileKeyError);
      await expect(store.get(bad)).rejects.toBeInstanceOf(InvalidFileKeyError);
      await expect(store.delete(bad)).rejects.toBeInstanceOf(InvalidFileKeyError);
    },
  );
});

describe("the disk file store's directory", () => {
  it("holds every file inside it, whatever key was tried", async () => {
    const parent = mkdtempSync(join(tmpdir(), "skillswap-files-parent-"));
    const store = diskFileStore(join(parent, "uploads"));
    await store.put("avatars/ok.webp", Buffer.from("x"), "image/webp");
    await expect(store.put("../outside.txt", Buffer.from("x"), "text/plain")).rejects.toThrow();
    expect(readdirSync(parent)).toEqual(["uploads"]);
    expect(existsSync(join(parent, "uploads", "avatars", "ok.webp"))).toBe(true);
    rmSync(parent, { recursive: true, force: true });
  });
});

describe("choosing the file store from configuration", () => {
  const base = { UPLOADS_DIR: "./data/uploads", S3_REGION: "us-east-1" } as const;

  it("keeps files on disk unless S3_BUCKET is set", async () => {
    const store = fileStoreFor(base);
    expect(store.kind).toBe("disk");
    await store.close();
  });

  it("uses S3 when S3_BUCKET is set", async () => {
    const store = fileStoreFor({ ...base, S3_BUCKET: "uploads" });
    expect(store.kind).toBe("s3");
    await store.close();
  });

  it("refuses one S3 credential without the other", () => {
    expect(() => fileStoreFor({ ...base, S3_BUCKET: "uploads", S3_ACCESS_KEY_ID: "key" })).toThrow(
      /S3_SECRET_ACCESS_KEY: set both/,
    );
  });
});
