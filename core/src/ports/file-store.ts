import type { Readable } from "node:stream";

/** A stored file as it is read back: its bytes as a stream, and the type it was stored with. */
export interface StoredFile {
  readonly body: Readable;
  readonly contentType: string;
  /** In bytes, when the store knows it without reading the file. */
  readonly size: number | null;
}

/**
 * Where uploaded files live: a directory on disk (embedded) or an S3 bucket (scale-out). Keys are chosen by
 * core, never by a client, and must satisfy `isFileKey`; every implementation refuses any other.
 * Nothing here serves files to the web: the web server streams `get` (see README, "Avatars").
 */
export interface FileStore {
  readonly kind: "disk" | "s3";
  /** Stores the bytes under the key, replacing whatever was there; readers never see a half-written file. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file, or null when nothing is stored under the key. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
  /** Resolves when the store can be written now (the bucket answers, the folder is writable): readiness. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

// Segments of letters, digits, '.', '_' and '-', none starting with '.': no "..", no hidden or absolute
// path, nothing a disk store could resolve outside its directory nor an S3 console would show oddly.
const fileKeyPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}(\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}){0,7}$/;

export function isFileKey(key: string): boolean {
  return fileKeyPattern.test(key);
}

export class InvalidFileKeyError extends Error {
  override readonly name = "InvalidFileKeyError";
  constructor(key: string) {
    super(`not a valid file key: ${JSON.stringify(key.slice(0, 80))}`);
  }
}

export function requireFileKey(key: string): string {
  if (!isFileKey(key)) throw new InvalidFileKeyError(key);
  return key;
}
