import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { runCli, snapshotTree, tmp } from "../support/cli";

/**
 * `upgrade --dry-run` as a reviewer reads it, with its output in a file or a pipe:
 * the questions the upgrade will ask, the file plan once, one line for the base copy,
 * and the diffs of the files that change.
 */
const git = (dir: string, ...args: string[]) =>
  spawnSync("git", ["-c", "user.email=dev@example.com", "-c", "user.name=dev", ...args], { cwd: dir, encoding: "utf8" });

function project(): string {
  const dir = join(tmp("dry-run"), "proj");
  const made = runCli([dir, "--yes", "--blueprint", "endpoint-service@1", "--region", "eu-west-1", "--consumer-accounts", "111122223333"]);
  if (made.code !== 0) throw new Error(made.stderr);
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "generated");
  return dir;
}

describe("upgrade --dry-run, with no terminal", () => {
  test("GIVEN an endpoint-service@1 project THEN the dry run says what the upgrade will ask, takes the defaults, and writes nothing", () => {
    const dir = project();
    const before = snapshotTree(dir);
    const result = runCli(["upgrade", dir, "--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(
      /^The upgrade will ask \(here, with no terminal, the dry run took the defaults; pass these flags to choose\):$/m,
    );
    expect(result.stdout).toMatch(/^ {2}--consumers \(.*\); the dry run took \[\{"account":"111122223333"\}\]$/m);
    expect(result.stdout).toMatch(/^ {2}--proxy-protocol \(.*\); the dry run took false$/m);
    expect(snapshotTree(dir)).toEqual(before);
    // the real upgrade, with nobody to ask, still refuses and names the flags
    expect(runCli(["upgrade", dir])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/pass --ip-address-type, --consumers, --proxy-protocol/),
    });
  });

  test("GIVEN the same project THEN each file is listed once, the base copy in one line, and no diff of it or of a removed file", () => {
    const dir = project();
    const { stdout } = runCli(["upgrade", dir, "--dry-run", "--yes"]);
    const plan = stdout.split("\n").filter((line) => /^ {2}(removed|updated|created|merged|conflict|kept)/.test(line));
    const paths = plan.map((line) => line.trim().split(/\s+/)[1]);
    expect(paths.length).toBeGreaterThan(10);
    expect(new Set(paths).size).toBe(paths.length);
    expect(stdout).not.toMatch(/^(overwrite|delete|create) /m); // the writer's own list is not printed again
    expect(stdout).toMatch(/^ {2}updated\s+\.privatelink\.base\.json \(.*diff not shown\)$/m);
    expect(stdout).not.toContain("+++ b/.privatelink.base.json");
    expect(stdout).not.toContain("+++ /dev/null");
    expect(stdout).toContain("+++ b/main.ts");
    // a fraction of what it was: the base copy's diff alone was two thirds of the output
    expect(stdout.length).toBeLessThan(30000);
  });
});
