import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const bin = fileURLToPath(new URL("../../bin/skillswap.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "skillswap-slack-manifest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `skillswap slack-manifest …` the way an operator does, through the npm bin. */
async function slackManifest(publicUrl: string, ...args: string[]) {
  const env = {
    ...process.env,
    PUBLIC_URL: publicUrl,
    DATABASE_URL: `file:${join(dir, "cli.db")}`,
    SKILLSWAP_CONFIG: join(dir, "none.json"),
  };
  return run(process.execPath, [bin, "slack-manifest", ...args], { env, cwd: dir, timeout: 120_000 });
}

describe("skillswap slack-manifest", () => {
  it("prints the Slack app manifest as JSON, with the URLs of PUBLIC_URL", async () => {
    const { stdout, stderr } = await slackManifest("https://swap.example.org");
    const manifest = JSON.parse(stdout) as {
      features: { slash_commands: { command: string; url: string }[] };
      oauth_config: { redirect_urls: string[] };
    };
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: "/skillswap", url: "https://swap.example.org/slack/events" }),
    ]);
    expect(manifest.oauth_config.redirect_urls).toEqual(["https://swap.example.org/slack/oauth_redirect"]);
    expect(stderr).toBe("");
  }, 120_000);

  it("warns on stderr, leaving stdout valid JSON, when Slack could not call PUBLIC_URL", async () => {
    const { stdout, stderr } = await slackManifest("http://localhost:3000", "--name", "Swap Club");
    expect(JSON.parse(stdout)).toMatchObject({ display_information: { name: "Swap Club" } });
    expect(stderr).toContain("Slack only calls https addresses");
    const socket = await slackManifest("http://localhost:3000", "--socket-mode");
    expect(JSON.parse(socket.stdout)).toMatchObject({ settings: { socket_mode_enabled: true } });
    expect(socket.stderr).toBe("");
  }, 120_000);
});
