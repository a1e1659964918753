import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BlueprintInputError, isInputError } from "../../blueprints/lib/errors";
import { badNode, checkDepth, child, expectObject } from "../../blueprints/lib/lint/nodes";
import { clip } from "../../blueprints/lib/validate";
import { appCommand, runApp } from "../lifecycle/app-command";
import { shown } from "../write/target";
import type { CdktfJson, CdktfStack } from "./references";

export interface Synthesized {
  readonly stacks: readonly CdktfStack[];
  /** Where they came from, for the summary. */
  readonly source: string;
  /** Removes a temporary synth folder. */
  readonly cleanup: () => void;
}

/**
 * Every `stacks/<id>/cdk.tf.json` below an output folder, in stack ID order. `runDir` is the
 * output folder `cdktf deploy` runs terraform in, which relative state paths are relative to.
 */
export function readOutDir(outdir: string, runDir = outdir): CdktfStack[] {
  const base = join(outdir, "stacks");
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .sort()
    .filter((id) => existsSync(join(base, id, "cdk.tf.json")))
    .map((id) => {
      const file = join(base, id, "cdk.tf.json");
      try {
        const json: unknown = JSON.parse(readFileSync(file, "utf8"));
        return { id, dir: join(runDir, "stacks", id), json: checkStackJson(json, shown(file)) };
      } catch (error) {
        if (isInputError(error)) throw error;
        throw new BlueprintInputError(
          "cdktf.out",
          `${shown(file)} is not valid JSON (${clip((error as Error).message, 80)}); run cdktf synth again`,
        );
      }
    });
}

/**
 * The project's synthesized stacks: its `cdktf.out` when there is one (what `cdktf synth`
 * last wrote), else a fresh synth. Synthesizing runs the project's own code: the `app`
 * command of its cdktf.json (`node --import ./scripts/typescript.mjs main.ts`), as `cdktf synth` does, with
 * `CDKTF_OUTDIR` pointing at a temporary folder so that nothing in the project changes.
 */
export function synthesizedStacks(projectDir: string): Synthesized {
  const existing = readOutDir(join(projectDir, "cdktf.out"));
  if (existing.length > 0)
    return { stacks: existing, source: `${shown(join(projectDir, "cdktf.out"))} (as last synthesized)`, cleanup: () => {} };
  const app = appOf(projectDir);
  const outdir = mkdtempSync(join(tmpdir(), "privatelink-eject-"));
  const cleanup = () => rmSync(outdir, { recursive: true, force: true });
  const result = runApp(projectDir, app, outdir);
  const stacks = result.status === 0 ? readOutDir(outdir, join(projectDir, "cdktf.out")) : [];
  if (stacks.length === 0) {
    cleanup();
    const why =
      result.status === 0
        ? "it wrote no stacks"
        : clip((result.stderr || result.error?.message || "").trim().split("\n").slice(-3).join(" "), 300);
    throw new BlueprintInputError(
      "dir",
      `synthesizing ${shown(projectDir)} with \`${app}\` failed: ${why}; run npm install there, or run cdktf synth yourself and eject again`,
    );
  }
  return { stacks, source: `a fresh synth of ${shown(projectDir)} (\`${app}\`)`, cleanup };
}

/**
 * The shape eject reads, as cdktf synth writes it: an object of top-level blocks, each provider a
 * list of configurations, data sources and resources by type and name. Anything else is a user
 * error naming the node (exit 2), never a TypeError from inside the converter.
 */
function checkStackJson(json: unknown, file: string): CdktfJson {
  checkDepth(json, file);
  const doc = expectObject(json, "(document)", file, "a Terraform JSON object, as cdktf synth writes it");
  for (const key of ["terraform", "provider", "data", "resource", "output"])
    if (doc[key] !== undefined) expectObject(doc[key], key, file, "an object");
  for (const [name, configs] of Object.entries(doc.provider ?? {})) {
    if (!Array.isArray(configs)) throw badNode(child("provider", name), file, configs, "a list of provider configurations");
    for (const [i, config] of configs.entries()) expectObject(config, child(child("provider", name), i), file, "a provider configuration");
  }
  for (const kind of ["data", "resource"]) {
    for (const [type, byName] of Object.entries(doc[kind] ?? {})) {
      const named = expectObject(byName, child(kind, type), file, "an object of blocks by name");
      for (const [name, body] of Object.entries(named)) expectObject(body, child(child(kind, type), name), file, "an object of arguments");
    }
  }
  for (const [name, body] of Object.entries(doc.output ?? {})) expectObject(body, child("output", name), file, "an output block");
  return doc as CdktfJson;
}

function appOf(projectDir: string): string {
  const app = appCommand(projectDir);
  if ("command" in app) return app.command;
  if (!existsSync(join(projectDir, "cdktf.json")))
    throw new BlueprintInputError("dir", `${shown(projectDir)} has no cdktf.json and no cdktf.out; expected a CDK for Terraform project`);
  throw new BlueprintInputError("cdktf.json", `has no "app" command; expected e.g. "node --import ./scripts/typescript.mjs main.ts"`);
}
