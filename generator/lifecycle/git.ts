import { spawnSync } from "node:child_process";

/**
 * Uncommitted changes in the git work tree `dir` belongs to, or undefined when
 * `dir` is not in a work tree (or git is not installed).
 */
export function uncommittedChanges(dir: string): string[] | undefined {
  const inside = spawnSync("git", ["rev-parse", "--is-inside-work-tree"], { cwd: dir, encoding: "utf8" });
  if (inside.status !== 0 || inside.stdout.trim() !== "true") return undefined;
  // The writer's own lock, staging and backup folders are not the user's changes.
  const status = spawnSync("git", ["status", "--porcelain", "--untracked-files=all", "--", ".", ":(exclude).create-privatelink[.-]*"], {
    cwd: dir,
    encoding: "utf8",
  });
  const changes = status.stdout.split("\n").filter((line) => line.trim() !== "");
  // A project git ignores (and does not track) shows no changes, yet nothing of it is committed: as untracked.
  const ignored = spawnSync("git", ["check-ignore", "-q", "--", ".privatelink.json"], { cwd: dir });
  if (ignored.status === 0) changes.unshift("!! the project itself: git ignores it (a .gitignore above it), so none of it is committed");
  return changes;
}
