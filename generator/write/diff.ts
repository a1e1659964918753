import { createTwoFilesPatch } from "diff";
import { BASE_FILE } from "../base-copy";
import type { FileChange } from "./target";

/** The file plan as `--dry-run` prints it: one line a file, and a unified diff of each overwrite. */
export function describeChanges(changes: readonly FileChange[], withDiff: boolean): string {
  const lines = changes.map(({ file, change }) => `${change.padEnd(9)} ${file.path}`);
  return [...lines, ...(withDiff ? diffs(changes) : [])].join("\n");
}

/**
 * The unified diff of each overwrite (and deletion, unless told not to); the base copy
 * (whole files as JSON strings, tens of kilobytes) is left out, `describeRecords` says
 * what changes in it. An upgrade removes only files as they were generated (an edited
 * one is kept), so its dry run shows no diff of a removal.
 */
export function diffs(changes: readonly FileChange[], options: { deletions: boolean } = { deletions: true }): string[] {
  const lines: string[] = [];
  for (const { file, change, before } of changes) {
    if (file.path === BASE_FILE || (change === "delete" && !options.deletions)) continue;
    if (change === "overwrite")
      lines.push("", createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, before ?? "", file.content, "", "", { context: 3 }).trimEnd());
    if (change === "delete")
      lines.push("", createTwoFilesPatch(`a/${file.path}`, "/dev/null", before ?? "", "", "", "", { context: 3 }).trimEnd());
  }
  return lines;
}

/** One line each for the project's records (`.privatelink.json`, the base copy) among the changes. */
export function describeRecords(changes: readonly FileChange[]): string[] {
  return changes
    .filter((c) => c.change !== "unchanged" && (c.file.path === BASE_FILE || c.file.path === ".privatelink.json"))
    .map((c) =>
      c.file.path === BASE_FILE
        ? `  ${"updated".padEnd(25)} ${BASE_FILE} (the generated files as the new version renders them, kept for the next merge; diff not shown)`
        : `  ${"updated".padEnd(25)} ${c.file.path} (the answers and each generated file's hash)`,
    );
}
