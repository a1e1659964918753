import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, normalize, relative, resolve, sep } from "node:path";
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

/** A planned path as an absolute path inside `root`; refuses anything that would escape it. */
export function insideTarget(root: string, path: string): string {
  const absolute = resolve(root, path);
  if (isAbsolute(path) || normalize(path).split(/[\\/]/).includes("..") || !absolute.startsWith(resolve(root) + sep)) {
    throw new BlueprintInputError("path", `"${clip(path)}" would be written outside the target directory; expected a path inside it`);
  }
  return absolute;
}

/** True when `dir` does not exist or is an empty directory. */
export function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || (statSync(dir).isDirectory() && readdirSync(dir).length === 0);
}

/** Compares the plan with what is on disk. */
export function changesFor(root: string, files: readonly PlannedFile[]): FileChange[] {
  return files.map((file) => {
    const target = insideTarget(root, file.path);
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
