import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Advisory, advisoriesFor, formatAdvisory } from "../advisories";
import { sha256 } from "../provenance";
import { latestVersion } from "../registry";
import { loadProject, onDisk } from "./project";

export interface CheckReport {
  readonly project: string;
  readonly blueprint: string;
  readonly generator: string;
  /** Generated files whose content changed since generation. */
  readonly modified: readonly string[];
  /** Generated files that are gone. */
  readonly deleted: readonly string[];
  /** A newer version of the project's blueprint, if any. */
  readonly newerBlueprint: string | null;
  /** Synthesized stacks kept in the project (cdktf.out/stacks, for committing) that a fresh synth no longer gives. */
  readonly staleSynth: readonly { readonly stack: string; readonly problem: string }[];
  /** How the committed synthesized output was compared, or why it was not. */
  readonly synth: string;
  /** Known defects of the project's blueprint version (`generator/advisories.ts`), fixed in a newer one. */
  readonly advisories: readonly Advisory[];
}

/**
 * Drift, an outdated blueprint or an advisory: what `check` exits 1 for. An
 * advisory alone fails it too (like `npm audit`): it is a defect the project
 * deploys, and CI should say so until the project upgrades.
 */
export function hasFindings(report: CheckReport): boolean {
  return (
    report.modified.length + report.deleted.length + report.staleSynth.length + report.advisories.length > 0 ||
    report.newerBlueprint !== null
  );
}

/**
 * Compares a project with its provenance: generated files edited or deleted,
 * a newer blueprint version, and committed cdktf.out/stacks/*\/cdk.tf.json
 * that a fresh synth of the project (its own main.ts, edits included) no
 * longer matches.
 */
export function checkProject(dir: string): CheckReport {
  const project = loadProject(dir);
  const modified: string[] = [];
  const deleted: string[] = [];
  for (const [path, hash] of Object.entries(project.provenance.files).sort(([a], [b]) => a.localeCompare(b))) {
    const content = onDisk(project, path);
    if (content === undefined) deleted.push(path);
    else if (sha256(content) !== hash) modified.push(path);
  }
  const latest = latestVersion(project.entry.manifest.name).manifest;
  const newer = latest.version > project.entry.manifest.version ? `${latest.name}@${latest.version}` : null;
  const { staleSynth, synth } = compareSynth(dir);
  return {
    project: dir,
    blueprint: `${project.entry.manifest.name}@${project.entry.manifest.version}`,
    generator: project.provenance.generator,
    modified,
    deleted,
    newerBlueprint: newer,
    staleSynth,
    synth,
    advisories: advisoriesFor(project.entry.manifest.name, project.entry.manifest.version),
  };
}

function compareSynth(dir: string): Pick<CheckReport, "staleSynth" | "synth"> {
  const committed = join(dir, "cdktf.out", "stacks");
  const stacks = existsSync(committed)
    ? readdirSync(committed)
        .filter((id) => existsSync(join(committed, id, "cdk.tf.json")))
        .sort()
    : [];
  if (stacks.length === 0)
    return { staleSynth: [], synth: "no synthesized output (cdktf.out/stacks/*/cdk.tf.json) in the project to compare" };
  if (!existsSync(join(dir, "node_modules", "tsx")))
    return { staleSynth: [], synth: "synthesized output not compared: run npm install in the project first" };
  const outdir = mkdtempSync(join(tmpdir(), "privatelink-check-"));
  try {
    const run = spawnSync(process.execPath, ["--import", "tsx", "main.ts"], {
      cwd: dir,
      env: { ...process.env, CDKTF_OUTDIR: outdir },
      encoding: "utf8",
    });
    if (run.status !== 0)
      return {
        staleSynth: [{ stack: "*", problem: `main.ts does not synthesize: ${run.stderr.trim().split("\n").slice(-3).join(" ")}` }],
        synth: "fresh synth failed",
      };
    const fresh = join(outdir, "stacks");
    const freshStacks = existsSync(fresh) ? readdirSync(fresh).sort() : [];
    const stale: { stack: string; problem: string }[] = [];
    for (const id of stacks) {
      if (!freshStacks.includes(id))
        stale.push({ stack: id, problem: "synthesized output is there, but main.ts no longer makes this stack" });
      else if (readFileSync(join(committed, id, "cdk.tf.json"), "utf8") !== readFileSync(join(fresh, id, "cdk.tf.json"), "utf8"))
        stale.push({ stack: id, problem: "differs from a fresh synth: run npx cdktf synth and commit the result" });
    }
    for (const id of freshStacks.filter((s) => !stacks.includes(s)))
      stale.push({ stack: id, problem: "made by main.ts, but its synthesized output is missing" });
    return { staleSynth: stale, synth: `compared ${stacks.length} synthesized stack(s) with a fresh synth` };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The report as text. */
export function formatCheck(report: CheckReport): string {
  const lines = [`${report.project}: ${report.blueprint}, generated by ${report.generator}`];
  for (const path of report.modified) lines.push(`  modified  ${path}`);
  for (const path of report.deleted) lines.push(`  deleted   ${path}`);
  if (report.newerBlueprint)
    lines.push(`  outdated  ${report.blueprint} → ${report.newerBlueprint} is available: create-privatelink upgrade`);
  for (const s of report.staleSynth) lines.push(`  stale     cdktf.out/stacks/${s.stack}: ${s.problem}`);
  const version = Number(report.blueprint.split("@")[1]);
  for (const advisory of report.advisories) lines.push(`  advisory  ${formatAdvisory(advisory, version)}`);
  lines.push(`  synth     ${report.synth}`);
  lines.push(
    hasFindings(report)
      ? report.advisories.length > 0
        ? `Drift, a newer blueprint or ${report.advisories.length} known defect(s) of ${report.blueprint}: see above; create-privatelink upgrade fixes the defects.`
        : "Drift or a newer blueprint: see above."
      : "Clean: the project matches what was generated, and its blueprint is the newest.",
  );
  return lines.join("\n");
}
