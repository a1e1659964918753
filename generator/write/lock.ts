import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { checkTargetDir, LOCK_FILE, OWN_PREFIX, shown } from "./target";

export interface TargetLock {
  readonly root: string;
  /** Removes the lock, and the target folders this run made if they are still empty. */
  release(): void;
}

/** The pid of a live run holding the lock on `root`, if there is one. */
export function lockHolder(root: string): number | undefined {
  const file = join(resolve(root), LOCK_FILE);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(text, 10);
  // A lock without a pid is one being written this instant, and held; one that has had no pid
  // for seconds was left by a run killed between creating it and writing its pid: stale.
  if (!Number.isInteger(pid) || pid <= 0) return Date.now() - mtimeOf(file) > EMPTY_LOCK_STALE_MS ? undefined : -1;
  return alive(pid) ? pid : undefined;
}

/** How long a lock may be without its pid before it counts as a killed run's. */
export const EMPTY_LOCK_STALE_MS = 5000;

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Exit 2 when another live run holds the lock on `root` (the dry run's check). */
export function refuseIfLocked(root: string): void {
  const pid = lockHolder(root);
  if (pid !== undefined) throw lockedError(root, pid);
}

function lockedError(root: string, pid: number): BlueprintInputError {
  return new BlueprintInputError(
    "dir",
    `${shown(join(root, LOCK_FILE))} is held by ${pid > 0 ? `process ${pid}` : "another process"}: another create-privatelink run is writing into ${shown(root)}; wait for it to finish, or delete the lock if no such run is going on`,
  );
}

/**
 * Takes the lock on `root`, making the folder if needed: `open(…, "wx")` with the
 * pid, as git does with `index.lock`; a lock whose process is gone (killed) is stale
 * and is replaced. The lock is also released when the process exits.
 */
export function lockTarget(targetDir: string): TargetLock {
  const root = resolve(targetDir);
  checkTargetDir(root, true);
  const created: string[] = [];
  for (let d = root; !existsSync(d); d = dirname(d)) created.unshift(d);
  const made: string[] = [];
  try {
    for (const d of created) {
      mkdirSync(d);
      made.push(d);
    }
  } catch (error) {
    // the folders this run made before the one it could not are removed: a failed run leaves none
    for (const d of made.reverse()) if (readdirSync(d).length === 0) rmdirSync(d);
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new BlueprintInputError("dir", `cannot write ${shown(root)} (${code}); expected a directory you can write to`);
  }
  const file = join(root, LOCK_FILE);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener("exit", release);
    try {
      unlinkSync(file);
    } catch {}
    for (const d of [...created].reverse()) {
      if (existsSync(d) && readdirSync(d).length === 0) rmdirSync(d);
    }
  };
  try {
    take(root, file);
  } catch (error) {
    released = true;
    for (const d of [...created].reverse()) if (existsSync(d) && readdirSync(d).length === 0) rmdirSync(d);
    throw error;
  }
  process.on("exit", release);
  return { root, release };
}

function take(root: string, file: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EEXIST")
        throw new BlueprintInputError("dir", `cannot write ${shown(file)} (${code}); expected a directory you can write to`);
      const pid = lockHolder(root);
      if (pid !== undefined || attempt > 2 || !clearStale(root, file)) throw lockedError(root, pid ?? lockHolder(root) ?? -1);
    }
  }
}

/**
 * Removes a stale lock (its process gone), race-free: only the run that holds
 * `.create-privatelink-takeover` (made with `wx`) may remove it, and it looks again under
 * that guard. Two runs that both found the same stale lock cannot both take
 * it: the second finds the first's live lock, or none, never deletes it. A
 * guard older than `EMPTY_LOCK_STALE_MS` was left by a run killed in between.
 * @returns whether the lock is gone (then `take` tries again)
 */
export function clearStale(root: string, file: string): boolean {
  const guard = join(root, `${OWN_PREFIX}takeover`);
  try {
    const fd = openSync(guard, "wx", 0o644);
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
  } catch {
    if (Date.now() - mtimeOf(guard) > EMPTY_LOCK_STALE_MS) rmQuietly(guard);
    return false;
  }
  try {
    if (lockHolder(root) !== undefined) return false;
    rmQuietly(file);
    return true;
  } finally {
    rmQuietly(guard);
  }
}

function rmQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {}
}
