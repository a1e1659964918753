import { existsSync, mkdirSync, mkdtempSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { FileChange, insideTarget, isEmptyDir, shown } from "./target";

/** Test hook: fail after moving this many files into place (proves the rollback). */
export const FAIL_AFTER_ENV = "CREATE_PRIVATELINK_TEST_FAIL_AFTER_FILES";

export interface WriteOptions {
  /** Write into a non-empty directory, replacing the generated files that differ. */
  readonly force: boolean;
}

/**
 * Writes the changed files of a plan. Everything is first written to a staging
 * folder next to the target, then moved into place file by file; the files it
 * replaces or deletes (upgrade only) are kept aside until the end. If anything
 * fails, every move is undone, so the target is exactly as it was. Files not in
 * the plan are never touched.
 */
export function writeChanges(targetDir: string, changes: readonly FileChange[], options: WriteOptions): void {
  const root = resolve(targetDir);
  if (existsSync(root) && !statSync(root).isDirectory()) {
    throw new BlueprintInputError("dir", `${shown(root)} is a file; expected a directory to generate the project in`);
  }
  if (!isEmptyDir(root) && !options.force) {
    throw new BlueprintInputError("dir", `${shown(root)} is not empty; choose a new or empty directory, or pass --force to write the generated files into it (other files are left alone)`);
  }
  const toWrite = changes.filter((c) => c.change !== "unchanged");
  if (toWrite.length === 0) return;

  const parent = dirname(root);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, ".create-privatelink-staging-"));
  const moved: { target: string; backup?: string }[] = [];
  const createdDirs: string[] = [];
  const failAfter = Number(process.env[FAIL_AFTER_ENV] ?? Number.NaN);
  try {
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
    rollback(moved, createdDirs);
    throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function makeParents(dir: string, created: string[]): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) {
    mkdirSync(d);
    created.push(d);
  }
}

function rollback(moved: readonly { target: string; backup?: string }[], createdDirs: readonly string[]): void {
  for (const { target, backup } of [...moved].reverse()) {
    if (existsSync(target)) unlinkSync(target);
    if (backup) renameSync(backup, target);
  }
  for (const dir of [...createdDirs].reverse()) {
    try {
      rmdirSync(dir);
    } catch {
      // not empty: something else was put there meanwhile; leave it
    }
  }
}
