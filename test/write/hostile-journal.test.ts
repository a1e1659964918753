import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tmp } from "../support/cli";

/**
 * A repository can commit anything into a project folder, a staging folder with a
 * journal or a backup folder that is a symbolic link included. The tool acts only on
 * state it can prove it wrote: such a run stops with exit 2 and names the folder, and
 * nothing outside the project is written or deleted.
 */
const git = (dir: string, ...args: string[]) =>
  spawnSync("git", ["-c", "user.email=dev@example.com", "-c", "user.name=dev", ...args], { cwd: dir, encoding: "utf8" });

/** A committed project inside `parent`, next to a victim file outside it. */
function setUp(label: string): { parent: string; dir: string; victim: string } {
  const parent = tmp(label);
  const dir = join(parent, "repo", "p");
  mkdirSync(join(parent, "repo"));
  const made = runCli([dir, "--yes", "--region", "eu-west-1"]);
  if (made.code !== 0) throw new Error(made.stderr);
  const victim = join(parent, "victim.txt");
  writeFileSync(victim, "not the tool's\n");
  return { parent, dir, victim };
}

function plantStaging(dir: string, journal: unknown, extra: (staging: string) => void = () => {}): string {
  const staging = join(dir, ".create-privatelink-staging-planted");
  mkdirSync(join(staging, "old"), { recursive: true });
  writeFileSync(join(staging, "journal.json"), JSON.stringify(journal));
  extra(staging);
  return staging;
}

const commitAll = (dir: string) => {
  git(dir, "init", "-q");
  git(dir, "add", "-A", "-f");
  git(dir, "commit", "-qm", "cloned");
};

describe("state in the project folder that the tool did not write", () => {
  test("GIVEN a journal whose move names ../../victim.txt WHEN upgrade runs THEN exit 2 names the staging folder and the victim stays", () => {
    const { dir, victim } = setUp("journal-move");
    plantStaging(dir, { state: "moving", moves: [{ path: "../../victim.txt", delete: false }], dirs: [], keep: [] });
    const result = runCli(["upgrade", dir, "--allow-dirty"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.create-privatelink-staging-planted.*cannot have written: its journal names "\.\.\/\.\.\/victim\.txt"/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(victim, "utf8")).toBe("not the tool's\n");
    expect(existsSync(join(dir, ".create-privatelink-staging-planted", "journal.json"))).toBe(true);
  });

  test("GIVEN a committed journal whose backupDir is ../.. WHEN create --force runs THEN exit 2, and nothing is written outside", () => {
    const { parent, dir } = setUp("journal-backup");
    plantStaging(dir, { state: "committed", moves: [], dirs: [], keep: ["victim2.txt"], backupDir: "../.." }, (staging) =>
      writeFileSync(join(staging, "old", "victim2.txt"), "planted\n"),
    );
    writeFileSync(join(parent, "victim2.txt"), "mine\n");
    const result = runCli([dir, "--force", "--yes", "--region", "eu-west-1"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/backupDir "\.\.\/\.\." is not a backup folder this tool names/);
    expect(readFileSync(join(parent, "victim2.txt"), "utf8")).toBe("mine\n");
  });

  test("GIVEN a staging folder that git tracks THEN recovery refuses it, and says it was committed", () => {
    const { dir } = setUp("journal-tracked");
    plantStaging(dir, { state: "moving", moves: [{ path: "main.ts", delete: false }], dirs: [], keep: [] });
    commitAll(dir);
    const main = readFileSync(join(dir, "main.ts"), "utf8");
    const result = runCli(["upgrade", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/git tracks \.create-privatelink-staging-planted\/journal\.json in it .*this one was committed/);
    expect(readFileSync(join(dir, "main.ts"), "utf8")).toBe(main);
  });

  test("GIVEN .create-privatelink-backup is a link to a folder outside WHEN --force replaces a file the user edited THEN exit 2 and nothing goes through the link", () => {
    const { parent, dir } = setUp("backup-link");
    const outside = join(parent, "outside");
    mkdirSync(outside);
    symlinkSync(outside, join(dir, ".create-privatelink-backup"), "dir");
    writeFileSync(join(dir, "README.md"), "my own notes\n");
    const result = runCli([dir, "--force", "--yes", "--region", "eu-west-1"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.create-privatelink-backup.*is a symbolic link/);
    expect(readdirSync(outside)).toEqual([]);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe("my own notes\n");
  });

  test("GIVEN two --force runs that replace the user's file THEN each keeps its copy in a folder of its own", () => {
    const { dir } = setUp("two-backups");
    for (const text of ["first\n", "second\n"]) {
      writeFileSync(join(dir, "README.md"), text);
      expect(runCli([dir, "--force", "--yes", "--region", "eu-west-1"]).code).toBe(0);
    }
    const runs = readdirSync(join(dir, ".create-privatelink-backup")).filter((n) => n !== ".gitignore");
    expect(runs).toHaveLength(2);
    expect(runs.every((n) => /^\d{8}T\d{6}Z-\d+-[0-9a-f]{8}$/.test(n))).toBe(true);
    const kept = runs.map((n) => readFileSync(join(dir, ".create-privatelink-backup", n, "README.md"), "utf8")).sort();
    expect(kept).toEqual(["first\n", "second\n"]);
  });
});
