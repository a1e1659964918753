import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, snapshotTree, tmp } from "../support/cli";

const backups = (dir: string) => readdirSync(join(dir, ".create-privatelink-backup")).filter((n) => n !== ".gitignore");

describe("--force in a folder with the user's files (dpkg keeps an edited conffile; rsync --backup-dir)", () => {
  test("GIVEN an existing repository WHEN --force THEN the summary lists what it replaced, and each replaced file of the user's is kept", () => {
    const dir = tmp("repo");
    const mine = {
      "README.md": "# my project\n",
      ".gitignore": "secrets/\n",
      "package.json": '{ "name": "mine" }\n',
      "test/main.test.ts": "test('mine', () => {});\n",
    };
    mkdirSync(join(dir, "test"));
    for (const [path, content] of Object.entries(mine)) writeFileSync(join(dir, path), content);
    const result = runCli([dir, "--yes", "--force"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Replaced 4 existing file\(s\): \.gitignore, README\.md, package\.json, test\/main\.test\.ts\./);
    const [stamp] = backups(dir);
    // the time, the pid and a random suffix: a folder of this run only
    expect(stamp).toMatch(/^\d{8}T\d{6}Z-\d+-[0-9a-f]{8}$/);
    expect(result.stdout).toContain(`.create-privatelink-backup/${stamp}/`);
    const kept = snapshotTree(join(dir, ".create-privatelink-backup", stamp));
    expect(kept).toEqual(mine);
    // The backup folder ignores itself, so that it is never committed by accident.
    expect(readFileSync(join(dir, ".create-privatelink-backup", ".gitignore"), "utf8")).toBe("*\n");
  });

  test("GIVEN a generated project WHEN --force regenerates it with another region THEN its unedited generated files are replaced without a backup; an edited one is kept", () => {
    const dir = join(tmp("regen"), "p");
    expect(runCli([dir, "--yes"]).code).toBe(0);
    writeFileSync(join(dir, "main.ts"), `${readFileSync(join(dir, "main.ts"), "utf8")}// my edit\n`);
    const result = runCli([dir, "--yes", "--force", "--region", "eu-west-1"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Replaced \d+ existing file\(s\): .*README\.md/);
    expect(result.stdout).toMatch(/your 1 file\(s\)/);
    const [stamp] = backups(dir);
    expect(Object.keys(snapshotTree(join(dir, ".create-privatelink-backup", stamp)))).toEqual(["main.ts"]);

    // The generated .gitignore ignores the writer's lock, staging and backup folders.
    spawnSync("git", ["init", "-q"], { cwd: dir });
    for (const path of [
      ".create-privatelink.lock",
      ".create-privatelink-staging-x1/new/main.ts",
      `.create-privatelink-backup/${stamp}/main.ts`,
    ])
      expect(spawnSync("git", ["check-ignore", "-q", "--no-index", path], { cwd: dir }).status).toBe(0);
    expect(spawnSync("git", ["check-ignore", "-q", "--no-index", "main.ts"], { cwd: dir }).status).toBe(1);
  });

  test("GIVEN the same project generated again THEN nothing is replaced and there is no backup folder", () => {
    const dir = join(tmp("same"), "p");
    runCli([dir, "--yes"]);
    const result = runCli([dir, "--yes", "--force"]);
    expect(result.stdout).toMatch(/Wrote 0 of/);
    expect(result.stdout).not.toMatch(/Replaced/);
    expect(readdirSync(dir).filter((n) => n.startsWith(".create-privatelink"))).toEqual([]);
  });
});
