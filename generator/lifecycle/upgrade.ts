import { BlueprintInputError } from "../../blueprints/lib/errors";
import type { Asker } from "../answers/resolve";
import { BASE_FILE, readBaseCopies } from "../base-copy";
import { PROVENANCE_FILE, sha256 } from "../provenance";
import { BLUEPRINTS, type BlueprintEntry, findBlueprint, latestVersion } from "../registry";
import type { FileChange } from "../write/target";
import { uncommittedChanges } from "./git";
import { mergeFile } from "./merge";
import { migrate } from "./migrations";
import { loadProject, onDisk, render } from "./project";

export interface UpgradeOptions {
  /** Target version, `name@version`. @default the newest of the project's blueprint */
  readonly to?: string;
  readonly allowDirty: boolean;
  readonly dryRun: boolean;
  /** Answers to questions the new version adds, from flags. */
  readonly flags?: Readonly<Record<string, unknown>>;
  /** Answers from --answers; below flags, above the recorded answers. */
  readonly file?: Readonly<Record<string, unknown>>;
  readonly yes: boolean;
  readonly ask?: Asker;
}

/** What happened to one file. */
export type FileOutcome =
  | "updated" // unedited: the new version's content
  | "merged" // your edits and the new version's, together
  | "kept" // your edits; the new version did not change it
  | "conflict" // overlapping edits, written with conflict markers
  | "created" // new in this version
  | "removed" // dropped by the new version, unedited
  | "kept, no longer generated" // dropped by the new version, but you edited it
  | "stays deleted" // you deleted it
  | "unchanged";

export interface UpgradePlan {
  readonly from: string;
  readonly to: string;
  readonly outcomes: readonly { readonly path: string; readonly outcome: FileOutcome }[];
  readonly changes: readonly FileChange[];
  readonly conflicts: readonly string[];
  readonly warnings: readonly string[];
}

const ref = (entry: BlueprintEntry) => `${entry.manifest.name}@${entry.manifest.version}`;

/**
 * Plans an upgrade as a three-way merge, in the manner of copier: base = the
 * old version rendered with the recorded answers; ours = the files on disk;
 * theirs = the new version rendered with the same answers (migrated, plus
 * answers to new questions). Files the user added are never looked at.
 */
export async function planUpgrade(dir: string, options: UpgradeOptions): Promise<UpgradePlan> {
  const project = loadProject(dir);
  const from = project.entry;
  const to = options.to !== undefined ? findBlueprint(options.to, "--to") : latestVersion(from.manifest.name);
  if (to.manifest.name !== from.manifest.name)
    throw new BlueprintInputError(
      "--to",
      `${ref(to)} is another blueprint; an upgrade keeps ${from.manifest.name}: expected ${from.manifest.name}@<version>`,
    );
  if (to.manifest.version < from.manifest.version)
    throw new BlueprintInputError("--to", `${ref(to)} is older than the project's ${ref(from)}; expected a newer version`);
  const warnings: string[] = [];
  if (!options.allowDirty && !options.dryRun) {
    const dirty = uncommittedChanges(dir);
    if (dirty && dirty.length > 0) {
      throw new BlueprintInputError(
        "--allow-dirty",
        `the project has uncommitted changes (${dirty
          .slice(0, 3)
          .map((l) => l.trim())
          .join(
            "; ",
          )}${dirty.length > 3 ? "; …" : ""}); commit or stash them first, so that a bad merge is one \`git checkout .\` away, or pass --allow-dirty`,
      );
    }
    if (!dirty) warnings.push("the project is not in a git work tree: there is no easy undo of this upgrade");
  }

  const recorded = project.provenance.answers as Readonly<Record<string, unknown>>;
  const suppressions = project.provenance.suppressions;
  const copies = readBaseCopies(onDisk(project, BASE_FILE), project.provenance.files);
  if (copies.size === 0)
    warnings.push(
      `${BASE_FILE} is missing: the merge base is the old version rendered by this generator, so template changes since may show as conflicts`,
    );
  const base = await render(ref(from), recorded, suppressions, { yes: true, projectDir: dir });
  const chain = BLUEPRINTS.filter((b) => b.manifest.name === from.manifest.name).map((b) => ({
    version: b.manifest.version,
    migration: b.migration,
  }));
  const migrated = migrate(chain, from.manifest.version, to.manifest.version, {
    answers: { ...recorded },
    paths: Object.keys(project.provenance.files),
  });
  const theirs = await render(ref(to), { ...migrated.answers, ...options.file } as Readonly<Record<string, unknown>>, suppressions, {
    flags: options.flags,
    yes: options.yes,
    ask: options.ask,
    projectDir: dir,
  });

  const outcomes: { path: string; outcome: FileOutcome }[] = [];
  const changes: FileChange[] = [];
  const conflicts: string[] = [];
  const labels = { ours: "yours", base: ref(from), theirs: ref(to) };
  const write = (path: string, content: string) => {
    const before = onDisk(project, path);
    if (before !== content) changes.push({ file: { path, content }, change: before === undefined ? "create" : "overwrite", before });
  };
  const remove = (path: string, before: string) => changes.push({ file: { path, content: "" }, change: "delete", before });

  for (const [path, baseContent] of [...base.files].sort(([a], [b]) => a.localeCompare(b))) {
    const target = migrated.moves[path] ?? path;
    const ours = onDisk(project, path);
    const theirsContent = theirs.files.get(target);
    // The base is what was generated: the base copy kept in the project (exact), else the user's copy
    // when it is unedited, else today's rendering of the old version (projects made before base copies).
    const recordedHash = project.provenance.files[path];
    const unedited = ours !== undefined && recordedHash !== undefined && sha256(ours) === recordedHash;
    const effectiveBase = copies.get(path) ?? (unedited ? ours : baseContent);
    if (ours === undefined) {
      outcomes.push({ path, outcome: "stays deleted" });
      continue;
    }
    if (theirsContent === undefined) {
      if (ours === effectiveBase) {
        remove(path, ours);
        outcomes.push({ path, outcome: "removed" });
      } else {
        outcomes.push({ path, outcome: "kept, no longer generated" });
        warnings.push(`${path} is no longer generated by ${ref(to)}, but you edited it, so it is kept`);
      }
      continue;
    }
    let merged = mergeFile(ours, effectiveBase, theirsContent, labels);
    const atTarget = target !== path ? onDisk(project, target) : undefined;
    if (atTarget !== undefined && atTarget !== merged.content) merged = mergeFile(atTarget, "", merged.content, labels);
    if (target !== path) remove(path, ours);
    write(target, merged.content);
    if (merged.conflict) conflicts.push(target);
    outcomes.push({
      path: target,
      outcome: merged.conflict
        ? "conflict"
        : ours === effectiveBase
          ? ours === theirsContent
            ? "unchanged"
            : "updated"
          : theirsContent === effectiveBase || ours === theirsContent
            ? "kept"
            : "merged",
    });
  }
  const covered = new Set([...base.files.keys()].map((p) => migrated.moves[p] ?? p));
  for (const [path, content] of [...theirs.files].sort(([a], [b]) => a.localeCompare(b))) {
    if (covered.has(path)) continue;
    const ours = onDisk(project, path);
    if (ours === undefined || ours === content) {
      write(path, content);
      outcomes.push({ path, outcome: ours === undefined ? "created" : "unchanged" });
      continue;
    }
    const merged = mergeFile(ours, "", content, labels);
    write(path, merged.content);
    if (merged.conflict) conflicts.push(path);
    outcomes.push({ path, outcome: merged.conflict ? "conflict" : "merged" });
  }
  write(PROVENANCE_FILE, theirs.provenance);
  write(BASE_FILE, theirs.base);
  return { from: ref(from), to: ref(to), outcomes, changes, conflicts, warnings: [...warnings, ...theirs.resolved.warnings] };
}
