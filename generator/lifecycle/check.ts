import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { type Advisory, advisoriesForProject, formatAdvisory } from "../advisories";
import { BASE_FILE, readBaseCopies } from "../base-copy";
import { ageInDays, CONTEXT_FILE, isStale, readContext } from "../lookup/context-file";
import { sha256 } from "../provenance";
import { latestVersion } from "../registry";
import { loadProject, onDisk, type Project } from "./project";
import { compareSynth, type SynthComparison } from "./synth";
import { hasConflictMarkers, toLf } from "./text";

export interface CheckReport extends SynthComparison {
  readonly project: string;
  readonly blueprint: string;
  readonly generator: string;
  /** Generated files whose content changed since generation. */
  readonly modified: readonly string[];
  /** Generated files that are gone. */
  readonly deleted: readonly string[];
  /** A newer version of the project's blueprint, if any. */
  readonly newerBlueprint: string | null;
  /** Generated files holding unresolved conflict markers (`<<<<<<< ` … `>>>>>>> `) from an upgrade. */
  readonly conflicts: readonly string[];
  /**
   * Version folders (`blueprints/<name>/v<N>/`) on disk that the project's
   * version no longer generates: kept by an upgrade because you edited them
   * (dpkg's "obsolete conffiles"). Delete them once nothing imports them.
   */
  readonly kept: readonly string[];
  /** Files whose recorded hash matches the file but not its base copy: `.privatelink.json` was edited by hand. */
  readonly untrusted: readonly string[];
  /** The recorded AWS lookups (`privatelink.context.json`) when older than 90 days. */
  readonly staleContext: { readonly file: string; readonly ageDays: number } | null;
  /** Known defects of the project's blueprint version (`generator/advisories.ts`), fixed in a newer one. */
  readonly advisories: readonly Advisory[];
}

export interface CheckOptions {
  /** Run the project's main.ts to compare committed cdktf.out with a fresh synth. @default false */
  readonly synth?: boolean;
  /** @default the current time */
  readonly now?: Date;
}

/**
 * Drift, an outdated blueprint or an advisory: what `check` exits 1 for. An
 * advisory alone fails it too (like `npm audit`): it is a defect the project
 * deploys, and CI should say so until the project upgrades.
 */
export function hasFindings(report: CheckReport): boolean {
  return (
    [report.modified, report.deleted, report.conflicts, report.kept, report.untrusted, report.staleSynth, report.advisories].some(
      (list) => list.length > 0,
    ) ||
    report.newerBlueprint !== null ||
    report.staleContext !== null
  );
}

/**
 * Compares a project with its provenance: generated files edited, deleted or
 * left with conflict markers, version folders kept but no longer generated, a
 * newer blueprint version, stale recorded lookups and, with `synth`, committed
 * cdktf.out/stacks/*\/cdk.tf.json that a fresh synth no longer matches.
 * Without `synth` it runs no code of the project.
 */
export function checkProject(dir: string, options: CheckOptions = {}): CheckReport {
  const project = loadProject(dir);
  const modified: string[] = [];
  const deleted: string[] = [];
  const conflicts: string[] = [];
  const untrusted: string[] = [];
  const { disagreeing } = readBaseCopies(onDisk(project, BASE_FILE), project.provenance.files);
  for (const [path, hash] of Object.entries(project.provenance.files).sort(([a], [b]) => a.localeCompare(b))) {
    const raw = onDisk(project, path);
    if (raw === undefined) deleted.push(path);
    else if (hasConflictMarkers(raw)) conflicts.push(path);
    else if (sha256(toLf(raw)) !== hash) modified.push(path);
    else if (disagreeing.includes(path)) untrusted.push(path);
  }
  const latest = latestVersion(project.entry.manifest.name).manifest;
  const newer = latest.version > project.entry.manifest.version ? `${latest.name}@${latest.version}` : null;
  return {
    project: dir,
    blueprint: `${project.entry.manifest.name}@${project.entry.manifest.version}`,
    generator: project.provenance.generator,
    modified,
    deleted,
    conflicts,
    kept: keptVersionFolders(project),
    untrusted,
    staleContext: staleContext(project, options.now ?? new Date()),
    newerBlueprint: newer,
    ...compareSynth(dir, options.synth === true),
    // the known defects of its version that its recorded answers have
    advisories: advisoriesForProject(project.entry.manifest.name, project.entry.manifest.version, project.provenance.answers),
  };
}

/** `blueprints/<name>/v<N>/` folders on disk of which the provenance records no file. */
function keptVersionFolders(project: Project): string[] {
  const root = join(project.dir, "blueprints");
  if (!existsSync(root)) return [];
  const recorded = Object.keys(project.provenance.files);
  const kept: string[] = [];
  for (const name of readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const version of readdirSync(join(root, name.name), { withFileTypes: true })) {
      const folder = `blueprints/${name.name}/${version.name}/`;
      if (version.isDirectory() && /^v\d+$/.test(version.name) && !recorded.some((p) => p.startsWith(folder))) kept.push(folder);
    }
  }
  return kept.sort();
}

function staleContext(project: Project, now: Date): CheckReport["staleContext"] {
  const text = onDisk(project, CONTEXT_FILE);
  if (text === undefined) return null;
  const facts = readContext(text);
  return isStale(facts, now) ? { file: CONTEXT_FILE, ageDays: ageInDays(facts, now) } : null;
}

/** The report as text. */
export function formatCheck(report: CheckReport): string {
  const lines = [`${report.project}: ${report.blueprint}, generated by ${report.generator}`];
  for (const path of report.modified) lines.push(`  modified  ${path}`);
  for (const path of report.deleted) lines.push(`  deleted   ${path}`);
  for (const path of report.conflicts) lines.push(`  conflict  ${path}: unresolved conflict markers from an upgrade; resolve them`);
  for (const folder of report.kept)
    lines.push(`  kept      ${folder}: no longer generated (an older version an upgrade kept for your edits); delete it once unused`);
  for (const path of report.untrusted)
    lines.push(
      `  untrusted ${path}: its recorded hash matches the file but not its copy in ${BASE_FILE}; one of the two was edited by hand, so upgrade merges it as a file you edited`,
    );
  if (report.staleContext)
    lines.push(
      `  stale     ${report.staleContext.file}: AWS lookups are ${report.staleContext.ageDays} days old (over 90); ask AWS again with create-privatelink upgrade --lookup (it keeps your edits)`,
    );
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
