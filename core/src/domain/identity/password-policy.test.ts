import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors } from "../shared/validate.js";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password.js";
import { isCommonPassword, newPasswordField } from "./password-policy.js";

const form = z.object({ password: newPasswordField });

/** The sentences a person is shown beside the password field, or [] when it is accepted. */
function complaintsAbout(password: string): string[] {
  const result = form.safeParse({ password });
  return result.success ? [] : fieldErrors(result.error).map((error) => error.message);
}

const tooShort = "Use at least 12 characters for your password.";
const tooCommon =
  "This password is among the most common ones people's accounts were broken into with; choose another.";

describe("choosing a password", () => {
  it("asks for at least 12 characters", () => {
    expect(complaintsAbout("eleven char")).toEqual([tooShort]);
    expect(complaintsAbout("twelve chars")).toEqual([]);
  });

  it("counts characters, not the UTF-16 units that store them", () => {
    expect(complaintsAbout("🎸".repeat(6))).toEqual([tooShort]);
    expect(complaintsAbout("🎸".repeat(12))).toEqual([]);
  });

  it("accepts up to 200 characters", () => {
    expect(complaintsAbout("x".repeat(199) + "y")).toEqual([]);
    expect(complaintsAbout("x".repeat(200) + "y")).toEqual(["Keep it to 200 characters or fewer."]);
  });

  it("refuses the most common breached passwords, whatever their case", () => {
    for (const password of ["qwerty123456", "QWERTY123456", "1Q2w3E4r5T6y", "123qweasdzxc"])
      expect(complaintsAbout(password)).toEqual([tooCommon]);
  });

  it("says one thing at a time: a short common password is told it is short", () => {
    expect(complaintsAbout("password")).toEqual([tooShort]);
  });

  it("accepts a passphrase nobody's account was broken into with", () => {
    expect(complaintsAbout("correct horse battery staple")).toEqual([]);
    expect(isCommonPassword("correct horse battery staple")).toBe(false);
  });

  it("knows the 10,000 most common passwords long enough to pass the length rule, most common first", () => {
    const file = readFileSync(new URL("./common-passwords/common-passwords.txt", import.meta.url), "utf8");
    const lines = file.split("\n").filter((line) => line !== "");
    expect(lines.slice(0, 3)).toEqual(["123qweasdzxc", "1qaz2wsx3edc", "q1w2e3r4t5y6"]);
    expect(lines).toHaveLength(10_000);
    expect(lines.every((line) => line.length >= 12 && line === line.toLowerCase())).toBe(true);
    expect(new Set(lines).size).toBe(lines.length);
    for (const password of ["password1234", "Password1234", "qwertyuiopasdfgh", "1234567890QWERTY"])
      expect(complaintsAbout(password)).toEqual([tooCommon]);
  });
});

describe("the dummy hash log-in checks when there is no password", () => {
  it("costs what a real hash costs: made with the parameters of today's hashes", async () => {
    const parameters = (hash: string) => hash.split("$").slice(0, 4);
    expect(parameters(DUMMY_PASSWORD_HASH)).toEqual(parameters(await hashPassword("anything at all")));
  });

  it("matches no password anyone would type", async () => {
    expect(await verifyPassword("not-a-password", DUMMY_PASSWORD_HASH)).toBe(false);
    expect(await verifyPassword("", DUMMY_PASSWORD_HASH)).toBe(false);
  });
});
