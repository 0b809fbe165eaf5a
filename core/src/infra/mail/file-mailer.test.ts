import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { mailDirFor } from "./configured-mailer.js";
import { fileMailer } from "./file-mailer.js";

const link = "http://localhost:3000/reset-password?token=abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

describe("mail written to files when no SMTP server is configured", () => {
  let dir: string;
  let lines: string[];
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), "skillswap-mail-")), "mail");
    lines = [];
  });
  afterEach(() => rmSync(join(dir, ".."), { recursive: true, force: true }));

  const mailer = () =>
    fileMailer({
      dir,
      from: "SkillSwap <no-reply@localhost>",
      log: (line) => lines.push(line),
      now: () => new Date("2026-11-25T10:00:00.000Z"),
    });

  it("keeps each mail as a file a mail client opens, with the link readable in a text editor too", async () => {
    await mailer().send({
      to: "ada@example.org",
      subject: "Reset your SkillSwap password",
      text: `Hi Ada,\n\n${link}\n`,
    });
    const [file, ...others] = readdirSync(dir);
    expect(others).toEqual([]);
    expect(file).toMatch(/^2026-11-25T10-00-00-000Z-ada@example\.org-[0-9a-f]{6}\.eml$/);
    const eml = readFileSync(join(dir, file ?? ""), "utf8");
    expect(eml).toContain("From: SkillSwap <no-reply@localhost>\r\n");
    expect(eml).toContain("To: ada@example.org\r\n");
    expect(eml).toContain("Subject: Reset your SkillSwap password\r\n");
    expect(eml).toContain("Date: Wed, 25 Nov 2026 10:00:00 GMT\r\n");
    expect(eml).toContain("Content-Type: text/plain; charset=utf-8\r\n");
    expect(eml).toContain(link);
  });

  it("says in one line where each mail went", async () => {
    await mailer().send({ to: "ben@example.org", subject: "Confirm your email address", text: "Hi" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Mail to ben@example\.org \(“Confirm your email address”\) saved as .*\.eml$/);
    const [file] = readdirSync(dir);
    expect(lines[0]).toContain(file);
  });

  it("never overwrites a mail sent in the same millisecond to the same person", async () => {
    const sending = mailer();
    await Promise.all([1, 2, 3].map((n) => sending.send({ to: "cat@example.org", subject: `n${n}`, text: "…" })));
    expect(readdirSync(dir)).toHaveLength(3);
  });

  it("keeps an HTML version beside the text one", async () => {
    await mailer().send({ to: "dan@example.org", subject: "Hello", text: "Plain hello", html: "<p>Rich hello</p>" });
    const [file] = readdirSync(dir);
    const eml = readFileSync(join(dir, file ?? ""), "utf8");
    expect(eml).toMatch(/Content-Type: multipart\/alternative; boundary="skillswap-[0-9a-f]+"/);
    expect(eml).toContain("Plain hello");
    expect(eml).toContain("<p>Rich hello</p>");
  });

  it("goes beside the SQLite file, in the data folder by default", () => {
    expect(mailDirFor(loadConfig({}, {}, "/nonexistent.json").DATABASE_URL)).toBe(join("data", "mail"));
    expect(mailDirFor("file:/var/lib/skillswap/skillswap.db")).toBe("/var/lib/skillswap/mail");
    expect(mailDirFor("postgres://db.example.org/skillswap")).toBe(join("data", "mail"));
  });
});
