import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appCommand, runApp } from "./app-command";

export interface SynthComparison {
  /** Synthesized stacks kept in the project (cdktf.out/stacks, for committing) that a fresh synth no longer gives. */
  readonly staleSynth: readonly { readonly stack: string; readonly problem: string }[];
  /** How the committed synthesized output was compared, or why it was not. */
  readonly synth: string;
}

/** The stacks whose synthesized output the project keeps (cdktf.out/stacks/<id>/cdk.tf.json). */
function committedStacks(dir: string): string[] {
  const committed = join(dir, "cdktf.out", "stacks");
  return existsSync(committed)
    ? readdirSync(committed)
        .filter((id) => existsSync(join(committed, id, "cdk.tf.json")))
        .sort()
    : [];
}

/**
 * Compares committed cdktf.out/stacks with a fresh synth. That runs the
 * project's own main.ts, which is code, so only when asked (`check --synth`):
 * like `npm audit` or `terraform validate`, a check reads files and never
 * runs what it inspects unless told to.
 */
export function compareSynth(dir: string, run: boolean): SynthComparison {
  const stacks = committedStacks(dir);
  if (stacks.length === 0)
    return { staleSynth: [], synth: "no synthesized output (cdktf.out/stacks/*/cdk.tf.json) in the project to compare" };
  if (!run)
    return {
      staleSynth: [],
      synth: `comparison of cdktf.out with a fresh synth skipped: it runs main.ts; pass --synth to run it`,
    };
  return freshSynth(dir, stacks);
}

function freshSynth(dir: string, stacks: readonly string[]): SynthComparison {
  const committed = join(dir, "cdktf.out", "stacks");
  if (!existsSync(join(dir, "node_modules", "cdktf")))
    return { staleSynth: [], synth: "synthesized output not compared: run npm install in the project first" };
  const app = appCommand(dir);
  if ("problem" in app) return { staleSynth: [], synth: `synthesized output not compared: the project ${app.problem}` };
  const outdir = mkdtempSync(join(tmpdir(), "privatelink-check-"));
  try {
    const run = runApp(dir, app.command, outdir);
    if (run.status !== 0)
      return {
        staleSynth: [{ stack: "*", problem: `main.ts does not synthesize: ${run.stderr.trim().split("\n").slice(-3).join(" ")}` }],
        synth: "ran main.ts to compare cdktf.out: it failed",
      };
    const fresh = join(outdir, "stacks");
    const freshStacks = existsSync(fresh) ? readdirSync(fresh).sort() : [];
    const stale: { stack: string; problem: string }[] = [];
    for (const id of stacks) {
      if (!freshStacks.includes(id))
        stale.push({ stack: id, problem: "synthesized output is there, but main.ts no longer makes this stack" });
      else if (readFileSync(join(committed, id, "cdk.tf.json"), "utf8") !== readFileSync(join(fresh, id, "cdk.tf.json"), "utf8"))
        stale.push({ stack: id, problem: "differs from a fresh synth: run npm run synth and commit the result" });
    }
    for (const id of freshStacks.filter((s) => !stacks.includes(s)))
      stale.push({ stack: id, problem: "made by main.ts, but its synthesized output is missing" });
    return {
      staleSynth: stale,
      synth: `ran main.ts to compare cdktf.out: ${stacks.length} synthesized stack(s) compared with a fresh synth`,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
