import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BlueprintInputError, isInputError } from "../../blueprints/lib/errors";
import { regionInfo } from "../../blueprints/lib/partitions";
import { wavesOf } from "../../blueprints/pipeline/waves";
import { withOrigin } from "../answers/flags";
import type { PipelineAnswers } from "../answers/pipeline-questions";
import type { ResolvedAnswers } from "../answers/resolve";
import type { CommonAnswers } from "../answers/types";
import { PACKAGE_ROOT } from "../paths";
import { render } from "../plan/render";
import type { PlannedFile } from "../plan/types";
import { accountOf, bootstrapFiles } from "./bootstrap";
import { type DeployRole, deployRoles, pipelineSubjects } from "./policies";
import { synthFacts } from "./stack-facts";
import { APPLY_WORKFLOW, applyWorkflow, PLAN_WORKFLOW, planWorkflow } from "./workflows";

/** The wave runner the workflows call, copied into the project (only with a pipeline). */
export const PIPELINE_SOURCES = ["blueprints/pipeline/waves.ts", "blueprints/pipeline/waves-cli.ts"];

/** A pipeline project's own files, and what its README says of them. */
export interface PipelinePlan {
  readonly files: PlannedFile[];
  /** The README's section (Markdown). */
  readonly section: string;
}

type Answers = CommonAnswers &
  PipelineAnswers & { readonly backendBucket?: string; readonly backendKey?: string; readonly backendRegion?: string };

/**
 * With `--pipeline github`: synthesizes the stacks once to read cdktf's dependencies and each stack's roles, then
 * writes the two workflows (sized to the waves), the bootstrap roots (OIDC provider, pipeline role, a deploy role per
 * role the stacks assume, each with the actions of its resource types) and the wave runner.
 */
export function pipelinePlan(resolved: ResolvedAnswers): PipelinePlan {
  try {
    return plan(resolved);
  } catch (error) {
    if (isInputError(error)) throw withOrigin(error, error.field === "pipelineRoleArn" ? "--pipeline-role" : "--pipeline");
    throw error;
  }
}

function plan(resolved: ResolvedAnswers): PipelinePlan {
  const answers = resolved.answers as unknown as Answers;
  const facts = synthFacts(resolved);
  const waves = wavesOf(facts.manifest);
  const roles = deployRoles(facts.stacks);
  const pipelineRoleArn = answers.pipelineRoleArn as string;
  if (roles.some((role) => role.roleArn === pipelineRoleArn))
    throw new BlueprintInputError(
      "pipelineRoleArn",
      `is ${pipelineRoleArn}, a role the stacks assume; the pipeline role only assumes deploy roles: give it a name of its own (--pipeline-role)`,
    );
  const trust = {
    repository: answers.githubRepository as string,
    branch: answers.pipelineBranch as string,
    environment: answers.pipelineEnvironment as string,
  };
  const workflow = {
    blueprint: answers.blueprint,
    pipelineRoleArn,
    region: answers.region,
    branch: trust.branch,
    environment: trust.environment,
    waves: waves.length,
  };
  const bootstrap = bootstrapFiles({
    pipelineRoleArn,
    region: answers.region,
    trust,
    state: { partition: regionInfo(answers.region).partition, bucket: answers.backendBucket as string, key: answers.backendKey as string },
    roles,
    providerVersion: facts.awsProviderVersion,
  });
  const context = {
    repository: trust.repository,
    // GitHub's API names the repository without its IDs.
    apiRepository: trust.repository.replace(/@[0-9]+/g, ""),
    branch: trust.branch,
    environment: trust.environment,
    pipelineRoleArn,
    subjects: pipelineSubjects(trust),
    accounts: bootstrap.map((file) => ({ path: file.path.replace(/\/main\.tf\.json$/, ""), account: file.path.split("/")[1] })),
    roles: roles.map((role) => describeRole(role)),
    diagram: wavesDiagram(waves),
    waveCount: waves.length,
    stackCount: waves.flat().length,
    bucket: answers.backendBucket as string,
    pipelineAccount: accountOf(pipelineRoleArn),
  };
  return {
    files: [
      { path: PLAN_WORKFLOW, content: planWorkflow(workflow) },
      { path: APPLY_WORKFLOW, content: applyWorkflow(workflow) },
      ...bootstrap,
      { path: "bootstrap/README.md", content: render("project/bootstrap/README.md.hbs", context) },
      ...PIPELINE_SOURCES.map((path) => ({ path, content: readFileSync(join(PACKAGE_ROOT, path), "utf8") })),
    ],
    section: render("project/pipeline-section.md.hbs", context),
  };
}

function describeRole(role: DeployRole) {
  return {
    arn: role.roleArn,
    stacks: role.stacks.length <= 3 ? role.stacks.join(", ") : `${role.stacks.slice(0, 2).join(", ")} and ${role.stacks.length - 2} more`,
    types: role.types.map((type) => `\`${type}\``).join(", "),
  };
}

/** The waves as a Mermaid flowchart: synth, then each wave's stacks (the first six of a wide wave, and a count). */
export function wavesDiagram(waves: readonly (readonly string[])[]): string {
  const node = (id: string) => id.replace(/[^A-Za-z0-9]/g, "_");
  const lines = ["flowchart LR", '  synth["npm run synth<br/>cdktf.out/manifest.json"]'];
  waves.forEach((ids, at) => {
    const shown = ids.length > 6 ? ids.slice(0, 5) : ids;
    lines.push(`  subgraph wave${at + 1}["Wave ${at + 1}: ${ids.length} stack${ids.length === 1 ? "" : "s"}"]`);
    for (const id of shown) lines.push(`    w${at + 1}_${node(id)}["${id}"]`);
    if (shown.length < ids.length) lines.push(`    w${at + 1}_more["… ${ids.length - shown.length} more"]`);
    lines.push("  end");
    lines.push(`  ${at === 0 ? "synth" : `wave${at}`} --> wave${at + 1}`);
  });
  return lines.join("\n");
}
