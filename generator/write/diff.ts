import { createTwoFilesPatch } from "diff";
import type { FileChange } from "./target";

/** The file plan as `--dry-run` prints it: one line a file, and a unified diff of each overwrite. */
export function describeChanges(changes: readonly FileChange[], withDiff: boolean): string {
  const lines: string[] = [];
  for (const { file, change } of changes) {
    lines.push(`${change.padEnd(9)} ${file.path}`);
  }
  if (withDiff) {
    for (const { file, change, before } of changes) {
      if (change === "overwrite")
        lines.push(
          "",
          createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, before ?? "", file.content, "", "", { context: 3 }).trimEnd(),
        );
      if (change === "delete")
        lines.push("", createTwoFilesPatch(`a/${file.path}`, "/dev/null", before ?? "", "", "", "", { context: 3 }).trimEnd());
    }
  }
  return lines.join("\n");
}
