import { App } from "../../blueprints/lib/cdktf";
import { Answers } from "../answers/types";
import { instantiateStacks } from "../instantiate";
import { BlueprintEntry } from "../registry";

/**
 * Builds the project's stacks in memory (without synthesizing) so that every
 * check a blueprint makes on its props runs before anything is written: an
 * answer that passes its question but not the blueprint is still a clean
 * exit 2, never a project that fails at `cdktf synth`.
 */
export function validateStacks(entry: BlueprintEntry, answers: Answers): void {
  instantiateStacks(new App({ skipValidation: true }), entry, answers);
}
