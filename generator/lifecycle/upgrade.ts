import { BlueprintInputError } from "../../blueprints/lib/errors";
import { byCodePoint } from "../../blueprints/lib/order";
import type { Asker } from "../answers/resolve";
import { BASE_FILE, readBaseCopies } from "../base-copy";
import { currentPin, type GeneratorPin, upgradePin } from "../plan/generator-pin";
import { PROVENANCE_FILE, sha256 } from "../provenance";
import { BLUEPRINTS, type BlueprintEntry, findBlueprint, latestVersion } from "../registry";
import type { FileChange } from "../write/target";
import { uncommittedChanges } from "./git";
import { mergeFile } from "./merge";
import { migrate } from "./migrations";
import { replacedSubnets, resourceMoves, synthesizedResources, withMoves } from "./moves";
import { loadProject, onDisk, type Project, planRendered, render } from "./project";
import { hasConflictMarkers, toLf, withEndingsOf } from "./text";
import { lookupZoneIds, type ZoneIdSources, zoneIdsForUpgrade } from "./zone-names";

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
  /** Ask AWS again for the new rendering's facts (zones per service), as `create --lookup` does. @default false */
  readonly lookup?: boolean;
  /** `--generator-pin`: how package.json pins the generator. @default see `upgradePin` */
  readonly generatorPin?: string;
  /** Asks the owner for a recorded zone name's zone ID (in a terminal). @default none: an error names the flags */
  readonly askZoneId?: ZoneIdSources["ask"];
  /** This account's zone name → ID mapping, for `lookup`. @default DescribeAvailabilityZones through the EC2 SDK */
  readonly lookupZoneIds?: ZoneIdSources["lookup"];
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
  /** How the upgraded package.json pins the generator: with `tarball`, the writer packs it into the project. */
  readonly pin: GeneratorPin;
  /** What the owner should know before deploying: zone IDs used, resources moved or replaced. */
  readonly notes: readonly string[];
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
  refuseConflictMarkers(project);
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
  const { copies, disagreeing } = readBaseCopies(onDisk(project, BASE_FILE), project.provenance.files);
  if (copies.size === 0)
    warnings.push(
      `${BASE_FILE} is missing: the merge base is the old version rendered by this generator, so template changes since may show as conflicts`,
    );
  // The generator's pin: kept as a tarball from a checkout or when the project pins this version's; see generator-pin.ts.
  const packageJsonNow = onDisk(project, "package.json");
  const pin = upgradePin(packageJsonNow, options.generatorPin);
  const base = await render(ref(from), recorded, suppressions, { yes: true, projectDir: dir, pin: currentPin(packageJsonNow) });
  const chain = BLUEPRINTS.filter((b) => b.manifest.name === from.manifest.name).map((b) => ({
    version: b.manifest.version,
    migration: b.migration,
  }));
  const migrated = migrate(chain, from.manifest.version, to.manifest.version, {
    answers: { ...recorded },
    paths: Object.keys(project.provenance.files),
  });
  // Zone names an older version recorded become the zone IDs the new one places by (zone-names.ts).
  const zoned = await zoneIdsForUpgrade({ ...migrated.answers, ...options.file }, to, options.flags ?? {}, {
    lookup: options.lookup ? (options.lookupZoneIds ?? lookupZoneIds) : undefined,
    ask: options.ask ? options.askZoneId : undefined,
  });
  let theirs = await render(ref(to), zoned.answers, suppressions, {
    flags: options.flags,
    yes: options.yes,
    ask: options.ask,
    projectDir: dir,
    // A lookup that only found zone IDs is spent: a version without AWS lookups takes none.
    lookup: options.lookup === true && (zoned.ids.size === 0 || to.lookupServices !== undefined),
    pin,
  });
  const notes = [...zoned.notes];
  if (zoned.ids.size > 0) {
    const before = synthesizedResources(base.resolved);
    const after = synthesizedResources(theirs.resolved);
    const moves = resourceMoves(before, after, zoned.ids);
    const replaced = replacedSubnets(before, after, moves);
    const count = [...moves.values()].reduce((n, list) => n + list.length, 0);
    if (count > 0) {
      theirs = planRendered(theirs.resolved, suppressions, pin, (content) => withMoves(content, moves, ref(from)));
      notes.push(
        `${count} resource(s) that ${ref(to)} renames (subnets, their route tables and associations) keep what is deployed: moved blocks at the end of build() in main.ts`,
      );
    }
    const subnets = [...before.values()].some((resources) => Object.keys(resources.aws_subnet ?? {}).length > 0);
    notes.push(
      !subnets
        ? "the project creates no subnets (they are an existing VPC's): the zone IDs only say where its endpoints go"
        : replaced.length > 0
          ? `Terraform would replace ${replaced.length} subnet(s), and the endpoints in them: ${replaced.join(", ")}`
          : `no subnet is replaced when each zone ID is the zone its name meant in this account${options.lookup ? " (as AWS answered)" : "; check with npm run diff before deploying: another ID replaces the subnet and its endpoints"}`,
    );
  }

  const outcomes: { path: string; outcome: FileOutcome }[] = [];
  const changes: FileChange[] = [];
  const conflicts: string[] = [];
  const labels = { ours: "yours", base: ref(from), theirs: ref(to) };
  // Files are compared and merged with LF endings, and written back with the endings the user's copy has.
  const lf = (path: string) => {
    const raw = onDisk(project, path);
    return raw === undefined ? undefined : toLf(raw);
  };
  const write = (path: string, content: string) => {
    const before = onDisk(project, path);
    const text = withEndingsOf(content, before);
    if (before !== text) changes.push({ file: { path, content: text }, change: before === undefined ? "create" : "overwrite", before });
  };
  const remove = (path: string) => changes.push({ file: { path, content: "" }, change: "delete", before: onDisk(project, path) });
  for (const path of disagreeing)
    warnings.push(
      `${path}: its hash in ${PROVENANCE_FILE} is not that of its copy in ${BASE_FILE} (was either edited by hand?); it is merged as a file you edited, so none of its lines are dropped`,
    );
  // The base is what was generated: the base copy kept in the project (exact), else the user's copy
  // when it is unedited, else today's rendering of the old version (projects made before base copies).
  const baseOf = (path: string, ours: string | undefined): string => {
    const recordedHash = project.provenance.files[path];
    const unedited = ours !== undefined && recordedHash !== undefined && sha256(ours) === recordedHash && !disagreeing.includes(path);
    return copies.get(path) ?? (unedited ? ours : base.files.get(path)!);
  };
  const keptWhole = editedDroppedFolders(base.files, theirs.files, migrated.moves, (path) => {
    const ours = lf(path);
    return ours !== undefined && ours !== baseOf(path, ours);
  });
  for (const folder of keptWhole)
    warnings.push(
      `${folder} is no longer generated by ${ref(to)}, but you edited files in it, so the whole folder is kept (its files import each other); delete it once nothing imports it`,
    );

  // The files this project was generated with. One that today's rendering of the old version has and the
  // project never had (a generator release since added it) is new to the project, not deleted by its owner.
  const generated = [...base.files.keys()].filter((path) => path in project.provenance.files || copies.has(path));
  for (const path of generated.sort(byCodePoint)) {
    const target = migrated.moves[path] ?? path;
    const ours = lf(path);
    const theirsContent = theirs.files.get(target);
    const effectiveBase = baseOf(path, ours);
    if (ours === undefined) {
      outcomes.push({ path, outcome: "stays deleted" });
      continue;
    }
    if (theirsContent === undefined) {
      if (keptWhole.some((folder) => path.startsWith(folder))) {
        outcomes.push({ path, outcome: "kept, no longer generated" });
      } else if (ours === effectiveBase) {
        remove(path);
        outcomes.push({ path, outcome: "removed" });
      } else {
        outcomes.push({ path, outcome: "kept, no longer generated" });
        warnings.push(`${path} is no longer generated by ${ref(to)}, but you edited it, so it is kept`);
      }
      continue;
    }
    let merged = mergeFile(ours, effectiveBase, theirsContent, labels);
    const atTarget = target !== path ? lf(target) : undefined;
    if (atTarget !== undefined && atTarget !== merged.content) merged = mergeFile(atTarget, "", merged.content, labels);
    if (target !== path) remove(path);
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
  const covered = new Set(generated.map((p) => migrated.moves[p] ?? p));
  for (const [path, content] of [...theirs.files].sort(([a], [b]) => byCodePoint(a, b))) {
    if (covered.has(path)) continue;
    const ours = lf(path);
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
  return { from: ref(from), to: ref(to), outcomes, changes, conflicts, warnings: [...warnings, ...theirs.resolved.warnings], pin, notes };
}

const VERSION_FOLDER = /^blueprints\/[^/]+\/v\d+\//;

/**
 * Version folders (`blueprints/<name>/v<N>/`) the new version drops in which
 * the user edited a file. A version folder is a unit, its files import each
 * other: keeping only the edited file would leave imports of deleted siblings.
 */
function editedDroppedFolders(
  base: ReadonlyMap<string, string>,
  theirs: ReadonlyMap<string, string>,
  moves: Readonly<Record<string, string>>,
  edited: (path: string) => boolean,
): string[] {
  const folders = new Set<string>();
  for (const path of base.keys()) {
    const folder = VERSION_FOLDER.exec(path)?.[0];
    if (folder && !theirs.has(moves[path] ?? path) && edited(path)) folders.add(folder);
  }
  return [...folders].sort();
}

/** Refuses an upgrade over a previous one's unresolved conflicts (as git refuses to merge with unmerged paths). */
function refuseConflictMarkers(project: Project): void {
  const marked = Object.keys(project.provenance.files)
    .filter((path) => {
      const text = onDisk(project, path);
      return text !== undefined && hasConflictMarkers(text);
    })
    .sort();
  if (marked.length > 0)
    throw new BlueprintInputError(
      "conflicts",
      `${marked.join(", ")} still ${marked.length === 1 ? "has" : "have"} conflict markers (<<<<<<< … >>>>>>>) from an earlier upgrade; resolve them, then run upgrade again`,
    );
}
