import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { clearStale } from "../../generator/write/lock";
import { CLI, runCli, snapshotTree, tmp } from "../support/cli";

const noTrace = (stderr: string) => expect(stderr).not.toMatch(/internal error|\n\s+at /);

/** A target `t` next to a folder `outside` holding a secret, and what the CLI reads and writes through links. */
function besideOutside(label: string) {
  const parent = tmp(label);
  const outside = join(parent, "outside");
  mkdirSync(outside);
  writeFileSync(join(outside, "cdktf.ts"), "SECRET OUTSIDE\n");
  const target = join(parent, "t");
  mkdirSync(target);
  return { parent, outside, target };
}

describe("the target directory: symbolic links, files in the way, locks", () => {
  test.each([["--force"], ["--dry-run"], ["--dry-run", "--force"]])(
    "GIVEN t/blueprints -> ../outside WHEN %s THEN exit 2 naming the path and the link, and nothing outside is written or shown",
    (...flags) => {
      const { outside, target } = besideOutside("link-dir");
      symlinkSync("../outside", join(target, "blueprints"));
      const before = snapshotTree(outside);
      const result = runCli([target, "--yes", ...flags]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /`dir`: blueprints\/lib\/\S+ would be written or read outside .*t: blueprints is a symbolic link to .*outside/,
      );
      expect(result.stdout).not.toMatch(/SECRET|outside/);
      noTrace(result.stderr);
      expect(snapshotTree(outside)).toEqual(before);
    },
  );

  test("GIVEN t/README.md -> ../outside/cdktf.ts WHEN --dry-run THEN exit 2: the diff does not print the file outside", () => {
    const { target } = besideOutside("link-file");
    symlinkSync("../outside/cdktf.ts", join(target, "README.md"));
    const result = runCli([target, "--yes", "--dry-run", "--force"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/README\.md would be written or read outside .*: README\.md is a symbolic link/);
    expect(result.stdout).not.toMatch(/SECRET/);
  });

  test("GIVEN a link inside the target to a folder inside it THEN the run writes through it", () => {
    const target = tmp("link-inside");
    mkdirSync(join(target, "real"));
    symlinkSync("real", join(target, "blueprints"));
    expect(runCli([target, "--yes", "--force"]).code).toBe(0);
    expect(readdirSync(join(target, "real"))).toContain("lib");
  });

  test.each([["--dry-run"], ["--force"], ["--dry-run", "--force"], []])(
    "GIVEN a regular file as the target WHEN %s THEN exit 2 saying it is a file",
    (...flags) => {
      const parent = tmp("file-target");
      writeFileSync(join(parent, "f"), "hi");
      const result = runCli([join(parent, "f"), "--yes", ...flags]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/`dir`: \S*f is a file; expected a directory/);
      expect(result.stderr).not.toMatch(/not empty/);
    },
  );

  test.each([["--dry-run", "--force"], ["--force"]])("GIVEN blueprints/lib is a file WHEN %s THEN exit 2 the same way", (...flags) => {
    const target = tmp("lib-file");
    mkdirSync(join(target, "blueprints"));
    writeFileSync(join(target, "blueprints", "lib"), "a file");
    const before = snapshotTree(target);
    const result = runCli([target, "--yes", ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/`dir`: blueprints\/lib\/\S+ in .* needs blueprints\/lib to be a folder, but it is a file/);
    expect(snapshotTree(target)).toEqual(before);
  });

  test("GIVEN a lock held by a live process THEN create, its dry run and upgrade exit 2 naming the lock; a dead one's lock is stale", () => {
    const target = tmp("locked");
    writeFileSync(join(target, ".create-privatelink.lock"), `${process.pid}\n`);
    for (const args of [
      [target, "--yes", "--force"],
      [target, "--yes", "--dry-run"],
      ["upgrade", target],
    ]) {
      const result = runCli(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(`\\.create-privatelink\\.lock is held by process ${process.pid}: another create-privatelink run`),
      );
    }
    writeFileSync(join(target, ".create-privatelink.lock"), "999999999\n");
    expect(runCli([target, "--yes", "--force"]).code).toBe(0);
    expect(readdirSync(target).filter((n) => n.startsWith(".create-privatelink"))).toEqual([]);
  });

  test("GIVEN an empty lock (a run killed before it wrote its pid) THEN it is held while fresh, and stale after seconds", () => {
    const target = tmp("empty-lock");
    const lock = join(target, ".create-privatelink.lock");
    writeFileSync(lock, "");
    expect(runCli([target, "--yes", "--force"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/is held by another process/) });
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    expect(runCli([target, "--yes", "--force"]).code).toBe(0);
    expect(readdirSync(target).filter((n) => n.startsWith(".create-privatelink"))).toEqual([]);
  });

  test("a takeover removes only a lock that is stale when looked at again under its guard, and never while another run takes over", () => {
    const target = tmp("takeover");
    const lock = join(target, ".create-privatelink.lock");
    // Judged stale a moment ago, but another run has taken it since: its pid is alive now, and it stays.
    writeFileSync(lock, `${process.pid}\n`);
    expect(clearStale(target, lock)).toBe(false);
    expect(readFileSync(lock, "utf8")).toBe(`${process.pid}\n`);
    // Stale, but another run holds the guard: this one leaves it to that run.
    writeFileSync(lock, "999999999\n");
    writeFileSync(join(target, ".create-privatelink-takeover"), `${process.pid}\n`);
    expect(clearStale(target, lock)).toBe(false);
    expect(readFileSync(lock, "utf8")).toBe("999999999\n");
    // Stale, and the guard is free: removed, and the guard with it.
    rmSync(join(target, ".create-privatelink-takeover"));
    expect(clearStale(target, lock)).toBe(true);
    expect(readdirSync(target)).toEqual([]);
  });

  test("GIVEN a stale lock and four runs at once THEN one takes it over, the others are refused or run after: no stack trace, nothing left", async () => {
    const once = (target: string, region: string) =>
      new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = spawn(process.execPath, [CLI, target, "--yes", "--force", "--region", region], {
          stdio: ["ignore", "ignore", "pipe"],
        });
        let stderr = "";
        child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
        child.on("close", (code) => done({ code, stderr }));
      });
    for (let round = 0; round < 3; round++) {
      const target = tmp(`stale-race-${round}`);
      // a run killed long ago: its pid is gone
      writeFileSync(join(target, ".create-privatelink.lock"), "999999999\n");
      const results = await Promise.all(["us-east-1", "eu-west-1", "us-west-2", "eu-central-1"].map((r) => once(target, r)));
      for (const r of results) {
        expect({ code: r.code, trace: /\n\s+at |internal error|ENOENT/.test(r.stderr) }).toEqual({
          code: r.code === 0 ? 0 : 2,
          trace: false,
        });
        if (r.code === 2) expect(r.stderr).toMatch(/\.create-privatelink\.lock is held by (process \d+|another process)/);
      }
      expect(results.some((r) => r.code === 0)).toBe(true);
      // one run's project, whole: it checks clean; no lock, guard or staging folder is left
      expect(runCli(["check", target]).stdout).toMatch(/Clean/);
      expect(readdirSync(target).filter((n) => n.startsWith(".create-privatelink") && n !== ".create-privatelink-backup")).toEqual([]);
    }
  });

  test("GIVEN two --force runs into one folder at once THEN the folder holds exactly one run's project, never a mix", async () => {
    const target = join(tmp("race"), "p");
    const accounts = Array.from({ length: 1000 }, (_, i) => String(100000000000 + i)).join(",");
    const once = (region: string) =>
      new Promise<{ code: number | null; stderr: string }>((done) => {
        const args = [
          CLI,
          target,
          "--yes",
          "--force",
          "--blueprint",
          "service-endpoints@2",
          "--region",
          region,
          "--allowed-accounts",
          accounts,
        ];
        const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
        child.on("close", (code) => done({ code, stderr }));
      });
    const results = await Promise.all([once("us-east-1"), once("eu-west-1")]);
    for (const r of results) {
      expect([0, 2]).toContain(r.code);
      if (r.code === 2) expect(r.stderr).toMatch(/\.create-privatelink\.lock is held by process/);
    }
    const region = JSON.parse(readFileSync(join(target, ".privatelink.json"), "utf8")).region;
    const alone = join(tmp("race-alone"), "p");
    runCli([alone, "--yes", "--blueprint", "service-endpoints@2", "--region", region, "--allowed-accounts", accounts]);
    const tree = snapshotTree(target);
    for (const name of Object.keys(tree)) if (name.startsWith(".create-privatelink-backup/")) delete tree[name];
    expect(tree).toEqual(snapshotTree(alone));
  });
});
