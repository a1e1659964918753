import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tmp } from "../support/cli";

/**
 * `check` as a CI gate: the owner's edits of the files handed to them (main.ts, the
 * README) are reported but pass, unless --strict; drift in what the generator owns,
 * a newer blueprint and advisories fail; the last line says which it found.
 */
function project(label: string, ...flags: string[]): string {
  const dir = join(tmp(label), "proj");
  const made = runCli([dir, "--yes", ...flags]);
  if (made.code !== 0) throw new Error(made.stderr);
  return dir;
}
const append = (dir: string, path: string, line: string) =>
  writeFileSync(join(dir, path), `${readFileSync(join(dir, path), "utf8")}${line}\n`);
const lastLine = (text: string) => text.trimEnd().split("\n").pop();

describe("check as a CI gate", () => {
  test("GIVEN the owner edited main.ts and the README THEN check reports both, exits 0 and says only their edits were found", () => {
    const dir = project("gate-owner");
    append(dir, "main.ts", "// our own stack next to the generated ones");
    append(dir, "README.md", "Runbook: see the wiki.");
    const check = runCli(["check", dir]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/modified\s+README\.md \(yours to edit: reported, not a failure\)/);
    expect(check.stdout).toMatch(/modified\s+main\.ts \(yours to edit: reported, not a failure\)/);
    expect(lastLine(check.stdout)).toBe(
      "Clean: only your own edits (README.md, main.ts), which do not fail check without --strict; the blueprint is the newest.",
    );
    const json = JSON.parse(runCli(["check", dir, "--json"]).stdout);
    expect([json.yours, json.findings]).toEqual([["README.md", "main.ts"], []]);
  });

  test("GIVEN the same edits WITH --strict THEN check exits 1 and its last line counts them", () => {
    const dir = project("gate-strict");
    append(dir, "main.ts", "// edited");
    const check = runCli(["check", dir, "--strict"]);
    expect(check.code).toBe(1);
    expect(lastLine(check.stdout)).toBe("Found 1 of your file(s) edited (--strict): see above.");
  });

  test("GIVEN a file the generator owns edited and another deleted THEN check exits 1 and names both kinds, whatever the owner's edits", () => {
    const dir = project("gate-drift");
    append(dir, "main.ts", "// edited");
    append(dir, "cdktf.json", "");
    rmSync(join(dir, "tsconfig.json"));
    const check = runCli(["check", dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^ {2}modified {2}cdktf\.json$/m);
    expect(lastLine(check.stdout)).toBe("Found 1 generated file(s) modified, 1 generated file(s) deleted: see above.");
  });

  test("GIVEN an older blueprint with advisories THEN the last line names the newer blueprint and the defects, and what fixes them", () => {
    const dir = project("gate-advisory", "--blueprint", "service-endpoints@2", "--region", "eu-west-1", "--services", "ssm,sts");
    const check = runCli(["check", dir]);
    expect(check.code).toBe(1);
    expect(lastLine(check.stdout)).toMatch(
      /^Found a newer blueprint \(service-endpoints@4\), \d known defect\(s\) of service-endpoints@2: see above; create-privatelink upgrade fixes the defects and moves to the newest \(it needs zone IDs: see outdated\)\.$/,
    );
  });
});

describe("check when the record was edited by hand", () => {
  test("GIVEN README.md's entry removed from .privatelink.json and README.md edited THEN check reports it against the base copy (exit 1)", () => {
    const dir = project("record-edited");
    const record = JSON.parse(readFileSync(join(dir, ".privatelink.json"), "utf8"));
    delete record.files["README.md"];
    writeFileSync(join(dir, ".privatelink.json"), `${JSON.stringify(record, null, 2)}\n`);
    append(dir, "README.md", "edited where the record cannot see it");
    const check = runCli(["check", dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^ {2}modified {2}README\.md/m);
    expect(check.stdout).toMatch(/untrusted README\.md: \.privatelink\.json no longer records it, though \.privatelink\.base\.json has it/);
    expect(lastLine(check.stdout)).toMatch(/^Found 1 file\(s\) whose record was edited by hand: see above\.$/);
  });
});

describe("what check prints from the project's files", () => {
  test("GIVEN an escape sequence in .privatelink.json THEN check prints it escaped, never as a terminal control", () => {
    const dir = project("ansi");
    const record = JSON.parse(readFileSync(join(dir, ".privatelink.json"), "utf8"));
    record.generator = `${record.generator}\u001b[2J\u001b]0;pwned\u0007`;
    writeFileSync(join(dir, ".privatelink.json"), `${JSON.stringify(record, null, 2)}\n`);
    const check = runCli(["check", dir]);
    expect(check.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(check.stdout).toContain("\\u001b[2J\\u001b]0;pwned\\u0007");
  });
});

describe("check and upgrade read the project's files with a bound", () => {
  test("GIVEN a 600 MB README.md (sparse) THEN check and upgrade exit 2 naming it, not an internal error or a drift report", () => {
    const dir = project("huge-readme");
    truncateSync(join(dir, "README.md"), 600 * 1024 * 1024);
    for (const args of [
      ["check", dir],
      ["upgrade", dir, "--allow-dirty"],
    ]) {
      const result = runCli(args);
      expect([result.code, result.stderr]).toEqual([
        2,
        expect.stringMatching(/^create-privatelink: `README\.md`: is 629145600 bytes; a file this project generated is at most 32 MiB/),
      ]);
    }
  });
});

describe("bytes that are not UTF-8", () => {
  test("GIVEN main.ts with a byte 0xE9 appended THEN upgrade exits 2 naming it and leaves the bytes as they were; check says the same", () => {
    const dir = project("not-utf8");
    const git = (...args: string[]) => spawnSync("git", ["-c", "user.email=d@e.f", "-c", "user.name=d", ...args], { cwd: dir });
    const bytes = Buffer.concat([readFileSync(join(dir, "main.ts")), Buffer.from([0xe9])]);
    writeFileSync(join(dir, "main.ts"), bytes);
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "x");
    for (const args of [
      ["upgrade", dir, "--yes", "--to", "service-endpoints@3"],
      ["check", dir],
    ]) {
      const result = runCli(args);
      expect([result.code, result.stderr]).toEqual([2, expect.stringMatching(/`main\.ts`: is not valid UTF-8; .* never re-encode a byte/)]);
    }
    expect(readFileSync(join(dir, "main.ts")).equals(bytes)).toBe(true);
  });
});

describe("upgrade's clean-tree check in a repository that ignores the project", () => {
  test("GIVEN a project inside a repository whose .gitignore ignores it THEN upgrade refuses as for uncommitted changes, unless --allow-dirty", () => {
    const repo = tmp("ignored-project");
    spawnSync("git", ["init", "-q"], { cwd: repo });
    writeFileSync(join(repo, ".gitignore"), "generated/\n");
    const dir = join(repo, "generated", "p");
    expect(runCli([dir, "--yes", "--blueprint", "service-endpoints@1", "--region", "eu-west-1"]).code).toBe(0);
    const refused = runCli(["upgrade", dir, "--yes", "--to", "service-endpoints@2"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/`--allow-dirty`: the project has uncommitted changes \(!! the project itself: git ignores it/);
    expect(runCli(["upgrade", dir, "--yes", "--to", "service-endpoints@2", "--allow-dirty"]).code).toBe(0);
  });
});
