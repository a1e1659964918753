import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import { TYPE_ACTIONS } from "../../blueprints/pipeline/facts/terraform-actions";
import { type DeployRole, deployRoles, pipelinePolicy, pipelineSubjects, ROLE_POLICY_LIMIT } from "../../generator/pipeline/policies";
import { synthFacts } from "../../generator/pipeline/stack-facts";
import { ALL_FIXTURES } from "../fixtures";
import { PIPELINE_FIXTURES } from "../fixtures/pipeline";
import { fixtureAnswers } from "../support/synth";

type Decision = "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied";

interface Bootstrap {
  resource: {
    aws_iam_role: Record<string, { name: string; assume_role_policy: string }>;
    aws_iam_role_policy: Record<string, { policy: string }>;
  };
}

const bootstrapOf = (fixture: string, account: string) =>
  JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", fixture, "bootstrap", account, "main.tf.json"), "utf8")) as Bootstrap;

/** The role's identity policy alone decides (no SCP, no resource policy): what the role itself may do. */
async function decide(
  policy: string,
  principal: string,
  action: string,
  context: Record<string, string>,
  resource = "*",
): Promise<Decision> {
  const simulation: Simulation = {
    request: { principal, action, resource: { resource, accountId: principal.split(":")[4] }, contextVariables: context },
    identityPolicies: [{ name: "deploy", policy: JSON.parse(policy) }],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
  const response = await runSimulation(simulation, {});
  if (response.resultType === "error") throw new Error(`${action}: ${JSON.stringify(response.errors)}`);
  return (response as { overallResult: Decision }).overallResult;
}

/** IAM administration and other services' writes: what no deploy role may do, whatever its stacks hold. */
const NEVER = [
  "iam:CreateRole",
  "iam:PutRolePolicy",
  "iam:AttachRolePolicy",
  "iam:UpdateAssumeRolePolicy",
  "iam:PassRole",
  "iam:CreateUser",
  "iam:CreateAccessKey",
  "iam:CreatePolicyVersion",
  "iam:DeleteRolePermissionsBoundary",
  "sts:AssumeRole",
  "ec2:RunInstances",
  "ec2:CreateVpcPeeringConnection",
  "ec2:CreateInternetGateway",
  "s3:PutBucketPolicy",
  "kms:CreateGrant",
  "organizations:LeaveOrganization",
];

describe.each(PIPELINE_FIXTURES.map((f) => [f.name, f] as const))("%s: deploy roles through the IAM simulator", (name, fixture) => {
  let roles: DeployRole[];
  beforeAll(async () => {
    roles = deployRoles(synthFacts(await fixtureAnswers(fixture)).stacks);
  });

  test("GIVEN each deploy role THEN every action Terraform needs for its resource types is allowed in its stacks' regions, and nowhere else", async () => {
    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles) {
      const bootstrap = bootstrapOf(name, role.accountId);
      const key = Object.keys(bootstrap.resource.aws_iam_role).find((k) => bootstrap.resource.aws_iam_role[k].name === role.name)!;
      const policy = bootstrap.resource.aws_iam_role_policy[key].policy;
      const principal = `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/create-privatelink`;
      const needs = role.types.map((type) => TYPE_ACTIONS[type]);
      const region = role.regions[0];
      const denied: string[] = [];
      for (const action of new Set(needs.flatMap((n) => n.regional))) {
        if ((await decide(policy, principal, action, { "aws:RequestedRegion": region })) !== "Allowed")
          denied.push(`${action} in ${region}`);
        if ((await decide(policy, principal, action, { "aws:RequestedRegion": "ap-south-2" })) === "Allowed")
          denied.push(`${action} allowed in ap-south-2`);
      }
      for (const action of new Set(needs.flatMap((n) => n.global ?? [])))
        if ((await decide(policy, principal, action, { "aws:RequestedRegion": "us-east-1" })) !== "Allowed") denied.push(action);
      for (const service of new Set(needs.flatMap((n) => n.serviceLinkedRoles ?? [])))
        if ((await decide(policy, principal, "iam:CreateServiceLinkedRole", { "iam:AWSServiceName": service })) !== "Allowed")
          denied.push(service);
      if ((await decide(policy, principal, "ec2:DescribeVpcs", { "aws:RequestedRegion": region })) !== "Allowed") denied.push("reads");
      expect([role.roleArn, denied]).toEqual([role.roleArn, []]);
    }
  }, 120_000);

  test("GIVEN each deploy role THEN IAM administration, other services' writes and other service-linked roles are denied", async () => {
    for (const role of roles) {
      const bootstrap = bootstrapOf(name, role.accountId);
      const key = Object.keys(bootstrap.resource.aws_iam_role).find((k) => bootstrap.resource.aws_iam_role[k].name === role.name)!;
      const policy = bootstrap.resource.aws_iam_role_policy[key].policy;
      const principal = `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/create-privatelink`;
      const allowed: string[] = [];
      for (const action of NEVER)
        if ((await decide(policy, principal, action, { "aws:RequestedRegion": role.regions[0] })) === "Allowed") allowed.push(action);
      if ((await decide(policy, principal, "iam:CreateServiceLinkedRole", { "iam:AWSServiceName": "rds.amazonaws.com" })) === "Allowed")
        allowed.push("rds service-linked role");
      expect([role.roleArn, allowed]).toEqual([role.roleArn, []]);
    }
  }, 120_000);

  test("GIVEN the pipeline role THEN it assumes exactly the deploy roles and keeps state under the project's prefix, nothing else", async () => {
    const answers = fixture.answers as { pipelineRoleArn?: string; providerRoleArn: string };
    const pipelineRoleArn = answers.pipelineRoleArn ?? answers.providerRoleArn.replace(/role\/.*/, "role/create-privatelink-pipeline");
    const bootstrap = bootstrapOf(name, pipelineRoleArn.split(":")[4]);
    const policy = bootstrap.resource.aws_iam_role_policy.pipeline.policy;
    const principal = pipelineRoleArn.replace(":iam::", ":sts::").replace(":role/", ":assumed-role/").concat("/GitHubActions");
    for (const role of roles)
      expect([role.roleArn, await decide(policy, principal, "sts:AssumeRole", {}, role.roleArn)]).toEqual([role.roleArn, "Allowed"]);
    const other = `arn:aws:iam::${roles[0].accountId}:role/OrganizationAccountAccessRole`;
    expect(await decide(policy, principal, "sts:AssumeRole", {}, other)).toBe("ImplicitlyDenied");
    const state = `arn:aws:s3:::network-terraform-state/${name}/provider.tfstate`;
    expect(await decide(policy, principal, "s3:PutObject", {}, state)).toBe("Allowed");
    expect(await decide(policy, principal, "s3:PutObject", {}, "arn:aws:s3:::network-terraform-state/other-project/x.tfstate")).toBe(
      "ImplicitlyDenied",
    );
    expect(await decide(policy, principal, "s3:GetObject", {}, "arn:aws:s3:::another-bucket/x")).toBe("ImplicitlyDenied");
    for (const action of ["iam:CreateRole", "ec2:CreateVpc", "iam:PassRole"])
      expect([action, await decide(policy, principal, action, {})]).toEqual([action, "ImplicitlyDenied"]);
  }, 120_000);

  test("GIVEN the trust policies THEN the pipeline role trusts the repository's apply environment on its branch and its pull requests; each deploy role only the pipeline role", () => {
    const answers = fixture.answers as Record<string, string>;
    const pipelineRoleArn = answers.pipelineRoleArn ?? answers.providerRoleArn.replace(/role\/.*/, "role/create-privatelink-pipeline");
    const pipelineAccount = pipelineRoleArn.split(":")[4];
    const trust = JSON.parse(bootstrapOf(name, pipelineAccount).resource.aws_iam_role.pipeline.assume_role_policy);
    const subjects = pipelineSubjects({
      repository: answers.githubRepository,
      branch: answers.pipelineBranch ?? "main",
      environment: answers.pipelineEnvironment ?? "production",
    });
    expect(trust.Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Federated: "${aws_iam_openid_connect_provider.github.arn}" },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
          StringLike: { "token.actions.githubusercontent.com:sub": subjects },
        },
      },
    ]);
    expect(subjects[0]).toBe(
      `repo:example-org/network:environment:${answers.pipelineEnvironment ?? "production"}:ref:refs/heads/${answers.pipelineBranch ?? "main"}`,
    );
    for (const role of roles) {
      const doc = JSON.parse(
        Object.values(bootstrapOf(name, role.accountId).resource.aws_iam_role).find((r) => r.name === role.name)!.assume_role_policy,
      );
      const principal = role.accountId === pipelineAccount ? "${aws_iam_role.pipeline.arn}" : pipelineRoleArn;
      expect(doc.Statement).toEqual([
        {
          Effect: "Allow",
          Principal: { AWS: principal },
          Action: "sts:AssumeRole",
          ...(role.externalId ? { Condition: { StringEquals: { "sts:ExternalId": role.externalId } } } : {}),
        },
      ]);
    }
  });
});

test("GIVEN every resource type the pipeline versions synthesize in the fixtures THEN the actions table has it", async () => {
  const offered = ALL_FIXTURES.filter((f) => /^(service-endpoints@4|endpoint-service@3|endpoint-hub@2)$/.test(String(f.answers.blueprint)));
  const missing = new Set<string>();
  for (const fixture of offered) {
    for (const file of readdirStacks(fixture.name)) {
      const json = JSON.parse(readFileSync(file, "utf8")) as { resource?: Record<string, unknown> };
      for (const type of Object.keys(json.resource ?? {})) if (!TYPE_ACTIONS[type]) missing.add(type);
    }
  }
  expect(offered.length).toBeGreaterThan(10);
  expect([...missing]).toEqual([]);
});

function readdirStacks(fixture: string): string[] {
  const dir = join(__dirname, "..", "..", "examples", fixture, "cdktf.out", "stacks");
  return readdirSync(dir).map((stack) => join(dir, stack, "cdk.tf.json"));
}

describe("IAM's quotas and formats, which terraform validate does not know", () => {
  const role = (account: string, name: string): DeployRole => ({
    roleArn: `arn:aws:iam::${account}:role/${name}`,
    accountId: account,
    name,
    regions: ["us-east-2"],
    types: ["aws_vpc"],
    stacks: [`consumer-${account}`],
  });
  const state = { partition: "aws", bucket: "tf-state", key: "p/{stack}.tfstate" };
  const consumers = Array.from({ length: 1000 }, (_, i) => role(String(400000000000 + i), "PrivateLinkDeployer"));

  test("GIVEN 1,000 consumer accounts THEN the pipeline role's policy fits IAM's 10,240 characters, naming the shared role name once", async () => {
    const policy = pipelinePolicy([role("999988887777", "NetworkDeployer"), ...consumers], state);
    expect(JSON.stringify(policy).length).toBeLessThanOrEqual(ROLE_POLICY_LIMIT);
    expect(policy.Statement[0].Resource).toEqual([
      "arn:aws:iam::999988887777:role/NetworkDeployer",
      "arn:aws:iam::*:role/PrivateLinkDeployer",
    ]);
    const principal = "arn:aws:sts::999988887777:assumed-role/create-privatelink-pipeline/GitHubActions";
    const text = JSON.stringify(policy);
    expect(await decide(text, principal, "sts:AssumeRole", {}, consumers[999].roleArn)).toBe("Allowed");
    expect(await decide(text, principal, "sts:AssumeRole", {}, "arn:aws:iam::400000000001:role/OrganizationAccountAccessRole")).toBe(
      "ImplicitlyDenied",
    );
    // AND below the quota, each role is named exactly
    expect(pipelinePolicy(consumers.slice(0, 3), state).Statement[0].Resource).toEqual(consumers.slice(0, 3).map((r) => r.roleArn));
  });

  test("GIVEN 1,000 deploy roles of different names THEN generation stops, naming what to change", () => {
    const distinct = consumers.map((r, i) => role(r.accountId, `Deployer${i}`));
    expect(() => pipelinePolicy(distinct, state)).toThrow(/exceed IAM's 10240 characters .* use one deploy role name in every account/);
  });

  test.each(PIPELINE_FIXTURES.map((f) => [f.name] as const))(
    "GIVEN %s's bootstrap THEN role names, descriptions, policies and trust policies are what IAM accepts",
    (name) => {
      const root = join(__dirname, "..", "..", "examples", name, "bootstrap");
      for (const account of readdirSync(root).filter((entry) => /^\d{12}$/.test(entry))) {
        const { resource } = bootstrapOf(name, account);
        for (const [key, r] of Object.entries(resource.aws_iam_role)) {
          const { description } = r as unknown as { description: string };
          expect([key, /^[\w+=,.@-]{1,64}$/.test(r.name)]).toEqual([key, true]);
          expect([key, /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]{0,1000}$/.test(description)]).toEqual([key, true]);
          expect([key, r.assume_role_policy.length <= 2048]).toEqual([key, true]);
          expect([key, resource.aws_iam_role_policy[key].policy.length <= ROLE_POLICY_LIMIT]).toEqual([key, true]);
        }
      }
    },
  );
});
