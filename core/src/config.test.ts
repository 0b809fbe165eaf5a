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
