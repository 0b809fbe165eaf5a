import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { z } from "zod";

/** Vite's build manifest (build.manifest): each chunk's file and what it imports. */
const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
  }),
);

export interface ScriptSize {
  readonly file: string;
  readonly gzipBytes: number;
}

/**
 * The JavaScript a first visit to the landing page downloads: the entry chunk, the landing page's lazy chunk,
 * and every chunk they import statically — each gzipped as a server or CDN would send it.
 */
export function firstPageScripts(distDir: string): ScriptSize[] {
  const manifest = manifestSchema.parse(
    JSON.parse(readFileSync(join(distDir, ".vite", "manifest.json"), "utf8")) as unknown,
  );
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (chunk === undefined || seen.has(key)) return;
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry === true) visit(key);
  visit("src/pages/landing.tsx");
  return [...seen].flatMap((key) => {
    const file = manifest[key]?.file;
    if (file?.endsWith(".js") !== true) return [];
    return [{ file, gzipBytes: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length }];
  });
}
