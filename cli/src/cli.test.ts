import { execFile } from "node:child_process";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { closedPort as freePort } from "@skillswap/core/testing";

const run = promisify(execFile);
const bin = fileURLToPath(new URL("../bin/skillswap.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "skillswap-cli-"));
const env = { ...process.env, DATABASE_URL: `file:${join(dir, "cli.db")}`, SKILLSWAP_CONFIG: join(dir, "none.json") };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `skillswap …` the way an operator does, through the npm bin. */
function skillswap(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return skillswapWith({}, ...args);
}

/** The same with some configuration changed; an empty string unsets a variable, as the config reader does. */
async function skillswapWith(
  changes: Record<string, string>,
  ...args: string[]
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...env, ...changes },
      cwd: dir,
      timeout: 120_000,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failure = error as { stdout: string; stderr: string; code: number };
    return { stdout: failure.stdout, stderr: failure.stderr, code: failure.code };
  }
}

describe("the skillswap command", () => {
  it("explains itself", async () => {
    const { stdout, code } = await skillswap("--help");
    expect(code).toBe(0);
    for (const command of [
      "start",
      "migrate",
      "seed",
      "profile",
      "recommend",
      "search",
      "reindex",
      "swaps",
      "groups",
      "outbox",
      "doctor",
    ])
      expect(stdout).toContain(command);
  });

  it("migrates an empty database and reports it as JSON", async () => {
    const { stdout, code } = await skillswap("migrate", "--json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { provider: string; applied: string[] };
    expect(report.provider).toBe("sqlite");
    expect(report.applied.length).toBeGreaterThan(0);
    expect(JSON.parse((await skillswap("migrate", "--json")).stdout)).toMatchObject({ applied: [] });
  });

  it("starts on first run with demo people, then leaves them alone", async () => {
    // Slack is off without its keys, so start prepares everything and exits; the tests below run roles.
    const first = await skillswap("start", "--roles", "slack", "--json");
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      database: "sqlite",
      demo: expect.stringMatching(/seeded the demo community with \d{3} people/),
    });
    const second = JSON.parse((await skillswap("start", "--roles", "slack", "--json")).stdout) as { demo: string };
    expect(second.demo).toMatch(/already holds \d+ people/);
  }, 60_000);

  it("runs the worker until it is told to stop, settling the outbox meanwhile", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [bin, "start", "--roles", "worker"], { env, cwd: dir });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    for (let i = 0; i < 300 && !stdout.includes("Worker running"); i++) await new Promise((r) => setTimeout(r, 100));
    expect(stdout).toContain("Worker running");
    const { createCore, loadConfig } = await import("@skillswap/core");
    const core = await createCore(loadConfig({ DATABASE_URL: env.DATABASE_URL }, {}), { prepare: false });
    try {
      await core.database.db.$transaction((tx) =>
        tx.outboxEvent.create({
          data: { id: "evt-worker-pending", type: "profile.updated", aggregateId: "someone", payload: "{}" },
        }),
      );
      let status = "pending";
      for (let i = 0; i < 100 && status === "pending"; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status = (await core.database.db.outboxEvent.findUnique({ where: { id: "evt-worker-pending" } }))?.status ?? "";
      }
      expect(status).toBe("delivered");
    } finally {
      await core.close();
    }
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toContain("Stopped (SIGTERM).");
  }, 60_000);

  it("exits with the status of the real process when that process is killed, as a supervisor expects", async () => {
    const { spawn } = await import("node:child_process");
    for (const [signal, status] of [
      ["SIGKILL", 137],
      ["SIGTERM", 0],
    ] as const) {
      // From sources the launcher runs SkillSwap as a child process (a build runs in the launcher's own process).
      const launcher = spawn(process.execPath, [bin, "start", "--roles", "worker"], {
        env: { ...env, SKILLSWAP_FROM_SOURCE: "1" },
        cwd: dir,
      });
      let stdout = "";
      launcher.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => launcher.on("exit", resolve));
      for (let i = 0; i < 300 && !stdout.includes("Worker running"); i++) await new Promise((r) => setTimeout(r, 100));
      // The launcher runs SkillSwap as its child: that child is the process a supervisor's signal may hit.
      const { stdout: children } = await run("pgrep", ["-P", String(launcher.pid)]);
      const real = Number(children.trim().split("\n")[0]);
      process.kill(real, signal);
      // SIGTERM stops the worker cleanly (status 0); SIGKILL cannot be handled: 128 + 9.
      expect(await exited).toBe(status);
    }
  }, 60_000);

  describe("stopping", () => {
    /** `skillswap start` in a fresh database of its own, started by `spawnWith`; resolves once it is running. */
    async function started(spawnWith: (dbDir: string) => ChildProcess) {
      const dbDir = mkdtempSync(join(tmpdir(), "skillswap-stop-"));
      const child = spawnWith(dbDir);
      let stdout = "";
      child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      for (let i = 0; i < 300 && !stdout.includes("Ctrl-C stops it"); i++) await new Promise((r) => setTimeout(r, 100));
      expect(stdout).toContain("Ctrl-C stops it");
      return { child, exited, dbDir, output: () => stdout };
    }
    const startEnv = (dbDir: string) => ({
      ...env,
      DATABASE_URL: `file:${join(dbDir, "s.db")}`,
      SKILLSWAP_DEMO_DATA: "false",
      LOG_LEVEL: "silent",
    });
    const leftOver = (dbDir: string) => readdirSync(dbDir).filter((name) => name !== "s.db");
    const gone = async (pid: number) => {
      // Generous: on a loaded CI machine the shutdown after the parent's death can take seconds.
      for (let i = 0; i < 300; i++) {
        try {
          process.kill(pid, 0);
        } catch {
          return true;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      return false;
    };

    it("stops every role on one Ctrl-C, even delivered twice at once, and closes the database cleanly", async () => {
      // A terminal's Ctrl-C signals the whole process group; npm passes it on again a moment later.
      for (let attempt = 0; attempt < 3; attempt++) {
        const port = String(await freePort());
        const { child, exited, dbDir, output } = await started((d) =>
          spawn(process.execPath, [bin, "start", "--roles", "worker,web"], {
            env: { ...startEnv(d), PORT: port },
            cwd: dir,
            detached: true,
          }),
        );
        process.kill(-(child.pid ?? 0), "SIGINT");
        process.kill(-(child.pid ?? 0), "SIGINT");
        expect(await exited).toBe(0);
        expect(output()).toContain("Stopped (SIGINT).");
        // Every connection closed: SQLite folds its write-ahead log back and removes it.
        expect(leftOver(dbDir)).toEqual([]);
        rmSync(dbDir, { recursive: true, force: true });
      }
    }, 90_000);

    /** The web role, with a client that sent half a request: the server waits for the rest while it stops. */
    async function webWithAHalfSentRequest(graceMs: number) {
      const port = await freePort();
      const stopping = await started((d) =>
        spawn(process.execPath, [bin, "start", "--roles", "web"], {
          env: { ...startEnv(d), PORT: String(port), SHUTDOWN_GRACE_MS: String(graceMs) },
          cwd: dir,
        }),
      );
      let stderr = "";
      stopping.child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const client = connect(port, "127.0.0.1");
      await new Promise((resolve) => client.on("connect", resolve));
      const clientClosed = new Promise<void>((resolve) => client.on("close", () => resolve()));
      client.write("GET /health HTTP/1.1\r\nHost: localhost\r\n");
      await new Promise((r) => setTimeout(r, 200));
      return { ...stopping, clientClosed, stderr: () => stderr };
    }

    it("gives requests in flight the grace period, then closes their connections and stops", async () => {
      const { child, exited, dbDir, output, clientClosed } = await webWithAHalfSentRequest(500);
      child.kill("SIGINT");
      expect(await exited).toBe(0);
      await clientClosed;
      expect(output()).toContain("Stopped (SIGINT).");
      expect(leftOver(dbDir)).toEqual([]);
      rmSync(dbDir, { recursive: true, force: true });
    }, 60_000);

    it("exits at once, with the signal's status, on a second signal while it stops", async () => {
      const { child, exited, dbDir, output, stderr } = await webWithAHalfSentRequest(60_000);
      child.kill("SIGINT");
      // Still waiting for the half-sent request after the duplicate-signal window: a second Ctrl-C is insisting.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(child.exitCode).toBeNull();
      child.kill("SIGINT");
      expect(await exited).toBe(130);
      expect(stderr()).toContain("SIGINT again while stopping: exiting now.");
      expect(output()).not.toContain("Stopped");
      rmSync(dbDir, { recursive: true, force: true });
    }, 60_000);

    it("stops when the npm that started it is killed, though the shell npm runs it in stays", async () => {
      // `npm start` runs `sh -c "skillswap start"`; killing npm (SIGKILL) passes nothing on, and the shell lives on.
      const npmLike = `const { spawn } = require("node:child_process");
        spawn("sh", ["-c", process.argv[1]], { stdio: "inherit" });
        setInterval(() => {}, 1000);`;
      const { child, dbDir, output } = await started((d) =>
        spawn(process.execPath, ["-e", npmLike, `"${process.execPath}" "${bin}" start --roles worker`], {
          env: startEnv(d),
          cwd: dir,
        }),
      );
      const { stdout: shells } = await run("pgrep", ["-P", String(child.pid)]);
      const shell = Number(shells.trim().split("\n")[0]);
      const { stdout: inner } = await run("pgrep", ["-P", String(shell)]);
      const skillswapPid = Number(inner.trim().split("\n")[0]);
      child.kill("SIGKILL");
      expect(await gone(skillswapPid)).toBe(true);
      expect(output()).toContain("Stopped (parent process gone).");
      expect(leftOver(dbDir)).toEqual([]);
      rmSync(dbDir, { recursive: true, force: true });
    }, 60_000);
  });

  it("serves the web role until it is told to stop: health, login links, Discord's signed endpoint", async () => {
    const { spawn } = await import("node:child_process");
    const port = await freePort();
    const child = spawn(process.execPath, [bin, "start", "--roles", "web", "--json"], {
      env: { ...env, PORT: String(port), LOG_LEVEL: "silent", DISCORD_PUBLIC_KEY: "ab".repeat(32) },
      cwd: dir,
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    for (let i = 0; i < 300 && !stdout.includes('"web"'); i++) await new Promise((r) => setTimeout(r, 100));
    const started = JSON.parse(stdout) as { running: string[]; web: { url: string; discordInteractions: string } };
    expect(started.running).toEqual(["web"]);
    expect(started.web).toEqual({
      url: `http://127.0.0.1:${port}`,
      // Served once `npm run build` (or the install) has built it; a plain page says how to build it otherwise.
      dashboard: expect.stringMatching(/^(served|not built)$/),
      discordInteractions: "served",
    });
    const base = started.web.url;
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ ok: true });
    const home = await fetch(base, { headers: { accept: "text/html" } });
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toMatch(/^text\/html/);
    // Served because DISCORD_PUBLIC_KEY is set; a request Discord did not sign is refused.
    expect((await fetch(`${base}/discord/interactions`, { method: "POST", body: "{}" })).status).toBe(401);

    const { createCore, loadConfig } = await import("@skillswap/core");
    const core = await createCore(loadConfig({ DATABASE_URL: env.DATABASE_URL }, {}), { prepare: false });
    let token: string;
    try {
      const actor = await core.services.accounts.actorForHandle(await someDemoHandle());
      if (actor === null) throw new Error("demo person missing");
      ({ token } = await core.services.accounts.issueLoginLink(actor));
    } finally {
      await core.close();
    }
    const login = await fetch(`${base}/login/link?token=${token}`, { redirect: "manual" });
    expect(login.status).toBe(303);
    expect(login.headers.getSetCookie()[0]).toMatch(/^skillswap=.+HttpOnly/);
    expect((await fetch(`${base}/login/link?token=${token}`, { redirect: "manual" })).status).toBe(400);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toContain('{"stopped":"SIGTERM"}');
    await expect(fetch(`${base}/health`)).rejects.toThrow();
  }, 60_000);

  it("registers the Discord commands in a guild and prints the invite link", async () => {
    const { LocalDiscord } = await import("@skillswap/bot/testing");
    const discord = new LocalDiscord();
    await discord.start();
    try {
      const discordEnv = {
        DISCORD_TOKEN: "local.bot.token",
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_APPLICATION_ID: discord.applicationId,
      };
      const { stdout, code } = await skillswapWith(
        discordEnv,
        "register-commands",
        "--discord",
        "--guild",
        discord.guildId,
        "--json",
      );
      expect(code).toBe(0);
      const result = JSON.parse(stdout) as { names: string[]; scope: unknown; invite: string };
      expect(result.scope).toEqual({ guildId: discord.guildId });
      expect(result.names).toEqual(expect.arrayContaining(["skillswap", "find", "match", "swap", "profile"]));
      expect(
        discord
          .commands("guild")
          .map((c) => c.name)
          .sort(),
      ).toEqual([...result.names].sort());
      const invite = new URL(result.invite);
      expect(invite.searchParams.get("client_id")).toBe(discord.applicationId);
      expect(invite.searchParams.get("scope")).toBe("bot applications.commands");
      expect(await skillswapWith({ DISCORD_TOKEN: "" }, "register-commands", "--discord")).toMatchObject({
        code: 1,
        stderr: expect.stringContaining("Set DISCORD_TOKEN") as string,
      });
    } finally {
      await discord.stop();
    }
  }, 60_000);

  it("runs the Discord bot and the worker that relays for it, until told to stop", async () => {
    const { spawn } = await import("node:child_process");
    const { LocalDiscord } = await import("@skillswap/bot/testing");
    const discord = new LocalDiscord({ guildName: "Lyon Makers" });
    await discord.start();
    const maya = { id: "310000000000000001", username: "maya.k", globalName: "Maya" };
    try {
      const child = spawn(process.execPath, [bin, "start", "--roles", "discord,worker", "--json"], {
        env: { ...env, LOG_LEVEL: "silent", DISCORD_TOKEN: "local.bot.token", DISCORD_API_URL: discord.apiUrl },
        cwd: dir,
      });
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      for (let i = 0; i < 300 && !stdout.includes('"discord"'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(JSON.parse(stdout)).toMatchObject({ running: ["discord", "worker"], discord: "connected" });
      expect(discord.identifies).toBe(1);

      const reply = await discord.interaction({ user: maya, command: "skillswap help" });
      expect(JSON.stringify(reply)).toContain("/find skill");

      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      await discord.stop();
    }
  }, 60_000);

  it("leaves the Discord role off, and says why, until DISCORD_TOKEN is set", async () => {
    const { stdout, code } = await skillswapWith({ DISCORD_TOKEN: "" }, "start", "--roles", "discord", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ running: [], discord: "off (no DISCORD_TOKEN)" });
  }, 60_000);

  it("seeds the demo data idempotently", async () => {
    const { stdout } = await skillswap("seed", "--demo", "--json");
    expect(JSON.parse(stdout)).toMatchObject({ demo: { created: false } });
  });

  it("shows a demo profile for people and as JSON", async () => {
    const handle = await someDemoHandle();
    const human = await skillswap("profile", handle);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`@${handle}`);
    expect(human.stdout).toMatch(/Teaches:/);
    const json = JSON.parse((await skillswap("profile", handle, "--json")).stdout) as {
      handle: string;
      skills: unknown[];
    };
    expect(json.handle).toBe(handle);
    expect(json.skills.length).toBeGreaterThan(0);
  });

  it("answers an unknown profile with a sentence and a failing exit code, not a stack trace", async () => {
    const { stderr, code } = await skillswap("profile", "no-such-person");
    expect(code).toBe(1);
    expect(stderr.trim()).toBe("There is no SkillSwap profile called no-such-person.");
    const json = await skillswap("profile", "no-such-person", "--json");
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: "USER.NOT_FOUND" } });
  });

  it("recommends swap partners and cycles for a person, explained", async () => {
    const handle = await someDemoHandle();
    const { stdout, code } = await skillswap("recommend", handle, "--cycles", "--json");
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { pairs: Array<{ explanation: string }>; cycles: unknown[] };
    expect(result.pairs.length).toBeGreaterThan(0);
    expect(result.pairs[0]?.explanation).toMatch(/^teaches you .+ \(level \d\), wants your /);
    const human = await skillswap("recommend", handle);
    expect(human.stdout).toMatch(/SCORE\s+PERSON\s+WHY/);
  });

  it("searches people despite a typo, explains each hit, pages, and names a bad flag", async () => {
    const handle = await someDemoHandle();
    const { stdout, code } = await skillswap("search", "gitar", "--as", handle, "--limit", "3", "--json");
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      hits: Array<{ handle: string; reasons: Array<{ text: string }> }>;
      nextCursor: string;
    };
    expect(result.hits).toHaveLength(3);
    expect(result.hits[0]?.reasons[0]?.text).toMatch(/^(teaches|wants to learn) Guitar \(level \d\)/);
    const next = JSON.parse(
      (await skillswap("search", "gitar", "--as", handle, "--limit", "3", "--cursor", result.nextCursor, "--json"))
        .stdout,
    ) as { hits: Array<{ handle: string }> };
    expect(next.hits.map((h) => h.handle)).not.toContain(result.hits[0]?.handle);
    const human = await skillswap("search", "guitar", "--near", "Paris", "--km", "2000", "--category", "music");
    expect(human.stdout).toMatch(/PERSON\s+NAME\s+WHERE\s+WHY/);
    expect(human.stdout).toMatch(/\d+(\.\d)? km/);
    const bad = await skillswap("search", "guitar", "--near", "Xyzzyville");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("near: We could not find a city called “Xyzzyville”");
  }, 60_000);

  it("lists a person's swaps, and the groups", async () => {
    const { requester, recipient } = await demoSwap();
    const mine = JSON.parse((await skillswap("swaps", requester, "--json")).stdout) as {
      swaps: Array<{ status: string; participants: Array<{ handle: string }> }>;
    };
    expect(mine.swaps[0]?.status).toBe("pending");
    expect(mine.swaps[0]?.participants.map((p) => p.handle)).toEqual([requester, recipient]);
    expect((await skillswap("swaps", recipient)).stdout).toMatch(/SWAP\s+STATUS\s+WITH/);
    const bad = await skillswap("swaps", recipient, "--status", "lost");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("option '--status <status>' argument 'lost' is invalid. Allowed choices are open,");
    const groups = JSON.parse((await skillswap("groups", "--json")).stdout) as { groups: Array<{ members: number }> };
    expect(groups.groups.length).toBeGreaterThanOrEqual(8);
    expect((await skillswap("groups")).stdout).toMatch(/GROUP\s+NAME\s+COMMUNITY\s+MEMBERS/);
  }, 60_000);

  it("rebuilds the search index and says who it left out and why", async () => {
    const { stdout, code } = await skillswap("reindex", "--json");
    expect(code).toBe(0);
    const rebuilt = JSON.parse(stdout) as { people: number; leftOut: { privateProfiles: number } };
    expect(rebuilt.people).toBeGreaterThan(0);
    const told = await skillswap("reindex");
    expect(told.stdout).toContain(`Search index rebuilt: ${rebuilt.people} people searchable, in `);
    expect(told.stdout).toMatch(
      rebuilt.leftOut.privateProfiles > 0
        ? /Left out: \d+ private profiles? \(only their owners see them\)/
        : /Nobody left out|Left out: \d+ inactive/,
    );
  });

  it("seeds synthetic users deterministically", async () => {
    const { stdout, code } = await skillswap("seed", "--users", "500", "--seed", "3", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ synthetic: { users: 500 } });
  });

  it("refuses a bad flag by naming it, what was given and what is accepted, and contradictory flags", async () => {
    const refusals: Array<[string[], string]> = [
      [["seed", "--users", "many"], "option '--users <n>' argument 'many' is invalid. Use a whole number from 1 to"],
      [
        ["search", "guitar", "--km", "abc"],
        "option '--km <n>' argument 'abc' is invalid. Use a number above 0, up to 20000.",
      ],
      [
        ["search", "guitar", "--level", "abc"],
        "option '--level <n>' argument 'abc' is invalid. Use a whole number from 1 to 5.",
      ],
      [
        ["search", "guitar", "--limit", "abc"],
        "option '--limit <n>' argument 'abc' is invalid. Use a whole number from 1 to 50.",
      ],
      [
        ["search", "guitar", "--sort", "bogus"],
        "option '--sort <order>' argument 'bogus' is invalid. Allowed choices are relevance, distance, rating, recent.",
      ],
      [["search", "guitar", "--online", "--in-person"], "option '--online' cannot be used with option '--in-person'"],
      [["search", "guitar", "--teaches", "--learns"], "option '--teaches' cannot be used with option '--learns'"],
      [["recommend", "no-such-person"], "There is no SkillSwap profile called no-such-person."],
      [["swaps", "no-such-person"], "There is no SkillSwap profile called no-such-person."],
      [["search", "guitar", "--as", "no-such-person"], "There is no SkillSwap profile called no-such-person."],
    ];
    for (const [args, sentence] of refusals) {
      const { stderr, code } = await skillswap(...args);
      expect({ args, code, stderr: stderr.split("\n")[0] }).toEqual({
        args,
        code: 1,
        stderr: expect.stringContaining(sentence),
      });
    }
  }, 60_000);

  it("tells its version", async () => {
    const { stdout, code } = await skillswap("--version");
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("checks its own health", async () => {
    const { stdout, code } = await skillswap("doctor", "--json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { healthy: boolean; checks: Array<{ name: string; status: string }> };
    expect(report.healthy).toBe(true);
    expect(report.checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "database", status: "ok" }),
        expect.objectContaining({ name: "migrations", status: "ok" }),
        expect.objectContaining({ name: "skill catalog", status: "ok" }),
      ]),
    );
  });

  it("reports a broken configuration as unhealthy", async () => {
    const { stdout, code } = await run(process.execPath, [bin, "doctor", "--json"], {
      env: { ...env, DATABASE_URL: "mysql://nope" },
      cwd: dir,
    }).then(
      (r) => ({ stdout: r.stdout, code: 0 }),
      (e: unknown) => ({ stdout: (e as { stdout: string }).stdout, code: (e as { code: number }).code }),
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ healthy: false, checks: [{ name: "configuration", status: "fail" }] });
  });

  it("counts the outbox's events and lists the dead ones with the reason they failed", async () => {
    expect((await skillswap("--help")).stdout).toContain("outbox");
    const before = JSON.parse((await skillswap("outbox", "--json")).stdout) as { pending: number; dead: number };
    expect(before.dead).toBe(0);
    await writeDeadEvent("dead-event-1", "relay: Discord answered 503");
    const { stdout, code } = await skillswap("outbox", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      pending: before.pending,
      dead: 1,
      deadEvents: [
        { id: "dead-event-1", type: "profile.updated", attempts: 8, lastError: "relay: Discord answered 503" },
      ],
    });
    const human = await skillswap("outbox");
    expect(human.stdout).toMatch(/1 dead/);
    expect(human.stdout).toMatch(/dead-event-1\s+profile\.updated\s+8\s+relay: Discord answered 503/);
  }, 60_000);

  it("shows which worker holds a claimed event and until when", async () => {
    const until = new Date("2030-01-01T12:00:00.000Z");
    await writeClaimedEvent("claimed-event-1", "worker-host:4242:cafe", until);
    const report = JSON.parse((await skillswap("outbox", "--json")).stdout) as unknown;
    expect(report).toMatchObject({
      claimed: 1,
      claimedEvents: [{ id: "claimed-event-1", claimedBy: "worker-host:4242:cafe", claimedUntil: until.toISOString() }],
    });
    const human = await skillswap("outbox");
    expect(human.stdout).toMatch(/1 claimed by a worker/);
    expect(human.stdout).toMatch(
      /claimed-event-1\s+profile\.updated\s+0\s+worker-host:4242:cafe\s+2030-01-01T12:00:00\.000Z/,
    );
    await settleEvent("claimed-event-1");
  }, 60_000);

  it("shows which worker has each scheduled job's turn and until when", async () => {
    const until = new Date("2030-01-01T12:05:00.000Z");
    await writeJobTurn("sessions.remind", "worker-host:4242:cafe", until);
    try {
      expect(JSON.parse((await skillswap("outbox", "--json")).stdout)).toMatchObject({
        jobTurns: expect.arrayContaining([
          { job: "sessions.remind", holder: "worker-host:4242:cafe", expiresAt: until.toISOString() },
        ]),
      });
      expect((await skillswap("outbox")).stdout).toMatch(
        /sessions\.remind\s+worker-host:4242:cafe\s+2030-01-01T12:05:00\.000Z/,
      );
    } finally {
      await writeJobTurn("sessions.remind", null, until);
    }
  }, 60_000);

  it("warns about dead outbox events in its health check, without calling itself broken", async () => {
    const { stdout, code } = await skillswap("doctor", "--json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      healthy: boolean;
      checks: Array<{ name: string; status: string; detail: string }>;
    };
    expect(report.healthy).toBe(true);
    expect(report.checks).toContainEqual(
      expect.objectContaining({ name: "outbox", status: "warn", detail: expect.stringMatching(/^1 dead event/) }),
    );
  });

  it("sends dead events back for delivery once their cause is fixed", async () => {
    const before = JSON.parse((await skillswap("outbox", "--json")).stdout) as { pending: number; dead: number };
    expect(before.dead).toBe(1);
    const { stdout, code } = await skillswap("outbox", "--retry", "dead-event-1", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ retried: 1, dead: 0, pending: before.pending + 1 });
  }, 60_000);
});

/** An event the dispatcher gave up on, written through core as the dispatcher would leave it. */
async function writeDeadEvent(id: string, lastError: string): Promise<void> {
  const { createCore, loadConfig } = await import("@skillswap/core");
  const core = await createCore(loadConfig({ DATABASE_URL: env.DATABASE_URL }, {}), { prepare: false });
  try {
    await core.database.db.$transaction((tx) =>
      tx.outboxEvent.create({
        data: {
          id,
          type: "profile.updated",
          aggregateId: "someone",
          payload: "{}",
          status: "dead",
          attempts: 8,
          lastError,
        },
      }),
    );
  } finally {
    await core.close();
  }
}

/** An event a worker has in hand, written through core as the dispatcher's claim leaves it. */
async function writeClaimedEvent(id: string, claimedBy: string, claimedUntil: Date): Promise<void> {
  const { createCore, loadConfig } = await import("@skillswap/core");
  const core = await createCore(loadConfig({ DATABASE_URL: env.DATABASE_URL }, {}), { prepare: false });
  try {
    await core.database.db.$transaction((tx) =>
      tx.outboxEvent.create({
        data: { id, type: "profile.updated", aggregateId: "someone", payload: "{}", claimedBy, claimedUntil },
      }),
    );
  } finally {
    await core.close();
  }
}

/** A scheduled job's lease as a worker leaves it after a run; `holder` null removes it. */
async function writeJobTurn(job: string, holder: string | null, expiresAt: Date): Promise<void> {
  const { createCore, loadConfig } = await import("@skillswap/core");
  const core = await createCore(loadConfig({ DATABASE_URL: env.DATABASE_URL }, {}), { prepare: false });
  try {
    await core.database.db.$transaction(async (tx) => {
      if (holder === null) await tx.jobLease.deleteMany({ where: { name: job } });
      // An upsert: the worker test before may have left this job's own lease, for the rest of its period.
      else
        await tx.jobLease.upsert({
          where: { name: job },
          create: { name: job, holder, expiresAt },
          update: { holder, expiresAt },
        });
    });
  } finally {
    await core.close();
  }
}

/** The event as its worker leaves it once delivered, so later counts are as before. */
async function settleEvent(id: string): Promise<void> {
  const { createCore, loadConfig } = await import("@skillswap/core");
  const core = await createCore(loadConfig({ DATABASE_URL: env.DATABASE_URL }, {}), { prepare: false });
  try {
    await core.database.db.$transaction((tx) =>
      tx.outboxEvent.update({
        where: { id },
        data: { status: "delivered", deliveredAt: new Date(), claimedBy: null, claimedUntil: null },
      }),
    );
  } finally {
    await core.close();
  }
}

/** A swap between two public demo people, made through the use case on the CLI's database. */
async function demoSwap(): Promise<{ requester: string; recipient: string }> {
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(join(dir, "cli.db"), { readonly: true });
  const rows = db
    .prepare(
      `SELECT u."handle", s."name" FROM "User" u JOIN "UserSkill" us ON us."userId" = u."id" AND us."direction" = 'teach'
       JOIN "Skill" s ON s."id" = us."skillId" WHERE u."visibility" = 'public' ORDER BY u."handle" LIMIT 40`,
    )
    .all() as Array<{ handle: string; name: string }>;
  db.close();
  const first = rows[0];
  const second = rows.find((r) => r.handle !== first?.handle);
  if (first === undefined || second === undefined) throw new Error("the demo data has no two teachers");
  const { createCore, loadConfig } = await import("@skillswap/core");
  const core = await createCore(loadConfig({ DATABASE_URL: env.DATABASE_URL }, {}), { prepare: false });
  try {
    const actor = await core.services.accounts.actorForHandle(first.handle);
    if (actor === null) throw new Error("demo person missing");
    await core.services.swaps.request(actor, { to: second.handle, want: second.name, offer: first.name });
  } finally {
    await core.close();
  }
  return { requester: first.handle, recipient: second.handle };
}

async function someDemoHandle(): Promise<string> {
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(join(dir, "cli.db"), { readonly: true });
  const row = db.prepare(`SELECT handle FROM "User" WHERE visibility = 'public' ORDER BY handle LIMIT 1`).get() as {
    handle: string;
  };
  db.close();
  return row.handle;
}
