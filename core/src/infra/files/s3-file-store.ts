import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { requireFileKey, type FileStore, type StoredFile } from "../../ports/file-store.js";

export interface S3FileStoreOptions {
  readonly bucket: string;
  readonly region: string;
  /** An S3-compatible service (MinIO); AWS when absent. */
  readonly endpoint?: string | undefined;
  readonly forcePathStyle: boolean;
  /** Explicit credentials; without them the SDK's default chain (environment, profile, instance role) applies. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string } | undefined;
}

/** Files as objects of one bucket, the key as the object's key. */
export function s3FileStore(options: S3FileStoreOptions): FileStore {
  const config: S3ClientConfig = {
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === undefined ? {} : { credentials: { ...options.credentials } }),
  };
  const client = new S3Client(config);
  const Bucket = options.bucket;

  return {
    kind: "s3",

    async put(key, bytes, contentType) {
      await client.send(
        new PutObjectCommand({ Bucket, Key: requireFileKey(key), Body: bytes, ContentType: contentType }),
      );
    },

    async get(key): Promise<StoredFile | null> {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: requireFileKey(key) }));
        // In Node the SDK's body is an http.IncomingMessage: a Readable already.
        if (!(object.Body instanceof Readable)) throw new Error("S3 answered without a readable body");
        return {
          body: object.Body,
          contentType: object.ContentType ?? "application/octet-stream",
          size: object.ContentLength ?? null,
        };
      } catch (error) {
        // Only a missing key is "nothing here"; a missing bucket or refused credentials is a fault to report.
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: requireFileKey(key) }));
    },

    async ready() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },

    close() {
      client.destroy();
      return Promise.resolve();
    },
  };
}
