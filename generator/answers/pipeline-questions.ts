import { BlueprintInputError } from "../../blueprints/lib/errors";
import { regionInfo } from "../../blueprints/lib/partitions";
import { checkRoleArn, describe } from "../../blueprints/lib/validate";
import { toChoice, toText } from "./parse";
import { type Known, type Question, q, regionOf } from "./question";

/** The pipeline answers, asked last by the versions whose bindings list these questions. */
export interface PipelineAnswers {
  /** `github`: workflows in .github/workflows, the OIDC bootstrap and deploy-role policies. @default none */
  readonly pipeline?: "github" | "none";
  /** `owner/name` of the repository the workflows run in, as its OIDC `sub` claim names it (`owner@id/name@id` for immutable subjects). */
  readonly githubRepository?: string | null;
  /** The branch whose pushes apply. @default main */
  readonly pipelineBranch?: string;
  /** The GitHub environment that gates the apply. @default production */
  readonly pipelineEnvironment?: string;
  /** The role the workflows reach by OIDC; it assumes each stack's deploy role. */
  readonly pipelineRoleArn?: string | null;
}

export const PIPELINES = ["github", "none"] as const;
const isGithub = (known: Known) => known.pipeline === "github";

/** The role name the pipeline role gets by default, in the account of the provider stack's role. */
export const DEFAULT_PIPELINE_ROLE = "create-privatelink-pipeline";

export const pipeline = q({
  key: "pipeline",
  flag: "--pipeline",
  valueName: "github|none",
  message: "CI pipeline (github: plan every stack on pull requests, apply in waves on merge, OIDC and no stored keys)",
  prompt: "select",
  defaultValue: () => "none" as (typeof PIPELINES)[number],
  // A project without a pipeline records nothing, so that the versions that gained this question keep their files.
  omitFromRecord: (value) => value === "none",
  check: (value, known) => {
    const choice = toChoice(value, "pipeline", PIPELINES);
    if (choice === "none") return choice;
    if (known.backend !== "s3")
      throw new BlueprintInputError(
        "pipeline",
        "is github with --backend local; a pipeline runs each stack on a fresh runner, so state must be remote: pass --backend s3 --backend-bucket <bucket> (the pipeline role gets read and write on its keys)",
      );
    if (!known.providerRoleArn)
      throw new BlueprintInputError(
        "pipeline",
        "is github without --provider-role; the pipeline role reaches every account through a deploy role, the provider stack's included: pass --provider-role arn:aws:iam::<account>:role/<name>",
      );
    if (regionInfo(regionOf(known)).partition === "aws-cn")
      throw new BlueprintInputError(
        "pipeline",
        "is github in a China region; GitHub's OIDC provider is not offered for the aws-cn partition here: use --pipeline none",
      );
    return choice;
  },
  choices: () => [
    { value: "none", name: "None: deploy with cdktf deploy" },
    { value: "github", name: "GitHub Actions: plan on pull requests, apply in waves on merge (needs an S3 backend)" },
  ],
});

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

export const githubRepository = q({
  key: "githubRepository",
  flag: "--github-repository",
  valueName: "owner/name",
  message:
    "GitHub repository the workflows run in (owner/name, or owner@id/name@id for immutable subjects): the pipeline role trusts only its OIDC tokens",
  prompt: "input",
  when: isGithub,
  defaultValue: () => null as string | null,
  check: (value) => {
    const text = toText(value, "githubRepository", true);
    if (text === null)
      throw new BlueprintInputError(
        "githubRepository",
        "is missing; the pipeline role trusts one repository: pass --github-repository owner/name",
      );
    // Each part may carry its ID (owner@123/name@456): the immutable subject GitHub gives newer repositories.
    const [owner, name, ...rest] = text.split("/").map((part) => part.replace(/@[1-9][0-9]{0,19}$/, ""));
    if (rest.length > 0 || !OWNER.test(owner ?? "") || !REPO.test(name ?? "") || name === "." || name === "..")
      throw new BlueprintInputError(
        "githubRepository",
        `${describe(text)} is not a GitHub repository; expected owner/name (owner: letters, digits and single hyphens, at most 39; name: letters, digits, . _ -), e.g. example-org/network, or with their IDs as the immutable subject names them, e.g. example-org@123456/network@789012`,
      );
    return text;
  },
});

export const pipelineBranch = q({
  key: "pipelineBranch",
  flag: "--pipeline-branch",
  valueName: "branch",
  message: "Branch whose pushes apply (the pipeline role's trust names it)",
  prompt: "input",
  when: isGithub,
  defaultValue: () => "main",
  check: (value) => {
    const text = toText(value, "pipelineBranch", false) as string;
    if (
      !/^[A-Za-z0-9._/-]{1,200}$/.test(text) ||
      text.includes("..") ||
      text.startsWith("/") ||
      text.endsWith("/") ||
      text.endsWith(".lock")
    )
      throw new BlueprintInputError(
        "pipelineBranch",
        `${describe(text)} is not a branch name the trust policy can state; expected letters, digits and . _ / - (no "..", no wildcard), e.g. main`,
      );
    return text;
  },
});

export const pipelineEnvironment = q({
  key: "pipelineEnvironment",
  flag: "--pipeline-environment",
  valueName: "name",
  message: "GitHub environment that gates the apply (its protection rules: reviewers, the branch)",
  prompt: "input",
  when: isGithub,
  defaultValue: () => "production",
  check: (value) => {
    const text = toText(value, "pipelineEnvironment", false) as string;
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(text))
      throw new BlueprintInputError(
        "pipelineEnvironment",
        `${describe(text)} is not an environment name the trust policy can state; expected letters, digits and . _ -, e.g. production`,
      );
    return text;
  },
});

export const pipelineRoleArn = q({
  key: "pipelineRoleArn",
  flag: "--pipeline-role",
  valueName: "role-arn",
  message: "Role the workflows reach by OIDC (the bootstrap creates it; it assumes each stack's deploy role)",
  prompt: "input",
  when: isGithub,
  defaultValue: (known) => {
    const provider = known.providerRoleArn as string | null | undefined;
    return (provider ? provider.replace(/:role\/.*$/, `:role/${DEFAULT_PIPELINE_ROLE}`) : null) as string | null;
  },
  check: (value, known) => {
    const arn = toText(value, "pipelineRoleArn", true);
    if (arn === null)
      throw new BlueprintInputError("pipelineRoleArn", "is missing; pass --pipeline-role arn:aws:iam::<account>:role/<name>");
    checkRoleArn(arn, "pipelineRoleArn", { partition: regionInfo(regionOf(known)).partition, allowPath: false });
    return arn;
  },
});

/** A version's questions with the pipeline's asked last: they read the backend and the provider's role. */
export function withPipeline(questions: readonly Question[]): Question[] {
  return [...questions, pipeline, githubRepository, pipelineBranch, pipelineEnvironment, pipelineRoleArn];
}
