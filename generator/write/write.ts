import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { type FileChange, insideTarget, isEmptyDir, shown } from "./target";

/** Test hook: fail after moving this many files into place (proves the rollback). */
export const FAIL_AFTER_ENV = "CREATE_PRIVATELINK_TEST_FAIL_AFTER_FILES";

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
export function writeChanges(targetDir: string, changes: readonly FileChange[], options: WriteOptions): void {
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
  const failAfter = Number(process.env[FAIL_AFTER_ENV] ?? Number.NaN);
  try {
    makeParents(root, createdDirs);
    staging = mkdtempSync(join(root, STAGING_PREFIX));
    for (const { file } of toWrite.filter((c) => c.change !== "delete")) {
      const staged = join(staging, "new", file.path);
      mkdirSync(dirname(staged), { recursive: true });
      writeFileSync(staged, file.content, { encoding: "utf8", mode: 0o644 });
    }
    for (const { file, change } of toWrite) {
      if (moved.length === failAfter) throw new Error(`${FAIL_AFTER_ENV}=${failAfter}: failing on purpose after ${failAfter} file(s)`);
      const target = insideTarget(root, file.path);
      makeParents(dirname(target), createdDirs);
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
    const undone = rollback(moved);
    if (undone && staging) rmSync(staging, { recursive: true, force: true });
    if (undone) removeEmpty(createdDirs);
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
    toWrite
      .filter((c) => c.change === "delete")
      .map((c) => dirname(insideTarget(root, c.file.path)))
      .filter((d) => d !== root),
    root,
  );
}

function makeParents(dir: string, created: string[]): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) {
    mkdirSync(d);
    created.push(d);
  }
}

/** Undoes the moves, newest first; false if one could not be undone (the backups are then kept). */
function rollback(moved: readonly { target: string; backup?: string }[]): boolean {
  try {
    for (const { target, backup } of [...moved].reverse()) {
      if (existsSync(target)) unlinkSync(target);
      if (backup) renameSync(backup, target);
    }
    return true;
  } catch {
    return false;
  }
}

/** Removes folders (deepest first) that are empty, up to but not including `stop`. */
function removeEmpty(dirs: readonly string[], stop?: string): void {
  for (const dir of [...new Set(dirs)].sort((a, b) => b.length - a.length)) {
    for (let d = dir; d !== stop && existsSync(d) && readdirSync(d).length === 0; d = dirname(d)) {
      rmdirSync(d);
      if (!stop) break;
    }
  }
}
