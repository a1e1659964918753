import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "../../blueprints/lib/cdktf";
import type { Answers } from "../answers/types";
import { instantiateStacks } from "../instantiate";
import type { BlueprintEntry } from "../registry";

/**
 * Builds the project's stacks in memory (without synthesizing) so that every
 * check a blueprint makes on its props runs before anything is written: an
 * answer that passes its question but not the blueprint is still a clean
 * exit 2, never a project that fails at `cdktf synth`. cdktf's App creates its
 * output folder when it is made, so it gets a temporary one, removed after.
 */
export function validateStacks(entry: BlueprintEntry, answers: Answers): void {
  const outdir = mkdtempSync(join(tmpdir(), "privatelink-validate-"));
  try {
    instantiateStacks(new App({ outdir, skipValidation: true }), entry, answers);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
