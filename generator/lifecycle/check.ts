import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { byCodePoint } from "../../blueprints/lib/order";
import { type Advisory, advisoriesFor, advisoriesForProject, formatAdvisory } from "../advisories";
import { BASE_FILE, readBaseCopies } from "../base-copy";
import { ageInDays, CONTEXT_FILE, isStale, readContext } from "../lookup/context-file";
import { sha256 } from "../provenance";
import { findBlueprint, latestVersion } from "../registry";
import { answersReproduceMainTs } from "./answers-trust";
import { loadProject, onDisk, type Project } from "./project";
import { compareSynth, type SynthComparison } from "./synth";
import { hasConflictMarkers, toLf } from "./text";
import { upgradeNeeds } from "./zone-names";

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
  /** What upgrading to `newerBlueprint` needs that the project does not record (zone IDs for recorded zone names). */
  readonly upgradeNeeds: string | null;
  /** Generated files holding unresolved conflict markers (`<<<<<<< ` … `>>>>>>> `) from an upgrade. */
  readonly conflicts: readonly string[];
  /**
   * Version folders (`blueprints/<name>/v<N>/`) on disk that the project's
   * version no longer generates: kept by an upgrade because you edited them
   * (dpkg's "obsolete conffiles"). Delete them once nothing imports them.
   */
  readonly kept: readonly string[];
  /**
   * Files whose record and base copy disagree, `.privatelink.json` edited by hand: a hash that matches the file
   * but not its base copy, or an entry removed while the base copy still has the file (then checked against that copy).
   */
  readonly untrusted: readonly string[];
  /** Among `untrusted`: files the base copy holds that `.privatelink.json` no longer records. */
  readonly unrecorded: readonly string[];
  /** The recorded AWS lookups (`privatelink.context.json`) when older than 90 days. */
  readonly staleContext: { readonly file: string; readonly ageDays: number } | null;
  /**
   * The recorded answers no longer give the main.ts the project recorded (edited by hand): every advisory of
   * the version is reported, as the answers cannot say which the project has.
   */
  readonly untrustedAnswers: boolean;
  /** Known defects of the project's blueprint version (`generator/advisories.ts`), fixed in a newer one. */
  readonly advisories: readonly Advisory[];
}

/**
 * Generated files the project hands to its owner: main.ts says it is yours to edit,
 * the README is the project's own, and so are a pipeline's workflows (they say so at the top: runners,
 * reviewers, notifications are each team's). Their edits are reported, and fail `check` only with
 * `--strict`; an edit anywhere else is drift from the blueprint.
 */
export const OWNER_FILES: ReadonlySet<string> = new Set(["main.ts", "README.md"]);

/** Whether a generated file is the owner's to edit (`OWNER_FILES`, and the workflows). */
export const isOwnerFile = (path: string): boolean => OWNER_FILES.has(path) || path.startsWith(".github/workflows/");

export interface CheckOptions {
  /** Run the project's main.ts to compare committed cdktf.out with a fresh synth. @default false */
  readonly synth?: boolean;
  /** @default the current time */
  readonly now?: Date;
}

/** The owner's edits of the files handed to them (`OWNER_FILES`), among the modified ones. */
export function ownerEdits(report: CheckReport): string[] {
  return report.modified.filter(isOwnerFile);
}

/**
 * What `check` exits 1 for, each in a few words: drift in files the generator owns,
 * conflict markers, an outdated blueprint, an advisory (like `npm audit`: a defect the
 * project deploys, which CI should report until the project upgrades), stale lookups
 * or synth output; the owner's edits of their own files only when `strict`.
 */
export function findings(report: CheckReport, strict = false): string[] {
  const edits = ownerEdits(report);
  const generated = report.modified.length - edits.length;
  const count = (n: number, what: string) => (n > 0 ? [`${n} ${what}`] : []);
  return [
    ...count(generated, "generated file(s) modified"),
    ...(strict ? count(edits.length, "of your file(s) edited (--strict)") : []),
    ...count(report.deleted.length, "generated file(s) deleted"),
    ...count(report.conflicts.length, "file(s) with conflict markers"),
    ...count(report.untrusted.length, "file(s) whose record was edited by hand"),
    ...(report.untrustedAnswers ? ["answers in .privatelink.json edited by hand"] : []),
    ...count(report.kept.length, "version folder(s) no longer generated"),
    ...count(report.staleSynth.length, "stale synthesized stack(s)"),
    ...(report.staleContext ? ["AWS lookups over 90 days old"] : []),
    ...(report.newerBlueprint ? [`a newer blueprint (${report.newerBlueprint})`] : []),
    ...count(report.advisories.length, `known defect(s) of ${report.blueprint}`),
  ];
}

/** True when `check` exits 1 (`findings`). */
export function hasFindings(report: CheckReport, strict = false): boolean {
  return findings(report, strict).length > 0;
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
  const { copies, disagreeing, unrecorded } = readBaseCopies(onDisk(project, BASE_FILE), project.provenance.files);
  const untrustedAnswers = answersReproduceMainTs(project, copies) === false;
  for (const [path, hash] of Object.entries(project.provenance.files).sort(([a], [b]) => byCodePoint(a, b))) {
    const raw = onDisk(project, path);
    if (raw === undefined) deleted.push(path);
    else if (hasConflictMarkers(raw)) conflicts.push(path);
    else if (sha256(toLf(raw)) !== hash) modified.push(path);
    else if (disagreeing.includes(path)) untrusted.push(path);
  }
  for (const [path, base] of [...unrecorded].sort(([a], [b]) => byCodePoint(a, b))) {
    // the base copy holds it but the record lost it (its entry removed by hand): still checked, against that copy
    const raw = onDisk(project, path);
    if (raw === undefined) deleted.push(path);
    else if (hasConflictMarkers(raw)) conflicts.push(path);
    else if (toLf(raw) !== toLf(base)) modified.push(path);
    untrusted.push(path);
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
    unrecorded: [...unrecorded.keys()].sort(byCodePoint),
    staleContext: staleContext(project, options.now ?? new Date()),
    newerBlueprint: newer,
    upgradeNeeds: newer ? upgradeNeeds(project.provenance.answers, findBlueprint(newer, "blueprint")) : null,
    ...compareSynth(dir, options.synth === true),
    untrustedAnswers,
    // the known defects of its version that its recorded answers have (all of them when the answers were edited)
    advisories: untrustedAnswers
      ? advisoriesFor(project.entry.manifest.name, project.entry.manifest.version)
      : advisoriesForProject(project.entry.manifest.name, project.entry.manifest.version, project.provenance.answers),
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

/** The report as text; its last line says what it found, and so why it exits 1 or 0. */
export function formatCheck(report: CheckReport, strict = false): string {
  const lines = [`${report.project}: ${report.blueprint}, generated by ${report.generator}`];
  for (const path of report.modified)
    lines.push(
      isOwnerFile(path)
        ? `  modified  ${path} (yours to edit${strict ? "; --strict counts it" : ": reported, not a failure"})`
        : `  modified  ${path}`,
    );
  for (const path of report.deleted) lines.push(`  deleted   ${path}`);
  for (const path of report.conflicts) lines.push(`  conflict  ${path}: unresolved conflict markers from an upgrade; resolve them`);
  for (const folder of report.kept)
    lines.push(`  kept      ${folder}: no longer generated (an older version an upgrade kept for your edits); delete it once unused`);
  for (const path of report.untrusted)
    lines.push(
      report.unrecorded.includes(path)
        ? `  untrusted ${path}: .privatelink.json no longer records it, though ${BASE_FILE} has it; checked against that copy`
        : `  untrusted ${path}: its recorded hash matches the file but not its copy in ${BASE_FILE}; one of the two was edited by hand, so upgrade merges it as a file you edited`,
    );
  if (report.untrustedAnswers)
    lines.push(
      "  untrusted .privatelink.json: its answers no longer give the main.ts it recorded (edited by hand?); every known defect of the version is listed, as the answers cannot say which the project has: restore the file from git",
    );
  if (report.staleContext)
    lines.push(
      `  stale     ${report.staleContext.file}: AWS lookups are ${report.staleContext.ageDays} days old (over 90); ask AWS again with create-privatelink upgrade --lookup (it keeps your edits)`,
    );
  if (report.newerBlueprint)
    lines.push(
      `  outdated  ${report.blueprint} → ${report.newerBlueprint} is available: create-privatelink upgrade${report.upgradeNeeds ? `; it needs ${report.upgradeNeeds}` : ""}`,
    );
  for (const s of report.staleSynth) lines.push(`  stale     cdktf.out/stacks/${s.stack}: ${s.problem}`);
  const version = Number(report.blueprint.split("@")[1]);
  for (const advisory of report.advisories) lines.push(`  advisory  ${formatAdvisory(advisory, version)}`);
  lines.push(`  synth     ${report.synth}`);
  const found = findings(report, strict);
  const edits = ownerEdits(report);
  if (found.length > 0) {
    const fix =
      report.advisories.length > 0 || report.newerBlueprint
        ? `; create-privatelink upgrade fixes the defects and moves to the newest${report.upgradeNeeds ? " (it needs zone IDs: see outdated)" : ""}`
        : "";
    lines.push(`Found ${found.join(", ")}: see above${fix}.`);
  } else if (edits.length > 0) {
    lines.push(`Clean: only your own edits (${edits.join(", ")}), which do not fail check without --strict; the blueprint is the newest.`);
  } else lines.push("Clean: the project matches what was generated, and its blueprint is the newest.");
  return lines.join("\n");
}
