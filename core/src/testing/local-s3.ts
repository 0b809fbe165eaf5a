import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ConfigInput } from "../config.js";

// s3rver ships no types; this is the part of its API the tests use (its README, "Programmatically running").
interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string; configs: string[] }[];
}) => S3rverInstance;

/** A real S3 API (s3rver) on loopback, with one empty bucket. */
export interface LocalS3 {
  readonly endpoint: string;
  readonly bucket: string;
  /** What points a core's uploads at it. */
  readonly config: Required<
    Pick<ConfigInput, "S3_BUCKET" | "S3_ENDPOINT" | "S3_ACCESS_KEY_ID" | "S3_SECRET_ACCESS_KEY">
  >;
  close(): Promise<void>;
}

/** Starts s3rver on 127.0.0.1 at a free port; close() stops it and removes what it stored. */
export async function startLocalS3(bucket = "skillswap-test"): Promise<LocalS3> {
  // Loaded on demand: it is a development tool, and most test files never need it.
  const S3rver = createRequire(import.meta.url)("s3rver") as S3rverClass;
  const directory = mkdtempSync(join(tmpdir(), "skillswap-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    // s3rver checks signatures made with these fixed credentials.
    config: { S3_BUCKET: bucket, S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER" },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
