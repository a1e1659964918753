import * as nodeFs from "node:fs";
import { dirname, join, resolve } from "node:path";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { type FileChange, insideTarget, isEmptyDir, shown } from "./target";

/** The file-system calls the writer makes: node's own, or a test's that fails on purpose. */
export type WriterFs = Pick<
  typeof nodeFs,
  | "existsSync"
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

/** Prefix of the staging folder, inside the target; `changesFor` and `check` never see it. */
export const STAGING_PREFIX = ".create-privatelink-staging-";

export interface WriteOptions {
  /** Write into a non-empty directory, replacing the generated files that differ. */
  readonly force: boolean;
}

const FILESYSTEM_ERRORS = new Set(["EACCES", "EPERM", "EEXIST", "ENOTDIR", "EISDIR", "EROFS", "ENOSPC", "EDQUOT", "ENAMETOOLONG"]);

/**
 * Writes the changed files of a plan. Everything is first written to a staging
 * folder inside the target, then moved into place file by file; the files it
 * replaces or deletes (upgrade only) are kept aside until the end. If anything
 * fails, every move is undone and every folder it made is removed, so the target
 * is exactly as it was. Files not in the plan are never touched.
 */
export function writeChanges(targetDir: string, changes: readonly FileChange[], options: WriteOptions, fs: WriterFs = nodeFs): void {
  const { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } = fs;
  const root = resolve(targetDir);
  if (existsSync(root) && !statSync(root).isDirectory()) {
    throw new BlueprintInputError("dir", `${shown(root)} is a file; expected a directory to generate the project in`);
  }
  if (!isEmptyDir(root) && !options.force) {
    throw new BlueprintInputError(
      "dir",
      `${shown(root)} is not empty; choose a new or empty directory, or pass --force to write the generated files into it (other files are left alone)`,
    );
  }
  const toWrite = changes.filter((c) => c.change !== "unchanged");
  if (toWrite.length === 0) return;

  const moved: { target: string; backup?: string }[] = [];
  const createdDirs: string[] = [];
  let staging: string | undefined;
  try {
    makeParents(fs, root, createdDirs);
    staging = mkdtempSync(join(root, STAGING_PREFIX));
    for (const { file } of toWrite.filter((c) => c.change !== "delete")) {
      const staged = join(staging, "new", file.path);
      mkdirSync(dirname(staged), { recursive: true });
      writeFileSync(staged, file.content, { encoding: "utf8", mode: 0o644 });
    }
    for (const { file, change } of toWrite) {
      const target = insideTarget(root, file.path);
      makeParents(fs, dirname(target), createdDirs);
      let backup: string | undefined;
      if (existsSync(target)) {
        backup = join(staging, "old", file.path);
        mkdirSync(dirname(backup), { recursive: true });
        renameSync(target, backup);
      }
      moved.push({ target, backup });
      if (change !== "delete") renameSync(join(staging, "new", file.path), target);
    }
  } catch (error) {
    const undone = rollback(fs, moved);
    if (undone && staging) rmSync(staging, { recursive: true, force: true });
    if (undone) removeEmpty(fs, createdDirs);
    const code = (error as NodeJS.ErrnoException).code;
    if (code && FILESYSTEM_ERRORS.has(code)) {
      const where = (error as NodeJS.ErrnoException).path ?? root;
      throw new BlueprintInputError(
        "dir",
        `cannot write ${shown(where)} (${code}); expected a directory you can write to${undone ? "; nothing was changed" : `; your replaced files are kept in ${staging}`}`,
      );
    }
    throw error;
  }
  rmSync(staging, { recursive: true, force: true });
  removeEmpty(
    fs,
    toWrite
      .filter((c) => c.change === "delete")
      .map((c) => dirname(insideTarget(root, c.file.path)))
      .filter((d) => d !== root),
    root,
  );
}

function makeParents(fs: WriterFs, dir: string, created: string[]): void {
  const missing: string[] = [];
  for (let d = dir; !fs.existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) {
    fs.mkdirSync(d);
    created.push(d);
  }
}

/** Undoes the moves, newest first; false if one could not be undone (the backups are then kept). */
function rollback(fs: WriterFs, moved: readonly { target: string; backup?: string }[]): boolean {
  try {
    for (const { target, backup } of [...moved].reverse()) {
      if (fs.existsSync(target)) fs.unlinkSync(target);
      if (backup) fs.renameSync(backup, target);
    }
    return true;
  } catch {
    return false;
  }
}

/** Removes folders (deepest first) that are empty, up to but not including `stop`. */
function removeEmpty(fs: WriterFs, dirs: readonly string[], stop?: string): void {
  for (const dir of [...new Set(dirs)].sort((a, b) => b.length - a.length)) {
    for (let d = dir; d !== stop && fs.existsSync(d) && fs.readdirSync(d).length === 0; d = dirname(d)) {
      fs.rmdirSync(d);
      if (!stop) break;
    }
  }
}
