import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { tmp } from "./cli";
import { findTerraform, terraformEnv } from "./terraform";
import type { TfJson } from "./tf-json";

const run = promisify(execFile);

/** A synthesized stack to check, under the module name it gets in the shared root. */
export interface StackModule {
  readonly name: string;
  readonly json: TfJson;
}

/** A terraform diagnostic, as `validate -json` and `plan -json` report it. */
export interface Diagnostic {
  readonly severity: string;
  readonly summary: string;
  readonly detail?: string;
  readonly address?: string;
  readonly range?: { readonly filename: string };
}

export interface RootCheck {
  /** Every diagnostic of `terraform validate -json`, with the module it came from. */
  readonly validate: readonly (Diagnostic & { readonly module?: string })[];
  readonly valid: boolean;
  /** Planned actions by module, for the modules that were planned (those that read nothing from AWS). */
  readonly planned: ReadonlyMap<string, readonly string[]>;
  /** `plan -json`'s change summary, when anything was planned. */
  readonly summary?: { readonly add: number; readonly change: number; readonly remove: number };
  readonly planDiagnostics: readonly Diagnostic[];
}

/** The one warning a stack gets for being called as a module: its backend block is not used. */
export const BACKEND_IGNORED = /^Backend configuration ignored$/;

/** Runs terraform; its stdout. With `json`, a failing run's JSON output is returned too (validate exits 1 on errors). */
async function terraform(dir: string, args: readonly string[], json = false): Promise<string> {
  try {
    const { stdout } = await run(findTerraform()!, [...args], { cwd: dir, env: terraformEnv(), maxBuffer: 512 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    if (json && e.stdout?.trimStart().startsWith("{")) return e.stdout;
    throw new Error(`terraform ${args[0]} failed in ${dir}:\n${e.stderr || e.stdout || e.message}`.slice(0, 20000));
  }
}

/** True when the stack reads nothing from AWS (no data sources), so it can be planned offline. */
export function readsNothing(json: TfJson): boolean {
  return Object.keys(json.data ?? {}).length === 0;
}

/**
 * One root module that calls each stack as a child module: one `terraform init` and one
 * `validate` (or `plan`) for all of them, instead of one per stack. Terraform loads the
 * provider's schema once per command, which is what a per-stack run pays for again and
 * again. A stack's backend block is ignored as a module (a warning, `BACKEND_IGNORED`);
 * `init -backend=false` never checked it either.
 */
function writeRoot(root: string, stacks: readonly StackModule[], transform: (json: TfJson) => TfJson, extra?: string): void {
  mkdirSync(root, { recursive: true });
  const calls = stacks.map((s) => `module "${s.name}" {\n  source = "./m/${s.name}"\n}\n`);
  writeFileSync(join(root, "main.tf"), calls.join("\n"));
  for (const stack of stacks) {
    const dir = join(root, "m", stack.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(transform(stack.json), null, 2));
    if (extra) writeFileSync(join(dir, "zz_offline_override.tf.json"), extra);
  }
}

/** The stack as a plan without AWS needs it: no assumed role (an override cannot remove a block). */
function offline(json: TfJson): TfJson {
  const copy = structuredClone(json) as TfJson & { provider?: { aws?: Record<string, unknown>[] } };
  for (const provider of copy.provider?.aws ?? []) delete provider.assume_role;
  return copy;
}

/** A provider that makes no AWS call: no credential check, no account lookup. */
const OFFLINE_OVERRIDE = JSON.stringify({
  provider: { aws: { skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: true } },
});

function moduleOf(diagnostic: Diagnostic, names: readonly string[]): string | undefined {
  const file = diagnostic.range?.filename ?? "";
  const fromFile = /(?:^|\/)m\/([^/]+)\//.exec(file)?.[1];
  if (fromFile) return fromFile;
  return names.find((n) => diagnostic.address?.startsWith(`module.${n}`));
}

/**
 * Validates every stack with the real terraform, and plans (`-refresh=false`, placeholder
 * credentials) every stack that reads nothing from AWS: two roots, two inits in all.
 */
export async function checkStacks(stacks: readonly StackModule[], options: { plan: boolean }): Promise<RootCheck> {
  const work = tmp("tf-root");
  const names = stacks.map((s) => s.name);
  const validateRoot = join(work, "validate");
  writeRoot(validateRoot, stacks, (json) => json);
  await terraform(validateRoot, ["init", "-backend=false", "-input=false", "-no-color"]);
  const result = JSON.parse(await terraform(validateRoot, ["validate", "-json", "-no-color"], true)) as {
    valid: boolean;
    diagnostics: Diagnostic[];
  };
  const validate = result.diagnostics.map((d) => ({ ...d, module: moduleOf(d, names) }));
  const plannable = stacks.filter((s) => readsNothing(s.json));
  if (!options.plan || plannable.length === 0 || !result.valid)
    return { validate, valid: result.valid, planned: new Map(), planDiagnostics: [] };

  const planRoot = join(work, "plan");
  writeRoot(planRoot, plannable, offline, OFFLINE_OVERRIDE);
  await terraform(planRoot, ["init", "-input=false", "-no-color"]);
  const lines = (await terraform(planRoot, ["plan", "-json", "-refresh=false", "-input=false", "-lock=false", "-no-color"], true))
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const planned = new Map<string, string[]>(plannable.map((s) => [s.name, []]));
  let summary: RootCheck["summary"];
  const planDiagnostics: Diagnostic[] = [];
  for (const line of lines) {
    if (line.type === "planned_change") {
      const change = line.change as { resource: { module: string }; action: string };
      planned.get(change.resource.module.replace(/^module\./, ""))?.push(change.action);
    } else if (line.type === "change_summary") summary = (line as { changes: NonNullable<RootCheck["summary"]> }).changes;
    else if (line.type === "diagnostic") planDiagnostics.push(line.diagnostic as Diagnostic);
  }
  return { validate, valid: result.valid, planned, summary, planDiagnostics };
}
