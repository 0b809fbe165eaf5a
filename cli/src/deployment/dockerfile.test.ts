import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// No Docker engine runs in CI, so the image is never built here: these tests read the Dockerfile for what it
// promises (a slim final stage with production dependencies and built output only, run by an unprivileged user).
const root = new URL("../../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}
interface Stage {
  readonly name: string;
  readonly instructions: Instruction[];
}

/** The Dockerfile's stages, each with its instructions (continued lines joined, comments dropped). */
function stagesOf(text: string): Stage[] {
  const lines = text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [keyword = "", ...rest] = line.split(/\s+/);
    const args = rest.join(" ");
    if (keyword.toUpperCase() === "FROM")
      stages.push({ name: /\bAS\s+(\S+)/i.exec(args)?.[1] ?? "", instructions: [] });
    else stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
  }
  return stages;
}

const stages = stagesOf(read("Dockerfile"));
const final = stages.at(-1) ?? { name: "", instructions: [] };
const argsOf = (stage: Stage, keyword: string) =>
  stage.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);
/** What the final stage copies out of another stage: "stage:/path" for each source. */
const copiedFromStages = argsOf(final, "COPY").flatMap((args) => {
  const from = /--from=(\S+)/.exec(args)?.[1];
  const paths = args.split(/\s+/).filter((part) => !part.startsWith("--"));
  return from === undefined ? [] : paths.slice(0, -1).map((path) => `${from}:${path}`);
});
const manifest: { workspaces: string[]; scripts: Record<string, string> } = JSON.parse(read("package.json"));

describe("the Dockerfile", () => {
  it("runs the final stage as an unprivileged user", () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const user = argsOf(final, "USER").at(-1);
    expect(user).toBeDefined();
    expect(["root", "0", "0:0", "root:root"]).not.toContain(user);
    // Nothing after the switch runs as anyone else.
    const switchedAt = final.instructions.findLastIndex((instruction) => instruction.keyword === "USER");
    const later = final.instructions.slice(switchedAt + 1).map((instruction) => instruction.keyword);
    expect(later).not.toContain("RUN");
  });

  it("ships production dependencies only: `npm ci --omit=dev` in a stage of their own", () => {
    const deps = stages.find((stage) => argsOf(stage, "RUN").some((run) => /\bnpm ci\b.*--omit=dev/.test(run)));
    expect(deps).toBeDefined();
    expect(copiedFromStages).toContain(`${deps?.name ?? ""}:/app/node_modules`);
    // The final stage installs nothing and takes no node_modules from the stage that has the dev dependencies.
    expect(argsOf(final, "RUN").filter((run) => /\bnpm (ci|install|i)\b/.test(run))).toEqual([]);
    const foreignModules = copiedFromStages.filter(
      (source) => source.includes("node_modules") && !source.startsWith(`${deps?.name ?? ""}:`),
    );
    expect(foreignModules).toEqual([]);
  });

  it("builds what the root postinstall builds, and fails the image when that fails", () => {
    const build = stages.find((stage) => argsOf(stage, "RUN").some((run) => run.includes("npm run build")));
    expect(build).toBeDefined();
    const runs = argsOf(build ?? final, "RUN").join("\n");
    // The postinstall only warns when a build fails (so `npm ci` survives); the image runs the strict steps.
    expect(manifest.scripts.postinstall).toContain("prisma/scripts/generate.mjs");
    expect(runs).toContain("node prisma/scripts/generate.mjs");
    expect(manifest.scripts.build).toMatch(/tsc -b.*dashboard\/web\/build\.mjs/);
  });

  it("copies each workspace's compiled code, sources and build stamp, the pages and the migrations", () => {
    const build = stages.find((stage) => argsOf(stage, "RUN").some((run) => run.includes("npm run build")));
    const from = (path: string) => `${build?.name ?? ""}:/app/${path}`;
    for (const workspace of manifest.workspaces)
      for (const part of ["src", "dist", "tsconfig.tsbuildinfo"])
        expect(copiedFromStages).toContain(from(`${workspace}/${part}`));
    for (const path of ["dashboard/web/dist", "prisma/migrations", "prisma/postgres/migrations", "cli/bin"])
      expect(copiedFromStages).toContain(from(path));
  });

  it("starts the `skillswap` command and listens where the Compose file expects", () => {
    const cli: { bin: Record<string, string> } = JSON.parse(read("cli/package.json"));
    expect(argsOf(final, "ENTRYPOINT").at(-1)).toContain(`cli/${(cli.bin.skillswap ?? "").replace(/^\.\//, "")}`);
    expect(argsOf(final, "ENV").join(" ")).toMatch(/HOST=0\.0\.0\.0/);
    expect(argsOf(final, "EXPOSE")).toEqual(["3000"]);
  });
});

describe("the .dockerignore", () => {
  it("keeps local secrets, data and installed or built output out of the build", () => {
    const ignored = read(".dockerignore")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("#"));
    expect(ignored).toEqual(expect.arrayContaining([".env", "data", "**/node_modules", "**/dist", "**/*.tsbuildinfo"]));
  });
});
