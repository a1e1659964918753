import { execFileSync, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../support/cli";

/**
 * The README's two commands run in order on a fresh clone: a project that
 * `npm start -- demo --yes` generates inside the checkout, and npm pack's tarball,
 * do not change what `npm test` checks, and git does not offer them for a commit.
 */
const ROOT = join(__dirname, "..", "..");
const git = (args: string[]) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });

describe("a checkout with a generated project in it", () => {
  test("GIVEN a project folder and npm pack's tarball at the top THEN git ignores both", () => {
    const ignored = git(["check-ignore", "--no-index", "demo/biome.json", "demo/main.ts", "create-privatelink-0.1.0.tgz"]);
    expect(ignored.stdout.split("\n").filter(Boolean)).toEqual(["demo/biome.json", "demo/main.ts", "create-privatelink-0.1.0.tgz"]);
  });

  test("no file of the repository is ignored: the top-level list in .gitignore names every tracked entry", () => {
    expect(git(["ls-files", "--cached", "--ignored", "--exclude-standard"]).stdout).toBe("");
  });

  test("GIVEN npm start -- <folder> --yes in the checkout THEN Biome's check of the repository still passes", () => {
    const folder = `demo-checkout-${process.pid}`;
    try {
      const made = runCli([folder, "--yes"], { cwd: ROOT });
      expect(made.code).toBe(0);
      // the project brings its own biome.json, a second root configuration Biome would refuse
      const biome = join(ROOT, "node_modules", ".bin", "biome");
      expect(() => execFileSync(biome, ["ci", "--reporter=summary", "."], { cwd: ROOT, stdio: "pipe" })).not.toThrow();
    } finally {
      rmSync(join(ROOT, folder), { recursive: true, force: true });
    }
  });
});
