import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import type { ParsedArgs } from "../args";
import { EJECT_DIR, eject } from "../eject/eject";
import { synthesizedStacks } from "../eject/source";
import type { Output } from "../output";
import { pendingSignal, whileWriting } from "../signals";
import { describeChanges } from "../write/diff";
import { recoverInterrupted } from "../write/journal";
import { lockTarget, refuseIfLocked } from "../write/lock";
import { changesFor, shown } from "../write/target";
import { writeChanges } from "../write/write";

/**
 * `create-privatelink eject [dir] [--force] [--dry-run]`: writes the project's stacks as plain
 * Terraform into `terraform/<stack>/`, next to the CDKTF sources, which it never touches.
 * Exit 0 written; 2 bad input, including an existing terraform/ folder without --force.
 */
export async function ejectCommand(args: ParsedArgs, out: Output): Promise<number> {
  const projectDir = resolve(args.positionals[0] ?? ".");
  const target = join(projectDir, EJECT_DIR);

  // 1. Refuse to overwrite an earlier ejection (or the user's own terraform/ folder) unless asked.
  if (!existsSync(projectDir))
    throw new BlueprintInputError("dir", `${shown(projectDir)} does not exist; expected a CDK for Terraform project`);
  if (existsSync(target) && args.options.force !== true)
    throw new BlueprintInputError(
      "dir",
      `${shown(target)} already exists; move it away, or pass --force to replace the files eject writes there (others are kept)`,
    );

  // 2. The stacks as cdktf synthesizes them: cdktf.out, or a synth that runs the project's code.
  const synth = synthesizedStacks(projectDir);
  try {
    // 3. Plan: plain Terraform for every stack, in memory.
    const ejection = eject(synth.stacks, projectDir);
    const files = ejection.files.map((f) => ({ ...f, path: `${EJECT_DIR}/${f.path}` }));
    if (args.options["dry-run"]) {
      refuseIfLocked(projectDir);
      out.print(
        `Dry run: ${files.length} files for ${shown(target)} from ${synth.source}; nothing written.\n${describeChanges(changesFor(projectDir, files), false)}`,
      );
      return 0;
    }

    // 4. Write through the project's writer: staged, journaled, all or nothing.
    let backups: string[] = [];
    let written = 0;
    const lock = lockTarget(projectDir);
    try {
      for (const message of recoverInterrupted(projectDir)) out.warn(message);
      const changes = changesFor(projectDir, files);
      written = changes.filter((c) => c.change !== "unchanged").length;
      // No file of terraform/ counts as generated: with --force, each one replaced is kept in a backup first.
      const result = await whileWriting(() =>
        writeChanges(projectDir, changes, { force: true, interrupted: pendingSignal, generated: new Set() }),
      );
      backups = result.backupDir
        ? [`Kept a copy of each of the ${result.backedUp.length} file(s) it replaced in ${join(shown(projectDir), result.backupDir)}/.`]
        : [];
    } finally {
      lock.release();
    }

    // 5. Summary: what was written and the order to apply it in.
    out.print(
      [
        written === files.length
          ? `Wrote ${files.length} files to ${shown(target)} from ${synth.source}: one folder per stack, and a README.`
          : `Wrote ${written} of ${files.length} files to ${shown(target)} from ${synth.source} (the others were already as they are): one folder per stack, and a README.`,
        ...backups,
        "",
        "Deploy order:",
        ...ejection.order.map((id, i) => `  ${i + 1}. ${EJECT_DIR}/${id}`),
        "",
        `The first plan in each folder should show only moves (see ${EJECT_DIR}/README.md).`,
      ].join("\n"),
    );
    return 0;
  } finally {
    synth.cleanup();
  }
}
