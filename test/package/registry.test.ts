import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { tmp } from "../support/cli";
import { type LocalRegistry, npmEnv, startRegistry } from "../support/registry";
import { projectTerraformEnv, terraformOptedOut } from "../support/terraform";

/**
 * Publishing, proven: the package as `npm pack` makes it (prepack build
 * included, from a copy of the working tree), published to a real local
 * registry (Verdaccio), then used exactly as the README tells users to, in an
 * empty folder with an empty npm cache: `npm create privatelink@latest` and
 * `npx create-privatelink`. Each generated project installs from that
 * registry and passes its own `npm test`; its pinned generator answers
 * `npx create-privatelink check` and `lint`. The slowest suite: every
 * dependency is fetched through the registry once, then the one npm cache is
 * shared by the test's installs.
 */

const REPO = join(__dirname, "..", "..");
const OWN = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  files: string[];
};

interface Run {
  readonly code: number;
  readonly output: string;
}

/** Runs a command to its end without blocking the event loop (the registry's output is read meanwhile). */
function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error) => resolve({ code: -1, output: `${output}\n${error.message}` }));
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
  });
}

/** The suite's temporary folders: about 4 GB (two projects' node_modules, the npm cache), removed at the end. */
const folders: string[] = [];
function scratch(label: string): string {
  const dir = tmp(label);
  folders.push(dir);
  return dir;
}

let registry: LocalRegistry | undefined;
let env: NodeJS.ProcessEnv;
let packed: { filename: string; files: { path: string; mode: number }[] };
let unpacked: string;

/** Seconds per step, printed at the end: this is the slowest suite, and its time is watched. */
const timings: string[] = [];

/** Runs a command that must succeed; its output, with the registry's log when it fails. */
async function ok(command: string, args: readonly string[], cwd: string, extra: NodeJS.ProcessEnv = {}): Promise<string> {
  const started = Date.now();
  const result = await run(command, args, cwd, { ...env, ...extra });
  timings.push(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${command} ${args.join(" ")}  (${basename(cwd)})`);
  if (result.code !== 0)
    throw new Error(
      `${command} ${args.join(" ")} exited ${result.code} in ${cwd}:\n${result.output.slice(-6000)}\nregistry:\n${registry?.log().slice(-3000)}`,
    );
  return result.output;
}

/** The working tree as git would commit it (tracked and new files, nothing ignored), with this node_modules linked. */
function copyOfTheWorkingTree(): string {
  const copy = join(scratch("pack-src"), OWN.name);
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO, encoding: "utf8" });
  for (const path of listed.split("\0").filter(Boolean)) {
    if (!existsSync(join(REPO, path))) continue; // deleted, not yet committed
    mkdirSync(dirname(join(copy, path)), { recursive: true });
    copyFileSync(join(REPO, path), join(copy, path));
  }
  symlinkSync(join(REPO, "node_modules"), join(copy, "node_modules"), "dir");
  return copy;
}

beforeAll(async () => {
  registry = await startRegistry(OWN.name);
  env = npmEnv(registry, scratch("npm-cache"));
  // 1. Pack a copy, so that prepack's build does not replace dist/ under the other suites' feet.
  const source = copyOfTheWorkingTree();
  const out = scratch("packed");
  const stdout = await ok("npm", ["pack", "--json", "--pack-destination", out], source);
  [packed] = JSON.parse(stdout.slice(stdout.indexOf("[\n")));
  unpacked = scratch("unpacked");
  execFileSync("tar", ["-xzf", join(out, packed.filename), "-C", unpacked]);
  // 2. Publish it, anonymously, with the registry's own user config.
  await ok("npm", ["publish", join(out, packed.filename)], out);
}, 300000);

afterAll(async () => {
  await registry?.stop();
  // In parallel: tens of thousands of files, which rmSync takes minutes to remove one by one on a busy machine.
  const started = Date.now();
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })));
  timings.push(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  removing the temporary folders`);
  process.stdout.write(`\nregistry suite, time per step:\n${timings.join("\n")}\n`);
}, 600000);

describe("the packed package", () => {
  const paths = () => packed.files.map((f) => f.path);
  const tracked = (dir: string) =>
    execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", dir], { cwd: REPO, encoding: "utf8" })
      .split("\n")
      .filter((path) => path && existsSync(join(REPO, path)));

  test("holds no tests, fixtures, snapshots or examples (templates/ is the generated project's skeleton, its test included)", () => {
    const ours = paths().filter((path) => !path.startsWith("templates/"));
    expect(ours.filter((path) => /(^|\/)(test|tests|__tests__|__snapshots__|fixtures|examples)\/|\.test\.[jt]s$/.test(path))).toEqual([]);
    // Of dist/, only what the CLI runs: not the repository's own CDKTF app or the benchmark (they import the fixtures).
    expect(ours.filter((path) => path.startsWith("dist/") && !/^dist\/(generator|blueprints)\//.test(path))).toEqual([]);
  });

  test("holds every blueprint source and template, and the built CLI", () => {
    const inside = new Set(paths());
    expect([...tracked("blueprints"), ...tracked("templates")].filter((path) => !inside.has(path))).toEqual([]);
    expect(inside).toContain("templates/project/_gitignore");
    expect(inside).toContain("package.json");
    expect(inside).toContain("README.md");
    for (const file of ["dist/generator/cli.js", "dist/generator/paths.js", "dist/blueprints/lib/cdktf.js"]) expect(inside).toContain(file);
  });

  test("its bin is an executable file that starts with a node shebang", () => {
    const bin = OWN.bin[OWN.name];
    const entry = packed.files.find((f) => f.path === bin);
    expect(entry).toBeDefined();
    expect((entry?.mode ?? 0) & 0o111).not.toBe(0);
    expect(readFileSync(join(unpacked, "package", bin), "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });
});

/** The generated project's own checks, as its user runs them: npm install from the registry, then npm test. */
async function installAndTest(dir: string): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  expect(pkg.devDependencies[OWN.name]).toBe(OWN.version);
  await ok("npm", ["install"], dir);
  // Every package came through the local registry, and the pinned generator is the one published there.
  const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8")) as { packages: Record<string, { resolved?: string }> };
  const elsewhere = Object.entries(lock.packages).filter(([path, p]) => path !== "" && p.resolved && !p.resolved.startsWith(registry!.url));
  expect(elsewhere.map(([path, p]) => `${path} ${p.resolved}`)).toEqual([]);
  expect(JSON.parse(readFileSync(join(dir, "node_modules", OWN.name, "package.json"), "utf8")).version).toBe(OWN.version);
  const tf = terraformOptedOut() ? {} : projectTerraformEnv();
  const output = await ok("npm", ["test"], dir, { ...tf, CI: "false", CHECKPOINT_DISABLE: "1" });
  expect(output).toMatch(/Tests:\s+\d+ passed, \d+ total/);
  if (!terraformOptedOut()) expect(output).not.toMatch(/terraform is not installed/);
}

describe("published to a local registry, used as the README says", () => {
  let demo: string;

  test("npm create privatelink@latest demo -- --yes, then npm install and npm test in it", async () => {
    const folder = scratch("npm-create");
    await ok("npm", ["create", `privatelink@latest`, "demo", "--", "--yes"], folder);
    demo = join(folder, "demo");
    await installAndTest(demo);
  }, 1200000);

  test("npx create-privatelink demo2 --yes, then npm install and npm test in it", async () => {
    const folder = scratch("npx");
    await ok("npx", [OWN.name, "demo2", "--yes"], folder);
    await installAndTest(join(folder, "demo2"));
  }, 1200000);

  test("in the project, npx create-privatelink runs the pinned copy: check, lint after synth, check after an edit", async () => {
    expect(demo).toBeDefined();
    const npx = (...args: string[]) => run("npx", [OWN.name, ...args], demo, env);
    expect(existsSync(join(demo, "node_modules", ".bin", OWN.name))).toBe(true);
    expect((await npx("--version")).output.trim()).toBe(OWN.version);
    const fresh = await npx("check");
    expect(fresh).toMatchObject({ code: 0 });
    await ok("npm", ["run", "synth"], demo, { CHECKPOINT_DISABLE: "1" });
    expect(await npx("lint")).toMatchObject({ code: 0 });
    writeFileSync(join(demo, "main.ts"), `${readFileSync(join(demo, "main.ts"), "utf8")}\n// an edit of the user's\n`);
    const edited = await npx("check");
    // the user's own edit of main.ts is reported, and fails only with --strict
    expect(edited.code).toBe(0);
    expect(edited.output).toMatch(/modified\s+main\.ts \(yours to edit/);
    expect((await npx("check", "--strict")).code).toBe(1);
  }, 600000);

  test("a newer release published: npx create-privatelink@latest upgrade runs it and moves the pin; npm install brings it", async () => {
    expect(demo).toBeDefined();
    // The same package as a patch release, published from the unpacked tarball (already built).
    const [major, minor, patch] = OWN.version.split(/[.-]/).map(Number);
    const next = `${major}.${minor}.${patch + 1}`;
    const release = join(unpacked, "package");
    const manifest = JSON.parse(readFileSync(join(release, "package.json"), "utf8"));
    writeFileSync(join(release, "package.json"), `${JSON.stringify({ ...manifest, version: next }, null, 2)}\n`);
    await ok("npm", ["publish", "--ignore-scripts", release], unpacked);
    // Not a git work tree: upgrade warns that there is no easy undo, and goes on.
    const upgraded = await ok("npx", [`${OWN.name}@latest`, "upgrade", "--yes"], demo);
    expect(upgraded).toMatch(/updated\s+package\.json/);
    expect(JSON.parse(readFileSync(join(demo, "package.json"), "utf8")).devDependencies[OWN.name]).toBe(next);
    expect(readFileSync(join(demo, "main.ts"), "utf8")).toMatch(/\/\/ an edit of the user's/);
    await ok("npm", ["install"], demo);
    expect((await run("npx", [OWN.name, "--version"], demo, env)).output.trim()).toBe(next);
  }, 600000);
});
