import { existsSync } from "node:fs";
import { join } from "node:path";
import { resolveAnswers } from "../../generator/answers/resolve";
import { planProject } from "../../generator/plan/plan";
import { runCli, tmp } from "../support/cli";

const ROLE = "arn:aws:iam::999988887777:role/NetworkDeployer";
const SPOKE = JSON.stringify([
  {
    account: "111122223333",
    vpcId: "vpc-0a1b2c3d4e5f60711",
    cidr: "10.11.0.0/16",
    subnets: ["subnet-0a1b2c3d4e5f60711", "subnet-0a1b2c3d4e5f60712"],
    routeTables: ["rtb-0a1b2c3d4e5f60711"],
  },
]);
const S3 = ["--backend", "s3", "--backend-bucket", "tf-state"];
const GITHUB = ["--pipeline", "github", "--github-repository", "example-org/network"];
const SE4 = ["--blueprint", "service-endpoints@4", "--region", "us-east-1"];

describe("--pipeline github: what it refuses, exit 2 naming the flags, nothing written", () => {
  test.each([
    [
      "a local backend",
      [...SE4, "--provider-role", ROLE, ...GITHUB],
      "--pipeline: is github with --backend local; a pipeline runs each stack on a fresh runner, so state must be remote: pass --backend s3",
    ],
    ["no deploy role for the provider stack", [...SE4, ...S3, ...GITHUB], "--pipeline: is github without --provider-role"],
    [
      "a China region",
      [
        "--blueprint",
        "service-endpoints@4",
        "--region",
        "cn-north-1",
        "--provider-role",
        "arn:aws-cn:iam::999988887777:role/NetworkDeployer",
        ...S3,
        ...GITHUB,
      ],
      "--pipeline: is github in a China region",
    ],
    ["no repository", [...SE4, "--provider-role", ROLE, ...S3, "--pipeline", "github"], "--github-repository"],
    [
      "a repository that is not owner/name",
      [...SE4, "--provider-role", ROLE, ...S3, "--pipeline", "github", "--github-repository", "example-org/network/extra"],
      '--github-repository: "example-org/network/extra" is not a GitHub repository; expected owner/name',
    ],
    [
      "a branch with a wildcard",
      [...SE4, "--provider-role", ROLE, ...S3, ...GITHUB, "--pipeline-branch", "release/*"],
      "--pipeline-branch:",
    ],
    [
      "an environment with a colon (the sub claim's separator)",
      [...SE4, "--provider-role", ROLE, ...S3, ...GITHUB, "--pipeline-environment", "prod:eu"],
      "--pipeline-environment:",
    ],
    [
      "the pipeline role as a deploy role",
      [...SE4, "--provider-role", ROLE, ...S3, ...GITHUB, "--pipeline-role", ROLE],
      "--pipeline-role: is arn:aws:iam::999988887777:role/NetworkDeployer, a role the stacks assume",
    ],
    [
      "Organizations' admin role as a deploy role",
      [
        "--blueprint",
        "endpoint-hub@2",
        "--region",
        "us-east-1",
        "--services",
        "ssm",
        "--provider-role",
        ROLE,
        "--spokes",
        SPOKE,
        "--spoke-role-name",
        "OrganizationAccountAccessRole",
        ...S3,
        ...GITHUB,
      ],
      "--pipeline: is github, and stack spoke-vpc-0a1b2c3d4e5f60711 assumes arn:aws:iam::111122223333:role/OrganizationAccountAccessRole",
    ],
    [
      "a released version without the question",
      ["--blueprint", "service-endpoints@3", "--provider-role", ROLE, ...S3, ...GITHUB],
      "--pipeline: is not used by service-endpoints@3 (it is asked by service-endpoints@4, endpoint-service@3, endpoint-hub@2)",
    ],
  ])("GIVEN %s THEN exit 2 and the message names it", (_what, args, message) => {
    const dir = join(tmp("pipeline-refusal"), "proj");
    const result = runCli([dir, "--yes", ...args]);
    expect([result.code, result.stdout]).toEqual([2, ""]);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(dir)).toBe(false);
  });
});

describe("--github-repository in the immutable form GitHub gives newer repositories", () => {
  test("GIVEN owner@id/name@id THEN the trust names the IDs, and the bootstrap README's gh commands the plain path", async () => {
    const resolved = await resolveAnswers(
      {
        flags: {
          blueprint: "service-endpoints@4",
          projectName: "ids",
          providerRoleArn: ROLE,
          backend: "s3",
          backendBucket: "tf-state",
          pipeline: "github",
          githubRepository: "example-org@123456/network@789012",
        },
      },
      { yes: true },
    );
    const files = planProject(resolved).files;
    const bootstrap = JSON.parse(files.find((f) => f.path === "bootstrap/999988887777/main.tf.json")!.content);
    expect(bootstrap.resource.aws_iam_role.pipeline.assume_role_policy).toContain(
      "repo:example-org@123456/network@789012:environment:production:ref:refs/heads/main",
    );
    const readme = files.find((f) => f.path === "bootstrap/README.md")!.content;
    expect(readme).toContain("gh api --method PUT repos/example-org/network/actions/oidc/customization/sub");
  });
});
