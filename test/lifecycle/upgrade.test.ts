import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mergeFile } from "../../generator/lifecycle/merge";
import { migrate } from "../../generator/lifecycle/migrations";
import { runCli, snapshotTree, tmp } from "../support/cli";

const git = (dir: string, ...args: string[]) =>
  spawnSync("git", ["-c", "user.email=dev@example.com", "-c", "user.name=dev", ...args], { cwd: dir, encoding: "utf8" });

/** A service-endpoints@1 project, committed to git, as a user would have it. */
function v1Project(label: string): string {
  const dir = join(tmp(label), "proj");
  const result = runCli([dir, "--yes", "--blueprint", "service-endpoints@1", "--region", "eu-west-1"]);
  if (result.code !== 0) throw new Error(result.stderr);
  git(dir, "init", "-q");
  commit(dir);
  return dir;
}

function commit(dir: string): void {
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "change");
}

/** What a fresh v2 project with the same answers looks like. */
function freshV2(): Record<string, string> {
  const dir = join(tmp("fresh"), "proj");
  runCli([dir, "--yes", "--blueprint", "service-endpoints@2", "--region", "eu-west-1"]);
  return snapshotTree(dir);
}

const edit = (dir: string, path: string, change: (text: string) => string) =>
  writeFileSync(join(dir, path), change(readFileSync(join(dir, path), "utf8")));
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
/** v1 → v2 (the upgrade mechanics); v2 → v3 and v3 → v4 have their own tests (upgrade-v3, upgrade-service-endpoints-v4). */
const upgrade = (dir: string, ...args: string[]) => runCli(["upgrade", dir, "--yes", "--to", "service-endpoints@2", ...args]);

describe("upgrade service-endpoints v1 → v2, a three-way merge that keeps every line the user wrote", () => {
  test("GIVEN an untouched project THEN it becomes exactly a fresh v2 project, and check finds no drift (only the newer v4)", () => {
    const dir = v1Project("untouched");
    const before = runCli(["check", dir]);
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/outdated\s+service-endpoints@1 → service-endpoints@4 is available/);
    const result = upgrade(dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Upgraded .* from service-endpoints@1 to service-endpoints@2/);
    const tree = snapshotTree(dir);
    delete tree[".git"];
    expect(Object.fromEntries(Object.entries(tree).filter(([p]) => !p.startsWith(".git/")))).toEqual(freshV2());
    // No drift; still exit 1: v4 is newer, and fixes v2's advisories.
    const after = runCli(["check", dir]);
    expect(after.code).toBe(1);
    expect(after.stdout).not.toMatch(/modified|deleted|stale /);
    expect(after.stdout).toMatch(/outdated\s+service-endpoints@2 → service-endpoints@4 is available/);
  });

  test("GIVEN an edit in main.ts away from the lines v2 changes THEN both the edit and v2's changes are in the result", () => {
    const dir = v1Project("edit-away");
    edit(dir, "main.ts", (t) =>
      t
        .replace(
          'interfaceServices: ["ssm", "ssmmessages", "ec2messages"],',
          'interfaceServices: ["ssm", "ssmmessages", "ec2messages", "kms"], // kms for SOPS',
        )
        .concat("// deployed by the platform team\n"),
    );
    commit(dir);
    const result = upgrade(dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/merged\s+main\.ts/);
    const main = read(dir, "main.ts");
    expect(main).toContain('interfaceServices: ["ssm", "ssmmessages", "ec2messages", "kms"], // kms for SOPS');
    expect(main).toContain("// deployed by the platform team");
    expect(main).toContain('from "./blueprints/service-endpoints/v2/index.ts"');
    expect(main).not.toMatch(/<<<<<<<|>>>>>>>/);
    expect(runCli(["check", dir]).stdout).toMatch(/modified\s+main\.ts/);
  });

  test("GIVEN an edit on a line v2 changes THEN the file has conflict markers with both sides, it is listed, and exit is 1", () => {
    const dir = v1Project("conflict");
    edit(dir, "main.ts", (t) =>
      t.replace(
        'from "./blueprints/service-endpoints/v1/index.ts";',
        'from "./blueprints/service-endpoints/v1/index.ts"; // pinned by ops',
      ),
    );
    commit(dir);
    const result = upgrade(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/conflict\s+main\.ts/);
    expect(result.stdout).toMatch(/1 file\(s\) have conflicts[\s\S]*\n\s+main\.ts/);
    const main = read(dir, "main.ts");
    expect(main).toMatch(
      /<<<<<<< yours\n.*service-endpoints\/v1\/index\.ts"; \/\/ pinned by ops\n\|\|\|\|\|\|\| service-endpoints@1\n.*\n=======\n.*service-endpoints\/v2\/index\.ts";\n>>>>>>> service-endpoints@2/,
    );
  });

  test("GIVEN a deleted generated file THEN it stays deleted", () => {
    const dir = v1Project("deleted");
    unlinkSync(join(dir, "README.md"));
    commit(dir);
    const result = upgrade(dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/stays deleted\s+README\.md/);
    expect(existsSync(join(dir, "README.md"))).toBe(false);
  });

  test("GIVEN a project made before the generator added a file THEN upgrade creates it (it was never deleted)", () => {
    const dir = v1Project("older-generator");
    // as a generator release without scripts/typescript.mjs wrote the project: no file, no hash, no base copy
    for (const record of [".privatelink.json", ".privatelink.base.json"]) {
      const json = JSON.parse(read(dir, record));
      delete json.files["scripts/typescript.mjs"];
      writeFileSync(join(dir, record), `${JSON.stringify(json, null, 2)}\n`);
    }
    unlinkSync(join(dir, "scripts/typescript.mjs"));
    commit(dir);
    const result = upgrade(dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/created\s+scripts\/typescript\.mjs/);
    expect(read(dir, "scripts/typescript.mjs")).toBe(freshV2()["scripts/typescript.mjs"]);
  });

  test("GIVEN a file the user added THEN it is untouched, even inside blueprints/", () => {
    const dir = v1Project("added");
    writeFileSync(join(dir, "NOTES.md"), "our runbook\n");
    writeFileSync(join(dir, "blueprints", "local-extra.ts"), "export const extra = 1;\n");
    commit(dir);
    expect(upgrade(dir).code).toBe(0);
    expect(read(dir, "NOTES.md")).toBe("our runbook\n");
    expect(read(dir, "blueprints/local-extra.ts")).toBe("export const extra = 1;\n");
  });

  test("GIVEN uncommitted changes THEN upgrade refuses (exit 2) unless --allow-dirty", () => {
    const dir = v1Project("dirty");
    writeFileSync(join(dir, "scratch.txt"), "wip\n");
    const refused = upgrade(dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /`--allow-dirty`: the project has uncommitted changes \(\?\? scratch\.txt\); commit or stash them first/,
    );
    expect(existsSync(join(dir, "blueprints", "service-endpoints", "v1"))).toBe(true);
    expect(upgrade(dir, "--allow-dirty").code).toBe(0);
  });

  test("--dry-run prints the unified diff and writes nothing", () => {
    const dir = v1Project("dry");
    const before = snapshotTree(dir);
    const result = upgrade(dir, "--dry-run");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Dry run: upgrade .* from service-endpoints@1 to service-endpoints@2; nothing written\./);
    expect(result.stdout).toMatch(
      /^-import \{ ServiceEndpointsStack \} from "\.\/blueprints\/service-endpoints\/v1\/index\.ts";\n\+import \{ ServiceEndpointsStack \} from "\.\/blueprints\/service-endpoints\/v2\/index\.ts";/m,
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  test("new questions of v2 come from flags (or prompts, or --yes) and are recorded", () => {
    const dir = v1Project("new-questions");
    const missing = runCli(["upgrade", dir, "--to", "service-endpoints@2"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/pass --organization-id, --read-only-services/);
    expect(
      runCli(["upgrade", dir, "--to", "service-endpoints@2", "--organization-id", "o-a1b2c3d4e5", "--read-only-services", "s3"]).code,
    ).toBe(0);
    expect(JSON.parse(read(dir, ".privatelink.json"))).toMatchObject({
      blueprint: "service-endpoints@2",
      organizationId: "o-a1b2c3d4e5",
      readOnlyServices: ["s3"],
    });
    expect(read(dir, "main.ts")).toContain('organizationId: "o-a1b2c3d4e5"');
  });
});

describe("check", () => {
  test("reports edited and deleted generated files, and committed synthesized output that a fresh synth no longer gives", () => {
    const dir = join(tmp("check"), "proj");
    runCli([dir, "--yes", "--region", "eu-west-1"]);
    expect(runCli(["check", dir])).toMatchObject({ code: 0 });
    symlinkSync(join(__dirname, "..", "..", "node_modules"), join(dir, "node_modules"), "dir");
    expect(spawnSync(process.execPath, ["--import", "tsx", "main.ts"], { cwd: dir }).status).toBe(0);
    expect(runCli(["check", dir, "--synth"]).stdout).toMatch(
      /ran main\.ts to compare cdktf\.out: 1 synthesized stack\(s\) compared with a fresh synth\nClean/,
    );
    edit(dir, "main.ts", (t) => t.replace('"ssm", ', '"ssm", "kms", '));
    rmSync(join(dir, "README.md"));
    const drift = runCli(["check", dir, "--json", "--synth"]);
    expect(drift.code).toBe(1);
    expect(JSON.parse(drift.stdout)).toMatchObject({
      modified: ["main.ts"],
      deleted: ["README.md"],
      newerBlueprint: null,
      staleSynth: [{ stack: "proj", problem: expect.stringMatching(/differs from a fresh synth/) }],
    });
  });

  test("a folder that is not a generated project is an error (exit 2)", () => {
    expect(runCli(["check", tmp("not-a-project")])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/`\.privatelink\.json`: not found in .*; expected a project generated by create-privatelink/),
    });
  });
});

describe("migrations and merging", () => {
  test("migrations of every crossed version run in order; moved files follow", () => {
    const chain = [
      {
        version: 2,
        migration: ({ answers }: { answers: Record<string, unknown> }) => ({
          answers: { ...answers, services: answers.interfaceServices, interfaceServices: undefined },
          moves: { "lib/a.ts": "lib/b.ts" },
        }),
      },
      { version: 3 },
      {
        version: 4,
        migration: ({ answers }: { answers: Record<string, unknown> }) => ({
          answers: { ...answers, region: "eu-west-1" },
          moves: { "lib/b.ts": "src/b.ts" },
        }),
      },
      { version: 5, migration: () => ({ answers: { never: true } }) },
    ];
    expect(migrate(chain, 1, 4, { answers: { interfaceServices: ["ssm"] }, paths: ["lib/a.ts"] })).toEqual({
      answers: { services: ["ssm"], interfaceServices: undefined, region: "eu-west-1" },
      moves: { "lib/a.ts": "src/b.ts" },
    });
  });

  test("mergeFile keeps non-overlapping edits of both sides and marks overlapping ones", () => {
    const labels = { ours: "yours", base: "v1", theirs: "v2" };
    expect(mergeFile("a\nB\nc\nd\n", "a\nb\nc\nd\n", "a\nb\nc\nD\n", labels)).toEqual({ content: "a\nB\nc\nD\n", conflict: false });
    expect(mergeFile("a\nX\nc\n", "a\nb\nc\n", "a\nY\nc\n", labels)).toEqual({
      content: "a\n<<<<<<< yours\nX\n||||||| v1\nb\n=======\nY\n>>>>>>> v2\nc\n",
      conflict: true,
    });
  });
});
