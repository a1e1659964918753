import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { sha256 } from "../provenance";
import { Interrupted, type Signal } from "../signals";
import { type Journal, keepBackups, present, removeEmpty, rollbackMoves, writeJournal } from "./journal";
import { backupFolder, checkBackupDir } from "./journal-trust";
import { checkTargetDir, type FileChange, insideTarget, STAGING_PREFIX, shown } from "./target";

/** The file-system calls the writer makes: node's own, or a test's that fails or dawdles on purpose. */
export type WriterFs = Pick<
  typeof nodeFs,
  | "existsSync"
  | "lstatSync"
  | "mkdirSync"
  | "mkdtempSync"
  | "readdirSync"
  | "renameSync"
  | "rmdirSync"
  | "rmSync"
  | "statSync"
  | "unlinkSync"
  | "writeFileSync"
>;

/** Where `--force` keeps the user's files it replaces, one folder per run. */
export { BACKUP_DIR } from "./journal-trust";
export { STAGING_PREFIX };

export interface WriteOptions {
  /** Write into a non-empty directory, replacing the generated files that differ. */
  readonly force: boolean;
  /** The signal received since the write began, checked between files. @default none is ever received */
  readonly interrupted?: () => Signal | undefined;
  /**
   * sha256 of every file a previous run generated (`.privatelink.json` `files`): a replaced
   * file whose content is not among them is the user's, and is kept in a backup folder.
   * @default no backups (upgrade merges the user's edits instead)
   */
  readonly generated?: ReadonlySet<string>;
  /** The backup folder's name. @default the time, as 20261127T073000Z */
  readonly stamp?: string;
}

export interface WriteResult {
  /** The user's files that were replaced, and where their copies are. */
  readonly backedUp: readonly string[];
  readonly backupDir?: string;
}

const FILESYSTEM_ERRORS = new Set(["EACCES", "EPERM", "EEXIST", "ENOTDIR", "EISDIR", "EROFS", "ENOSPC", "EDQUOT", "ENAMETOOLONG"]);

/** Lets the event loop run, so that a signal handler can record a signal, then checks for one. */
async function checkpoint(options: WriteOptions): Promise<void> {
  await new Promise((done) => setImmediate(done));
  const signal = options.interrupted?.();
  if (signal) throw new Interrupted(signal, "");
}

/**
 * Writes the changed files of a plan. Everything is first written to a staging
 * folder inside the target, then a journal of the moves, then each file is moved
 * into place; the files it replaces or deletes are kept aside until the end. On a
 * failure or a signal every move is undone from the journal, so the target is
 * exactly as it was; a run killed outright is undone by the next (`recoverInterrupted`).
 * Files not in the plan are never touched.
 */
export async function writeChanges(
  targetDir: string,
  changes: readonly FileChange[],
  options: WriteOptions,
  fs: WriterFs = nodeFs,
): Promise<WriteResult> {
  const root = resolve(targetDir);
  checkTargetDir(root, options.force);
  const toWrite = changes.filter((c) => c.change !== "unchanged");
  for (const { file } of toWrite) insideTarget(root, file.path);
  if (toWrite.length === 0) return { backedUp: [] };

  const keep = toWrite
    .filter((c) => options.generated && c.change === "overwrite" && c.before !== undefined && !options.generated.has(sha256(c.before)))
    .map((c) => c.file.path);
  // a folder of this run's own, never written through a symbolic link
  const backupDir = keep.length > 0 ? backupFolder(options.stamp ?? stampOf(new Date()), () => randomBytes(4).toString("hex")) : undefined;
  if (backupDir) checkBackupDir(root, backupDir);
  const createdRoot: string[] = [];
  let staging: string | undefined;
  let journal: Journal | undefined;
  let started = 0;
  try {
    makeParents(fs, root, createdRoot);
    staging = mkStaging(fs, root);
    for (const { file } of toWrite.filter((c) => c.change !== "delete")) {
      await checkpoint(options);
      const staged = join(staging, "new", file.path);
      fs.mkdirSync(dirname(staged), { recursive: true });
      fs.writeFileSync(staged, file.content, { encoding: "utf8", mode: 0o644 });
    }
    const dirs = missingDirs(fs, root, toWrite);
    journal = { state: "moving", moves: toWrite.map((c) => ({ path: c.file.path, delete: c.change === "delete" })), dirs, keep, backupDir };
    writeJournal(fs, staging, journal);
    for (const { file, change } of toWrite) {
      await checkpoint(options); // between files, never between a file's two renames
      const target = join(root, file.path);
      started++;
      makeParents(fs, dirname(target), []);
      if (present(fs, target)) {
        const old = join(staging, "old", file.path);
        fs.mkdirSync(dirname(old), { recursive: true });
        fs.renameSync(target, old);
      }
      if (change !== "delete") fs.renameSync(join(staging, "new", file.path), target);
    }
    writeJournal(fs, staging, { ...journal, state: "committed" });
  } catch (error) {
    const undone = !staging || !journal || rollbackMoves(fs, root, staging, journal, started);
    if (undone && staging) fs.rmSync(staging, { recursive: true, force: true });
    if (undone) removeEmpty(fs, createdRoot, dirname(createdRoot[0] ?? root));
    if (error instanceof Interrupted)
      throw new Interrupted(
        error.signal,
        `Interrupted: ${undone ? `rolled back; ${shown(root)} is as it was, nothing was written` : `rolling back failed; your replaced files are kept in ${shown(staging ?? root)}`}.`,
      );
    const code = (error as NodeJS.ErrnoException).code;
    if (code && FILESYSTEM_ERRORS.has(code)) {
      const where = userPath(root, staging, (error as NodeJS.ErrnoException).path ?? root);
      throw new BlueprintInputError(
        "dir",
        `cannot write ${shown(where)} (${code}); expected a directory you can write to${undone ? "; nothing was changed" : `; your replaced files are kept in ${shown(staging ?? root)}`}`,
      );
    }
    throw error;
  }
  keepBackups(fs, root, staging, journal);
  fs.rmSync(staging, { recursive: true, force: true });
  removeEmpty(
    fs,
    toWrite.filter((c) => c.change === "delete").map((c) => dirname(join(root, c.file.path))),
    root,
  );
  return { backedUp: keep, backupDir };
}

/** The staging folder, which ignores itself for git (as venv does) in case a kill leaves it behind. */
function mkStaging(fs: WriterFs, root: string): string {
  const staging = fs.mkdtempSync(join(root, STAGING_PREFIX));
  fs.writeFileSync(join(staging, ".gitignore"), "*\n", "utf8");
  return staging;
}

/** An error's path in the staging folder named as the user's path it stands for. */
function userPath(root: string, staging: string | undefined, path: string): string {
  if (!staging || !path.startsWith(staging)) return path;
  const rel = relative(staging, path).split(/[\\/]/).slice(1).join("/");
  return rel ? join(root, rel) : root;
}

function missingDirs(fs: WriterFs, root: string, changes: readonly FileChange[]): string[] {
  const missing = new Set<string>();
  for (const { file } of changes) {
    for (let d = dirname(join(root, file.path)); d !== root && !fs.existsSync(d); d = dirname(d)) missing.add(relative(root, d));
  }
  return [...missing];
}

function makeParents(fs: WriterFs, dir: string, created: string[]): void {
  const missing: string[] = [];
  for (let d = dir; !fs.existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) {
    fs.mkdirSync(d);
    created.push(d);
  }
}

export function stampOf(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
}
