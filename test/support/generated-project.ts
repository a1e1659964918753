import { execFile } from "node:child_process";
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { runCli, tmp } from "./cli";
import type { Fixture } from "./synth";
import { projectTerraformEnv, terraformOptedOut } from "./terraform";

const exec = promisify(execFile);
const REPO = join(__dirname, "..", "..");

/** Generates a fixture's project with the real CLI (on this Node or on `node`), linked to this repository's node_modules (no network). */
export function generateFixture(fixture: Fixture, node?: string): string {
  const parent = tmp(`e2e-${fixture.name}`);
  const answers = join(parent, "answers.json");
  writeFileSync(answers, JSON.stringify(fixture.answers));
  const dir = join(parent, fixture.name);
  const result = runCli([dir, "--answers", answers, "--yes"], { node });
  if (result.code !== 0) throw new Error(`generation failed (${result.code}): ${result.stderr}`);
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

/** Runs a command in the generated project; returns stdout and stderr together. */
export async function inProject(dir: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const { stdout, stderr } = await exec(command, args, {
      cwd: dir,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 600000,
    });
    return `${stdout}\n${stderr}`;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${dir}:\n${e.stdout ?? ""}\n${e.stderr ?? e.message}`);
  }
}

/** The stacks a synth wrote in the project (`<out>/stacks/<id>/cdk.tf.json`), by ID. */
export function synthesizedStacks(dir: string, out = "cdktf.out"): Record<string, string> {
  const stacksDir = join(dir, out, "stacks");
  return Object.fromEntries(
    readdirSync(stacksDir)
      .sort()
      .map((id) => [id, readFileSync(join(stacksDir, id, "cdk.tf.json"), "utf8")]),
  );
}

const bin = (dir: string, name: string) => join(dir, "node_modules", ".bin", name);

/** What a project's own `npm test` needs from this run: the mirror, no telemetry, snapshots written on first run. */
export function projectTestEnv(options: { terraform: boolean }): NodeJS.ProcessEnv {
  const useTerraform = options.terraform && !terraformOptedOut();
  return {
    CHECKPOINT_DISABLE: "1",
    DISABLE_VERSION_CHECK: "true",
    // CI=false so that a first run writes the snapshots, as on a user's machine
    CI: "false",
    ...(useTerraform ? projectTerraformEnv() : { PRIVATELINK_SKIP_TERRAFORM: "1" }),
  };
}

/**
 * The generated project's own checks, as its user would run them: `npm run synth`
 * (and the real `cdktf synth` where `cdktfCli`), then its own `npm test`, with
 * `terraform validate` of every stack where `terraform`. Types are checked for many
 * projects at once (`typecheckProjects`).
 */
export async function exerciseProject(
  dir: string,
  options: { cdktfCli: boolean; terraform: boolean },
): Promise<{ stacks: Record<string, string>; cliStacks?: Record<string, string>; testOutput: string }> {
  const env = projectTestEnv(options);
  let cliStacks: Record<string, string> | undefined;
  if (options.cdktfCli) {
    await inProject(dir, bin(dir, "cdktf"), ["synth"], env);
    cliStacks = synthesizedStacks(dir);
  }
  await inProject(dir, "npm", ["run", "--silent", "synth"], env);
  const stacks = synthesizedStacks(dir);
  const testOutput = await inProject(dir, "npm", ["test", "--silent"], env);
  return { stacks, cliStacks, testOutput };
}

/**
 * `tsc --noEmit` over many generated projects in one run: their tsconfig.json files are
 * the same (a test holds them to it), so one program with every project's files checks
 * each as its own `npm run typecheck` would, and loads the provider's declarations once
 * instead of once per project. Returns tsc's output; throws when it finds errors.
 */
export async function typecheckProjects(dirs: readonly string[]): Promise<string> {
  const configs = new Set(dirs.map((d) => readFileSync(join(d, "tsconfig.json"), "utf8")));
  if (configs.size !== 1) throw new Error("the projects' tsconfig.json files differ: check them one by one");
  const own = JSON.parse([...configs][0]) as { compilerOptions: Record<string, unknown>; include: string[]; exclude: string[] };
  const root = tmp("typecheck");
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"), "dir");
  writeFileSync(
    join(root, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: own.compilerOptions,
      include: dirs.flatMap((d) => own.include.map((pattern) => join(d, pattern))),
      exclude: dirs.flatMap((d) => own.exclude.map((pattern) => join(d, pattern))),
    }),
  );
  return inProject(root, join(REPO, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "tsconfig.json"]);
}
