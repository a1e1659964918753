import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hasConflictMarkers } from "../../generator/lifecycle/text";
import { contextFile } from "../../generator/lookup/context-file";
import { usWest1Facts } from "../lookup/facts-fixture";
import { runCli, tmp } from "../support/cli";

/** A project of the newest blueprint version, untouched. */
function project(label: string): string {
  const dir = join(tmp(label), "proj");
  const made = runCli([dir, "--yes", "--region", "eu-west-1"]);
  if (made.code !== 0) throw new Error(made.stderr);
  return dir;
}

describe("check runs the project's code only with --synth (#14 item 8)", () => {
  test("GIVEN committed cdktf.out and a main.ts with a side effect THEN check skips the synth and says so; --synth runs it and says so", () => {
    const dir = project("synth-opt-in");
    symlinkSync(join(__dirname, "..", "..", "node_modules"), join(dir, "node_modules"), "dir");
    mkdirSync(join(dir, "cdktf.out", "stacks", "proj"), { recursive: true });
    writeFileSync(join(dir, "cdktf.out", "stacks", "proj", "cdk.tf.json"), "{}\n");
    const main = readFileSync(join(dir, "main.ts"), "utf8");
    writeFileSync(join(dir, "main.ts"), `${main}import { writeFileSync } from "node:fs";\nwriteFileSync("ran.txt", "main.ts ran");\n`);

    const without = runCli(["check", dir]);
    // the only finding is the owner's edit of main.ts, which is theirs to make: no failure
    expect(without.code).toBe(0);
    expect(without.stdout).toMatch(/synth\s+comparison of cdktf\.out with a fresh synth skipped: it runs main\.ts; pass --synth/);
    expect(existsSync(join(dir, "ran.txt"))).toBe(false);

    const withSynth = runCli(["check", dir, "--synth"]);
    expect(withSynth.code).toBe(1);
    expect(withSynth.stdout).toMatch(/synth\s+ran main\.ts to compare cdktf\.out/);
    expect(withSynth.stdout).toMatch(/stale\s+cdktf\.out\/stacks\/proj: differs from a fresh synth/);
    expect(existsSync(join(dir, "ran.txt"))).toBe(true);
  });

  test("--synth is an option of check only", () => {
    expect(runCli(["upgrade", tmp("x"), "--synth"])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/`--synth`: does not apply to upgrade/),
    });
  });
});

describe("check reports recorded AWS lookups older than 90 days", () => {
  test("GIVEN privatelink.context.json looked up 100 days ago THEN check exits 1 and says to re-run with --lookup", () => {
    const dir = project("stale-context");
    const lookedUpAt = new Date(Date.now() - 100 * 24 * 60 * 60 * 1000).toISOString();
    writeFileSync(join(dir, "privatelink.context.json"), contextFile(usWest1Facts({ lookedUpAt })).content);
    const result = runCli(["check", dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /stale\s+privatelink\.context\.json: AWS lookups are 100 days old \(over 90\); ask AWS again with create-privatelink upgrade --lookup/,
    );
    expect(JSON.parse(runCli(["check", dir, "--json"]).stdout).staleContext).toEqual({ file: "privatelink.context.json", ageDays: 100 });
  });

  test("GIVEN lookups from yesterday THEN they are not reported", () => {
    const dir = project("fresh-context");
    const lookedUpAt = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString();
    writeFileSync(join(dir, "privatelink.context.json"), contextFile(usWest1Facts({ lookedUpAt })).content);
    expect(runCli(["check", dir])).toMatchObject({ code: 0 });
  });
});

describe("conflict markers", () => {
  test("any labelled marker line at a line start counts; a lone ======= (a Markdown underline) is not one", () => {
    expect(hasConflictMarkers("a\n<<<<<<< yours\nx\n||||||| service-endpoints@1\nw\n=======\ny\n>>>>>>> service-endpoints@2\n")).toBe(true);
    // the <<<<<<< line alone deleted: what is left still counts
    expect(hasConflictMarkers("a\nx\n||||||| service-endpoints@1\nw\n=======\ny\n>>>>>>> service-endpoints@2\n")).toBe(true);
    expect(hasConflictMarkers("a\nx\n=======\ny\n>>>>>>> service-endpoints@2\n")).toBe(true);
    expect(hasConflictMarkers("a\n<<<<<<< yours\nx\n")).toBe(true);
    expect(hasConflictMarkers("Title\n=======\n")).toBe(false);
    expect(hasConflictMarkers("see `<<<<<<< ` and `>>>>>>> ` in git's docs\n")).toBe(false);
  });

  test("GIVEN an upgrade's conflict with only its <<<<<<< line removed THEN check still reports the conflict (exit 1)", () => {
    const dir = project("half-resolved");
    const main = readFileSync(join(dir, "main.ts"), "utf8");
    writeFileSync(join(dir, "main.ts"), `${main}// ours\n||||||| service-endpoints@2\n=======\n// theirs\n>>>>>>> service-endpoints@3\n`);
    const check = runCli(["check", dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/conflict\s+main\.ts: unresolved conflict markers/);
  });
});
