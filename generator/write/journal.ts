import * as nodeFs from "node:fs";
import { dirname, join } from "node:path";
import { checkBackupDir, checkUntracked, trustedJournal } from "./journal-trust";
import { STAGING_PREFIX, shown } from "./target";
import type { WriterFs } from "./write";

/**
 * The staging folder's record of a write, written before the first move (git's
 * lock-then-rename, with the plan on disk): a run that is killed, even with
 * SIGKILL, is rolled back by the next run from this file alone.
 */
export interface Journal {
  /** "moving": roll back; "committed": every move is done, only the backups remain to be kept. */
  readonly state: "moving" | "committed";
  /** Every planned move, in order: staging `new/<path>` to `<path>`, the replaced file to `old/<path>`. */
  readonly moves: readonly { readonly path: string; readonly delete: boolean }[];
  /** Folders the moves create, relative to the target. */
  readonly dirs: readonly string[];
  /** Replaced files that are the user's, kept in `backupDir` (relative to the target) once committed. */
  readonly keep: readonly string[];
  readonly backupDir?: string;
}

export const JOURNAL_FILE = "journal.json";

/** Writes the journal atomically: a temporary file renamed over the old one. */
export function writeJournal(fs: WriterFs, staging: string, journal: Journal): void {
  const file = join(staging, JOURNAL_FILE);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(journal, null, 2)}\n`, "utf8");
  fs.renameSync(`${file}.tmp`, file);
}

/** Anything at `path`, a dangling symbolic link included (which `existsSync` misses): it is moved aside, never lost. */
export function present(fs: WriterFs, path: string): boolean {
  return fs.lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

/**
 * Undoes the first `count` moves of a journal, newest first: a replaced file comes
 * back from `old/`; a created file that was moved in is removed. A move not made yet
 * leaves its new file in `new/`, so it is told apart from one that was made.
 * Returns false if a step failed (the staging folder must then be kept).
 */
export function rollbackMoves(fs: WriterFs, root: string, staging: string, journal: Journal, count: number): boolean {
  try {
    for (const move of journal.moves.slice(0, count).reverse()) {
      const target = join(root, move.path);
      const old = join(staging, "old", move.path);
      const staged = join(staging, "new", move.path);
      // The new file goes back to new/ rather than being deleted, so that each step leaves a state
      // this same code reads right: a rollback killed halfway can be run again, and again.
      const unmove = () => {
        fs.mkdirSync(dirname(staged), { recursive: true });
        fs.renameSync(target, staged);
      };
      if (present(fs, old)) {
        if (present(fs, target)) unmove();
        fs.renameSync(old, target);
      } else if (!move.delete && !present(fs, staged) && present(fs, target)) {
        unmove();
      }
    }
    removeEmpty(
      fs,
      journal.dirs.map((d) => join(root, d)),
      root,
    );
    return true;
  } catch {
    return false;
  }
}

/** After the commit: moves the user's replaced files from `old/` to the backup folder. */
export function keepBackups(fs: WriterFs, root: string, staging: string, journal: Journal): void {
  if (!journal.backupDir) return;
  checkBackupDir(root, journal.backupDir);
  const backupRoot = join(root, journal.backupDir);
  for (const path of journal.keep) {
    const old = join(staging, "old", path);
    if (!present(fs, old)) continue;
    fs.mkdirSync(dirname(join(backupRoot, path)), { recursive: true });
    fs.renameSync(old, join(backupRoot, path));
  }
  // The backup folder ignores itself, as venv and .pytest_cache do.
  const ignore = join(dirname(backupRoot), ".gitignore");
  if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, "*\n", "utf8");
}

/** Removes folders (deepest first) that are empty, and their empty parents up to but not including `stop`. */
export function removeEmpty(fs: WriterFs, dirs: readonly string[], stop: string): void {
  for (const dir of [...new Set(dirs)].sort((a, b) => b.length - a.length)) {
    for (let d = dir; d !== stop && d.startsWith(stop) && fs.existsSync(d) && fs.readdirSync(d).length === 0; d = dirname(d)) {
      fs.rmdirSync(d);
    }
  }
}

/**
 * Finishes what an interrupted run left in `root` (call it holding the lock): a
 * staging folder with a "moving" journal is rolled back; a "committed" one keeps
 * its backups; one without a journal had moved nothing. Returns what it did. A
 * staging folder this tool cannot have written (`trustedJournal`) stops the run.
 */
export function recoverInterrupted(root: string, fs: WriterFs = nodeFs): string[] {
  if (!fs.existsSync(root)) return [];
  const messages: string[] = [];
  for (const name of fs.readdirSync(root).filter((n) => n.startsWith(STAGING_PREFIX))) {
    const staging = join(root, name);
    const file = join(staging, JOURNAL_FILE);
    checkUntracked(root, staging);
    let raw: unknown;
    try {
      raw = fs.existsSync(file) ? JSON.parse(nodeFs.readFileSync(file, "utf8")) : undefined;
    } catch {
      raw = undefined; // torn by a kill before its rename: no move had started
    }
    const journal = raw === undefined ? undefined : trustedJournal(root, staging, raw);
    if (journal?.state === "moving") {
      if (!rollbackMoves(fs, root, staging, journal, journal.moves.length)) {
        messages.push(`an interrupted run left ${shown(staging)}, and rolling it back failed; its replaced files are in its old/ folder`);
        continue;
      }
      messages.push(
        `an interrupted run left ${shown(root)} half written (${shown(staging)}); rolled it back to how it was before that run`,
      );
    } else if (journal?.state === "committed") {
      keepBackups(fs, root, staging, journal);
      messages.push(`an interrupted run had written ${shown(root)} but not cleaned up ${shown(staging)}; removed it`);
    } else {
      messages.push(`an interrupted run left ${shown(staging)} before moving any file; removed it`);
    }
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return messages;
}
