import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tmp } from "../support/cli";

const git = (dir: string, ...args: string[]) =>
  spawnSync("git", ["-c", "user.email=dev@example.com", "-c", "user.name=dev", ...args], { cwd: dir, encoding: "utf8" });
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
const append = (dir: string, path: string, line: string) => writeFileSync(join(dir, path), `${read(dir, path)}${line}\n`);
const commit = (dir: string) => {
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "change");
};
const upgrade = (dir: string) => runCli(["upgrade", dir, "--yes", "--to", "service-endpoints@2"]);

/** A committed service-endpoints@1 project (eu-west-1: zone names, so v1 → v2 needs no zone IDs). */
function v1Project(label: string): string {
  const dir = join(tmp(label), "proj");
  const made = runCli([dir, "--yes", "--blueprint", "service-endpoints@1", "--region", "eu-west-1"]);
  if (made.code !== 0) throw new Error(made.stderr);
  git(dir, "init", "-q");
  commit(dir);
  return dir;
}

describe("upgrade keeps a dropped version folder whole when you edited a file of it (#14 item 3)", () => {
  test("GIVEN an edited v1/stack.ts WHEN upgrading to v2 THEN every file of v1/ stays, a warning says why, and check reports the kept folder", () => {
    const dir = v1Project("kept-folder");
    const v1 = readdirSync(join(dir, "blueprints/service-endpoints/v1")).sort();
    append(dir, "blueprints/service-endpoints/v1/stack.ts", "// our tweak");
    commit(dir);
    const result = upgrade(dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/blueprints\/service-endpoints\/v1\/ is no longer generated .* the whole folder is kept/);
    expect(result.stdout).toMatch(/kept, no longer generated\s+blueprints\/service-endpoints\/v1\/index\.ts/);
    expect(readdirSync(join(dir, "blueprints/service-endpoints/v1")).sort()).toEqual(v1);
    expect(read(dir, "blueprints/service-endpoints/v1/stack.ts")).toMatch(/\/\/ our tweak\n$/);
    const check = runCli(["check", dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/kept\s+blueprints\/service-endpoints\/v1\/: no longer generated/);
  });

  test("GIVEN an untouched v1/ THEN the upgrade removes all of it", () => {
    const dir = v1Project("removed-folder");
    expect(upgrade(dir).code).toBe(0);
    expect(existsSync(join(dir, "blueprints/service-endpoints/v1"))).toBe(false);
  });
});

describe("a tampered .privatelink.json is not trusted (#14 item 9)", () => {
  const tamper = (dir: string, change: (p: Record<string, unknown>) => void) => {
    const provenance = JSON.parse(read(dir, ".privatelink.json"));
    change(provenance);
    writeFileSync(join(dir, ".privatelink.json"), `${JSON.stringify(provenance, null, 2)}\n`);
    commit(dir);
  };

  test("GIVEN the recorded blueprint swapped THEN check and upgrade exit 2 naming the blueprint", () => {
    const dir = v1Project("swapped");
    tamper(dir, (p) => {
      p.blueprint = "service-endpoints@2";
    });
    for (const result of [runCli(["check", dir]), runCli(["upgrade", dir, "--yes"])]) {
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /`\.privatelink\.json: blueprint`: is service-endpoints@2, but its files \(blueprints\/service-endpoints\/v2\/\)/,
      );
    }
  });

  test("GIVEN main.ts's header naming another blueprint than the one recorded THEN check exits 2", () => {
    const dir = v1Project("header");
    writeFileSync(
      join(dir, "main.ts"),
      read(dir, "main.ts").replace("from blueprint service-endpoints@1.", "from blueprint service-endpoints@3."),
    );
    expect(runCli(["check", dir])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/main\.ts says it was generated from service-endpoints@3/),
    });
  });

  test.each([
    ["a list", (p: Record<string, unknown>) => (p.files = Object.keys(p.files as object)), /got a list/],
    [
      "a digest that is not one",
      (p: Record<string, unknown>) => ((p.files as Record<string, string>)["main.ts"] = "x"),
      /"main\.ts" is not a file of the project with its sha256/,
    ],
  ])("GIVEN `files` as %s THEN check exits 2 naming `files`", (_, change, message) => {
    const dir = v1Project("files");
    tamper(dir, change);
    const result = runCli(["check", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/`\.privatelink\.json: files`/);
    expect(result.stderr).toMatch(message);
  });

  test("GIVEN main.ts's recorded hash replaced by its edited content's THEN check says so and upgrade keeps the edit, with a warning", () => {
    const dir = v1Project("rehashed");
    append(dir, "main.ts", "// the user's line");
    tamper(dir, (p) => {
      (p.files as Record<string, string>)["main.ts"] = sha256(read(dir, "main.ts"));
    });
    const check = runCli(["check", dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/untrusted main\.ts: its recorded hash matches the file but not its copy in \.privatelink\.base\.json/);
    const result = upgrade(dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/main\.ts: its hash in \.privatelink\.json is not that of its copy in \.privatelink\.base\.json/);
    expect(result.stdout).toMatch(/merged\s+main\.ts/);
    expect(read(dir, "main.ts")).toMatch(/service-endpoints\/v2\/index\.ts"[\s\S]*\/\/ the user's line\n$/);
  });
});

describe("unresolved conflict markers (#14 item 10)", () => {
  test("GIVEN an upgrade that left conflicts THEN check reports them (exit 1) and a second upgrade refuses (exit 2) naming the file", () => {
    const dir = v1Project("markers");
    writeFileSync(
      join(dir, "main.ts"),
      read(dir, "main.ts").replace('service-endpoints/v1/index.ts";', 'service-endpoints/v1/index.ts"; // pinned'),
    );
    commit(dir);
    expect(upgrade(dir).code).toBe(1);
    commit(dir);
    const check = runCli(["check", dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/conflict\s+main\.ts: unresolved conflict markers/);
    expect(check.stdout).not.toMatch(/modified\s+main\.ts/);
    const again = runCli(["upgrade", dir, "--yes"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/main\.ts still has conflict markers .*; resolve them, then run upgrade again/);
  });

  test("GIVEN a Markdown heading underlined with ======= THEN it is an edit, not a conflict", () => {
    const dir = v1Project("setext");
    append(dir, "README.md", "Runbook\n=======\n\nsee the wiki");
    expect(runCli(["check", dir]).stdout).toMatch(/modified\s+README\.md/);
  });
});

describe("a CRLF checkout (git core.autocrlf=true) (#14 item 12)", () => {
  test("GIVEN a clone with CRLF line endings THEN check sees no edit, and upgrade merges an edit and keeps CRLF", () => {
    const origin = v1Project("crlf-origin");
    const dir = join(tmp("crlf"), "proj");
    git(origin, "clone", "-q", "-c", "core.autocrlf=true", origin, dir);
    expect(read(dir, "main.ts")).toContain("\r\n");
    expect(runCli(["check", dir]).stdout).not.toMatch(/modified|conflict/);
    writeFileSync(join(dir, "main.ts"), `${read(dir, "main.ts")}// deployed by ops\r\n`);
    git(dir, "-c", "core.autocrlf=true", "commit", "-qam", "edit");
    const result = upgrade(dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/merged\s+main\.ts/);
    const main = read(dir, "main.ts");
    expect(main).not.toMatch(/<<<<<<<|>>>>>>>/);
    expect(main).toMatch(/service-endpoints\/v2\/index\.ts";\r\n[\s\S]*\/\/ deployed by ops\r\n$/);
    expect(main.replace(/\r\n/g, "")).not.toContain("\n");
  });
});
