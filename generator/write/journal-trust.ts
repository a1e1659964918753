import { spawnSync } from "node:child_process";
import { lstatSync } from "node:fs";
import { join, relative } from "node:path";
import { BlueprintInputError, isInputError } from "../../blueprints/lib/errors";
import type { Journal } from "./journal";
import { insideTarget, OWN_PREFIX, shown } from "./target";

/** Where a run keeps the user's replaced files: one folder per run below it. */
export const BACKUP_DIR = `${OWN_PREFIX}backup`;
/** A backup folder's name, as `backupFolder` makes it: the time, the pid and a random suffix. */
const BACKUP_NAME = /^\d{8}T\d{6}Z-\d+-[0-9a-f]{8}$/;

/**
 * A staging folder's journal is state read back from the project folder, which anyone
 * who can commit to the repository can write. It is acted on only when every path in
 * it resolves inside the target through no symbolic link, its backup folder is one
 * the writer names, and git does not track the staging folder (a run's staging folder
 * ignores itself, so a tracked one was committed by someone). Otherwise the run stops
 * with exit 2, naming the folder and what is wrong, and touches nothing.
 */
export function trustedJournal(root: string, staging: string, raw: unknown): Journal {
  const refuse = refuser(staging);
  checkUntracked(root, staging);
  if (typeof raw !== "object" || raw === null) return refuse("its journal is not a JSON object");
  const journal = raw as Record<string, unknown>;
  if (journal.state !== "moving" && journal.state !== "committed") refuse('its journal\'s state is not "moving" or "committed"');
  const strings = (key: string): string[] => {
    const value = journal[key];
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) return refuse(`its journal's ${key} is not a list of paths`);
    return value as string[];
  };
  const moves = journal.moves;
  if (!Array.isArray(moves) || !moves.every((m) => typeof m?.path === "string" && typeof m?.delete === "boolean"))
    return refuse("its journal's moves are not a list of {path, delete}");
  const paths = [...moves.map((m: { path: string }) => m.path), ...strings("dirs"), ...strings("keep")];
  for (const path of paths) {
    try {
      insideTarget(root, path);
    } catch (error) {
      if (!isInputError(error)) throw error;
      refuse(`its journal names ${JSON.stringify(path)}, which is outside the project or reached through a symbolic link`);
    }
  }
  const backupDir = journal.backupDir;
  if (backupDir !== undefined) {
    const [top, name, ...rest] = typeof backupDir === "string" ? backupDir.split(/[\\/]/) : [];
    if (top !== BACKUP_DIR || !BACKUP_NAME.test(name ?? "") || rest.length > 0)
      refuse(
        `its journal's backupDir ${JSON.stringify(backupDir)} is not a backup folder this tool names (${BACKUP_DIR}/<time>-<pid>-<random>)`,
      );
  }
  return raw as Journal;
}

function refuser(staging: string): (why: string) => never {
  return (why) => {
    throw new BlueprintInputError(
      shown(staging),
      `an interrupted run's staging folder that this tool cannot have written: ${why}. It was left as it is; look at it, then delete it`,
    );
  };
}

/** Refuses a staging folder that git tracks: a run's own ignores itself, so a tracked one was committed by someone. */
export function checkUntracked(root: string, staging: string): void {
  const tracked = trackedByGit(root, staging);
  if (tracked) refuser(staging)(`git tracks ${tracked} in it (a staging folder ignores itself; this one was committed)`);
}

/** The first path git tracks in the staging folder, or undefined (also outside a work tree, or without git). */
function trackedByGit(root: string, staging: string): string | undefined {
  const listed = spawnSync("git", ["ls-files", "-z", "--", relative(root, staging)], { cwd: root, encoding: "utf8" });
  if (listed.status !== 0) return undefined;
  return listed.stdout.split("\0").find(Boolean);
}

/**
 * Refuses a backup folder reached through a symbolic link: the backups are the user's own
 * files, and are never written anywhere but inside the project, in a folder of this run.
 */
export function checkBackupDir(root: string, backupDir: string): void {
  let current = root;
  for (const part of backupDir.split(/[\\/]/)) {
    current = join(current, part);
    if (lstatSync(current, { throwIfNoEntry: false })?.isSymbolicLink())
      throw new BlueprintInputError(
        relative(root, current),
        `is a symbolic link; the copies of your replaced files are written only to a real folder inside ${shown(root)}: remove the link`,
      );
  }
}

/** A new backup folder's path (relative to the target): never one an earlier run used, even in the same second. */
export function backupFolder(stamp: string, random: () => string): string {
  return join(BACKUP_DIR, `${stamp}-${process.pid}-${random()}`);
}
