import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isInputError } from "../../blueprints/lib/errors";
import { questionOf } from "../answers/catalog";
import { answerForProp, withOrigin } from "../answers/flags";
import type { ResolvedAnswers } from "../answers/resolve";
import type { BlueprintEntry } from "../bindings/blueprint";
import { instantiateStacks } from "../instantiate";
import { withoutTokenTraces } from "./token-traces";

/**
 * The step between answers and plan: builds the project's stacks in memory
 * (without synthesizing) so that every check a blueprint makes on its props
 * runs before anything is planned or written. An answer that passes its
 * question but not the blueprint is still a clean exit 2 naming the answer's
 * flag, never a project that fails at `cdktf synth`. cdktf's App creates its
 * output folder when it is made, so it gets a temporary one, removed after.
 */
export function validateAnswers(resolved: ResolvedAnswers): void {
  const { entry, answers, facts } = resolved;
  // cdktf is loaded here, not at start-up: --help, check, lint and eject never need it.
  const { App } = require("../../blueprints/lib/cdktf") as typeof import("../../blueprints/lib/cdktf");
  const outdir = mkdtempSync(join(tmpdir(), "privatelink-validate-"));
  try {
    withoutTokenTraces(() => instantiateStacks(new App({ outdir, skipValidation: true }), entry, answers, "", facts));
  } catch (error) {
    if (isInputError(error)) {
      const flag = flagForField(entry, error.field);
      if (flag) throw withOrigin(error, flag);
    }
    throw error;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * The flag of the answer behind an error's field: a prop path through the
 * binding's table (`vpc.routeTableIds` → `--route-tables`), else an answer key
 * (`backendKey` → `--backend-key`).
 */
export function flagForField(entry: BlueprintEntry, field: string): string | undefined {
  const key = answerForProp(field, entry.propAnswers) ?? /^[A-Za-z]+/.exec(field)?.[0];
  return key === undefined ? undefined : questionOf(key, entry)?.flag;
}
