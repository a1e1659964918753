import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BlueprintInputError } from "../../blueprints/lib/errors";
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
        return { id, dir: join(runDir, "stacks", id), json: JSON.parse(readFileSync(file, "utf8")) as CdktfJson };
      } catch (error) {
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

function appOf(projectDir: string): string {
  const app = appCommand(projectDir);
  if ("command" in app) return app.command;
  if (!existsSync(join(projectDir, "cdktf.json")))
    throw new BlueprintInputError("dir", `${shown(projectDir)} has no cdktf.json and no cdktf.out; expected a CDK for Terraform project`);
  throw new BlueprintInputError("cdktf.json", `has no "app" command; expected e.g. "node --import ./scripts/typescript.mjs main.ts"`);
}
