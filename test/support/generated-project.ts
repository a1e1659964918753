import { execFile } from "node:child_process";
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { runCli, tmp } from "./cli";
import type { Fixture } from "./synth";
import { checkWithTerraform, projectTerraformEnv, terraformOptedOut } from "./terraform";

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

/** The generated project's own checks, as its user would run them. */
export async function exerciseProject(dir: string): Promise<{ stacks: Record<string, string>; testOutput: string }> {
  const env = {
    CHECKPOINT_DISABLE: "1",
    DISABLE_VERSION_CHECK: "true",
    ...(terraformOptedOut() ? {} : projectTerraformEnv()),
  };
  await inProject(dir, bin(dir, "cdktf"), ["synth"], env);
  const stacksDir = join(dir, "cdktf.out", "stacks");
  const stacks = synthesizedStacks(dir);
  await inProject(dir, bin(dir, "tsc"), ["--noEmit"]);
  // the project's own `npm test`; CI=false so that its first run writes the snapshots, as on a user's machine
  const testOutput = await inProject(dir, "npm", ["test", "--silent"], { ...env, CI: "false" });
  if (!terraformOptedOut()) {
    for (const id of Object.keys(stacks)) await checkWithTerraform(join(stacksDir, id), { plan: false });
  }
  return { stacks, testOutput };
}
