import { isInputError } from "../../blueprints/lib/errors";
import type { Known } from "../answers/question";
import { CONTEXT_FILE, readContext } from "../lookup/context-file";
import { packageJson } from "../paths";
import { planProject } from "../plan/plan";
import { withoutMoves } from "./moves";
import type { Project } from "./project";

/**
 * Whether the answers `.privatelink.json` records still give the main.ts the
 * project recorded (its copy in `.privatelink.base.json`): the advisories a
 * project gets are judged on its answers, so answers edited by hand (zone names
 * made IDs, say) would hide a defect that main.ts still has. Checked only where
 * it can be: a base copy of main.ts, made by this generator version (another
 * version's template may differ). Renders in memory; runs no project code.
 * @returns false when they do not, undefined when it cannot tell
 */
export function answersReproduceMainTs(project: Project, copies: ReadonlyMap<string, string>): boolean | undefined {
  const recordedMain = copies.get("main.ts");
  if (recordedMain === undefined || project.provenance.generator !== `create-privatelink@${packageJson().version}`) return undefined;
  const recorded = project.provenance.answers as Record<string, unknown>;
  // The answers as a run resolves them: recorded values, and the defaults of the questions that did not apply.
  const known: Record<string, unknown> = { blueprint: recorded.blueprint };
  for (const question of project.entry.questions)
    known[question.key] = Object.hasOwn(recorded, question.key) ? recorded[question.key] : question.defaultValue(known as Known);
  try {
    // AWS's answers as they were when main.ts was rendered (the base copy's), not a context file added since.
    const context = copies.get(CONTEXT_FILE);
    const facts = context === undefined ? undefined : readContext(context);
    const plan = planProject({
      entry: project.entry,
      answers: known as never,
      used: Object.keys(recorded),
      warnings: [],
      facts,
    });
    return plan.files.find((f) => f.path === "main.ts")?.content === withoutMoves(recordedMain);
  } catch (error) {
    if (isInputError(error)) return false;
    throw error;
  }
}
