import { spawn } from "node:child_process";
import { cpSync, readFileSync, symlinkSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { tmp } from "../support/cli";

/**
 * `npm start` in a checkout runs the built CLI at once when nothing changed, builds
 * first when a source did, and two at once never break each other (one builds, the
 * other waits for it). Run in a copy of the checkout, so that this suite's builds never
 * touch the dist/ that the other suites run.
 */
const ROOT = join(__dirname, "..", "..");
const COPIED = [
  "main.ts",
  "package.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "scripts",
  "blueprints",
  "generator",
  "bench",
  "templates",
];
const VERSION = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;

function copyOfTheCheckout(): string {
  const dir = join(tmp("start"), "create-privatelink");
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  for (const entry of ["test/support", "test/fixtures"]) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

function npmStart(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["start", "--silent", "--", ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const BUILDING = /building dist\//;

describe("npm start in a checkout", () => {
  let dir: string;
  beforeAll(() => {
    dir = copyOfTheCheckout();
  });

  test("GIVEN no dist/ WHEN two npm start run at once THEN both run the CLI, and only one of them builds", async () => {
    const both = await Promise.all([npmStart(dir, ["--version"]), npmStart(dir, ["--version"])]);
    expect(both.map((r) => [r.code, r.stdout.trim()])).toEqual([
      [0, VERSION],
      [0, VERSION],
    ]);
    expect(both.filter((r) => BUILDING.test(r.stderr))).toHaveLength(1);
  }, 240000);

  test("GIVEN sources unchanged since the build THEN npm start runs the CLI without building", async () => {
    const stamp = readFileSync(join(dir, "dist", ".sources"), "utf8");
    const run = await npmStart(dir, ["--version"]);
    expect([run.code, run.stdout.trim(), run.stderr]).toEqual([0, VERSION, ""]);
    expect(readFileSync(join(dir, "dist", ".sources"), "utf8")).toBe(stamp);
  }, 60000);

  test("GIVEN a source changed since the build THEN npm start builds again, then runs", async () => {
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, "generator", "cli.ts"), later, later);
    const run = await npmStart(dir, ["--version"]);
    expect([run.code, run.stdout.trim()]).toEqual([0, VERSION]);
    expect(run.stderr).toMatch(BUILDING);
  }, 240000);
});
