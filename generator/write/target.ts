import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, normalize, relative, resolve } from "node:path";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { clip } from "../../blueprints/lib/validate";
import type { PlannedFile } from "../plan/types";

/** What writing a planned file would do to the target directory. */
export type Change = "create" | "overwrite" | "unchanged" | "delete";

export interface FileChange {
  readonly file: PlannedFile;
  readonly change: Change;
  /** The current content, for overwrite and delete. */
  readonly before?: string;
}

/** Prefix of the writer's own entries in the target: staging folders, the lock, backups. */
export const OWN_PREFIX = ".create-privatelink-";
/** Prefix of the staging folder, inside the target; `changesFor` and `check` never see it. */
export const STAGING_PREFIX = `${OWN_PREFIX}staging-`;
/** The lock file in the target, held for the whole of a run that writes there (git's `index.lock`). */
export const LOCK_FILE = ".create-privatelink.lock";

/** True when `inner` is `outer` or below it. */
function within(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * A planned path as an absolute path inside `root`. Refuses, like git's "beyond a
 * symbolic link" and node-tar's TAR_SYMLINK_ERROR, a path that leaves the target:
 * lexically (`..`, absolute) or through a symbolic link on the way; and a path
 * that has a file where it needs a folder.
 */
export function insideTarget(root: string, path: string): string {
  const base = resolve(root);
  const absolute = resolve(base, path);
  if (isAbsolute(path) || normalize(path).split(/[\\/]/).includes("..") || absolute === base || !within(base, absolute)) {
    throw new BlueprintInputError("path", `"${clip(path)}" would be written outside the target directory; expected a path inside it`);
  }
  if (existsSync(base)) checkComponents(base, path);
  return absolute;
}

function checkComponents(base: string, path: string): void {
  const realRoot = realpathSync(base);
  const parts = normalize(path).split(/[\\/]/);
  let current = base;
  for (const [i, part] of parts.entries()) {
    current = join(current, part);
    const stat = lstatSync(current, { throwIfNoEntry: false });
    if (!stat) return;
    const shownPart = parts.slice(0, i + 1).join("/");
    if (stat.isSymbolicLink()) {
      let real: string | undefined;
      try {
        real = realpathSync(current);
      } catch {
        real = undefined; // a dangling link: nothing to write through
      }
      if (real !== undefined && !within(realRoot, real))
        throw new BlueprintInputError(
          "dir",
          `${clip(path)} would be written or read outside ${shown(base)}: ${shownPart} is a symbolic link to ${real}; remove the link or choose another directory`,
        );
    }
    if (i < parts.length - 1 && !statSync(current, { throwIfNoEntry: false })?.isDirectory())
      throw new BlueprintInputError(
        "dir",
        `${clip(path)} in ${shown(base)} needs ${shownPart} to be a folder, but it is a file; move it away first`,
      );
  }
}

/** True when `dir` does not exist or is an empty directory (the writer's own lock and staging do not count). */
export function isEmptyDir(dir: string): boolean {
  return (
    !existsSync(dir) ||
    (statSync(dir).isDirectory() && readdirSync(dir).filter((n) => !n.startsWith(OWN_PREFIX) && n !== LOCK_FILE).length === 0)
  );
}

/** Refuses a target that is a file, or a non-empty one without --force: the writer's and the dry run's first check. */
export function checkTargetDir(root: string, force: boolean): void {
  if (existsSync(root) && !statSync(root).isDirectory()) {
    throw new BlueprintInputError("dir", `${shown(root)} is a file; expected a directory (new or empty) to generate the project in`);
  }
  if (!force && !isEmptyDir(root)) {
    throw new BlueprintInputError(
      "dir",
      `${shown(root)} is not empty; choose a new or empty directory, or pass --force to write the generated files into it (other files are left alone)`,
    );
  }
}

/** Compares the plan with what is on disk. */
export function changesFor(root: string, files: readonly PlannedFile[]): FileChange[] {
  return files.map((file) => {
    const target = insideTarget(root, file.path);
    // A symbolic link (dangling too) is the user's, whatever it points to: replaced as a whole, and backed up as a link.
    const link = lstatSync(target, { throwIfNoEntry: false });
    if (link?.isSymbolicLink())
      return { file, change: "overwrite", before: `(a symbolic link to ${JSON.stringify(readlinkSync(target))})\n` };
    if (!existsSync(target)) return { file, change: "create" };
    if (!statSync(target).isFile())
      throw new BlueprintInputError(
        "dir",
        `${clip(file.path)} in ${shown(root)} is a folder or special file where the project has a file; move it away first`,
      );
    const before = readFileSync(target, "utf8");
    return before === file.content ? { file, change: "unchanged" } : { file, change: "overwrite", before };
  });
}

/** The target relative to the working directory, for messages. */
export function shown(dir: string): string {
  return relative(process.cwd(), dir) || ".";
}
