import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { type Ejection, eject } from "../../generator/eject/eject";
import type { CdktfJson, CdktfStack } from "../../generator/eject/references";
import { ALL_FIXTURES } from "../fixtures";
import { type Fixture, type SynthesizedStack, synthFixture } from "../support/synth";
import { findTerraform, terraformEnv } from "../support/terraform";

const run = promisify(execFile);

export interface EjectedFixture {
  readonly fixture: Fixture;
  readonly synthesized: readonly SynthesizedStack[];
  readonly ejection: Ejection;
  /** Where the ejection was written: `<project>/terraform/<stack>/main.tf`. */
  readonly project: string;
}

/** Every fixture synthesized with cdktf and ejected, its files written under `root/<fixture>/terraform`. */
export async function ejectAll(root: string, fixtures: readonly Fixture[] = ALL_FIXTURES): Promise<EjectedFixture[]> {
  const result: EjectedFixture[] = [];
  for (const fixture of fixtures) {
    const synthesized = await synthFixture(fixture);
    const project = join(root, fixture.name);
    const ejection = eject(synthesized.map(asCdktfStack), project);
    writeFiles(
      join(project, "terraform"),
      ejection.files.map((f) => [f.path, f.content]),
    );
    result.push({ fixture, synthesized, ejection, project });
  }
  return result;
}

export function asCdktfStack(s: SynthesizedStack): CdktfStack {
  return { id: s.id, dir: s.dir, json: s.json as CdktfJson };
}

export function writeFiles(dir: string, files: readonly (readonly [string, string])[]): void {
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** Runs terraform with the test environment (filesystem mirror, placeholder credentials); stdout. */
export async function terraform(dir: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run(findTerraform()!, [...args], { cwd: dir, env: terraformEnv(), maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`terraform ${args[0]} failed in ${dir}:\n${e.stderr || e.stdout || e.message}`);
  }
}

/** A root module that calls each folder as a child module: one init and one validate or plan for all of them. */
export function writeRoot(root: string, modules: readonly { name: string; path: string }[]): void {
  const calls = modules.map((m) => `module "${m.name}" {\n  source = "./${m.path}"\n}\n`).join("\n");
  writeFileSync(join(root, "main.tf"), calls);
}

/** A provider that makes no AWS call, for a plan without credentials (an override file, in any module). */
export const OFFLINE_PROVIDER = JSON.stringify({
  provider: { aws: { skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: true } },
});

/** The stack without the provider's assumed role (an override cannot remove a block). */
export function withoutAssumedRole(stack: SynthesizedStack): SynthesizedStack {
  const json = structuredClone(stack.json) as CdktfJson & { provider?: { aws?: Record<string, unknown>[] } };
  for (const provider of json.provider?.aws ?? []) delete provider.assume_role;
  return { ...stack, json, text: JSON.stringify(json) };
}

export interface ResourceChange {
  readonly address: string;
  readonly module_address?: string;
  readonly change: { readonly actions: string[]; readonly after: unknown; readonly after_unknown: unknown };
}

/** The planned resource changes of one child module, by address inside it. */
export function changesOf(plan: { resource_changes?: ResourceChange[] }, module: string): Map<string, ResourceChange["change"]> {
  const prefix = `module.${module}.`;
  return new Map(
    (plan.resource_changes ?? [])
      .filter((c) => c.module_address === `module.${module}`)
      .map((c) => [c.address.slice(prefix.length), c.change]),
  );
}
