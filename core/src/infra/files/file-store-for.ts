import { ConfigError, type Config } from "../../config.js";
import type { FileStore } from "../../ports/file-store.js";
import { diskFileStore } from "./disk-file-store.js";
import { s3FileStore } from "./s3-file-store.js";

type FileConfig = Pick<
  Config,
  | "UPLOADS_DIR"
  | "S3_BUCKET"
  | "S3_ENDPOINT"
  | "S3_REGION"
  | "S3_FORCE_PATH_STYLE"
  | "S3_ACCESS_KEY_ID"
  | "S3_SECRET_ACCESS_KEY"
>;

/** The configured file store: S3 when S3_BUCKET is set, else UPLOADS_DIR on disk. */
export function fileStoreFor(config: FileConfig): FileStore {
  if (config.S3_BUCKET === undefined) return diskFileStore(config.UPLOADS_DIR);
  const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new ConfigError(
      "Invalid configuration:\n  S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both, or neither to use the AWS SDK's default credentials",
    );
  }
  return s3FileStore({
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    // MinIO and most S3-compatible services only answer path-style requests.
    forcePathStyle: config.S3_FORCE_PATH_STYLE ?? config.S3_ENDPOINT !== undefined,
    credentials:
      accessKeyId === undefined || secretAccessKey === undefined ? undefined : { accessKeyId, secretAccessKey },
  });
}
