import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const noFile = "/nonexistent/skillswap.config.json";

describe("configuration of the web server", () => {
  it("serves on localhost by default, with no Discord endpoint and a per-process session secret", () => {
    const config = loadConfig({}, {}, noFile);
    expect(config).toMatchObject({ HOST: "127.0.0.1", PORT: 3000, PUBLIC_URL: "http://localhost:3000" });
    expect(config.SESSION_SECRET).toBeUndefined();
    expect(config.DISCORD_PUBLIC_KEY).toBeUndefined();
  });

  it("reads the web settings from the environment", () => {
    const config = loadConfig(
      {},
      {
        HOST: "0.0.0.0",
        PORT: "8080",
        PUBLIC_URL: "https://swap.example.org",
        SESSION_SECRET: "s".repeat(32),
        DISCORD_PUBLIC_KEY: "ab".repeat(32),
        DISCORD_APPLICATION_ID: "123456789012345678",
      },
      noFile,
    );
    expect(config).toMatchObject({ HOST: "0.0.0.0", PORT: 8080, PUBLIC_URL: "https://swap.example.org" });
  });

  it("refuses a session secret too short to sign anything safely, and a public key that is not one", () => {
    expect(() => loadConfig({}, { SESSION_SECRET: "short" }, noFile)).toThrow(ConfigError);
    expect(() => loadConfig({}, { DISCORD_PUBLIC_KEY: "not-hex" }, noFile)).toThrow(/DISCORD_PUBLIC_KEY/);
  });
});

describe("configuration of matching", () => {
  it("offers teachers of every level by default", () => {
    expect(loadConfig({}, {}, noFile).MIN_TEACH_LEVEL).toBe(1);
  });

  it("takes a minimum teaching level from the environment, or as minTeachLevel from the configuration file", () => {
    expect(loadConfig({}, { MIN_TEACH_LEVEL: "3" }, noFile).MIN_TEACH_LEVEL).toBe(3);
    const dir = mkdtempSync(join(tmpdir(), "skillswap-config-"));
    const file = join(dir, "skillswap.config.json");
    writeFileSync(file, JSON.stringify({ minTeachLevel: 4 }));
    expect(loadConfig({}, {}, file).MIN_TEACH_LEVEL).toBe(4);
    expect(loadConfig({}, { MIN_TEACH_LEVEL: "2" }, file).MIN_TEACH_LEVEL).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a minimum teaching level outside 1–5, naming it", () => {
    expect(() => loadConfig({}, { MIN_TEACH_LEVEL: "6" }, noFile)).toThrow(/MIN_TEACH_LEVEL/);
    expect(() => loadConfig({}, { MIN_TEACH_LEVEL: "two" }, noFile)).toThrow(/MIN_TEACH_LEVEL/);
  });
});

describe("configuration of Slack installs", () => {
  it("takes a token key of 32 bytes written as hex or base64", () => {
    for (const key of ["ab".repeat(32), "q".repeat(43) + "=", "q".repeat(43)])
      expect(loadConfig({}, { SLACK_TOKEN_KEY: key }, noFile).SLACK_TOKEN_KEY).toBe(key);
  });

  it("refuses a token key of any other length, naming it", () => {
    expect(() => loadConfig({}, { SLACK_TOKEN_KEY: "ab".repeat(16) }, noFile)).toThrow(/SLACK_TOKEN_KEY/);
    expect(() => loadConfig({}, { SLACK_TOKEN_KEY: "correct horse battery staple" }, noFile)).toThrow(
      /SLACK_TOKEN_KEY/,
    );
  });
});
