import { BlueprintInputError } from "../../blueprints/lib/errors";
import { SERVICE_READS, TYPE_ACTIONS } from "../../blueprints/pipeline/facts/terraform-actions";
import type { StackFacts } from "./stack-facts";

/** An IAM policy document, as the bootstrap writes it. */
export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly Record<string, unknown>[];
}

/** One deploy role: every stack provider that assumes it, merged. */
export interface DeployRole {
  readonly roleArn: string;
  readonly accountId: string;
  readonly name: string;
  readonly externalId?: string;
  /** Regions its stacks deploy in, sorted. */
  readonly regions: readonly string[];
  /** Resource types its stacks manage through it, sorted. */
  readonly types: readonly string[];
  readonly stacks: readonly string[];
}

/** Roles that exist before any bootstrap, with more than a stack needs: the pipeline never assumes them. */
const NOT_DEPLOY_ROLES = [/^OrganizationAccountAccessRole$/, /^AWSControlTowerExecution$/, /^AWSReservedSSO_/, /^AWSServiceRole/];

/** The deploy roles the stacks' providers assume, in the order stacks first name them. */
export function deployRoles(stacks: readonly StackFacts[]): DeployRole[] {
  const roles = new Map<string, { externalId?: string; regions: Set<string>; types: Set<string>; stacks: string[] }>();
  for (const stack of stacks) {
    for (const use of stack.roles) {
      const role = roles.get(use.roleArn) ?? { externalId: use.externalId, regions: new Set(), types: new Set(), stacks: [] };
      if (role.externalId !== use.externalId)
        throw new Error(`stack ${stack.id} assumes ${use.roleArn} with another external ID than the stacks before it`);
      role.regions.add(use.region);
      for (const type of use.types) role.types.add(type);
      if (!role.stacks.includes(stack.id)) role.stacks.push(stack.id);
      roles.set(use.roleArn, role);
    }
  }
  return [...roles].map(([roleArn, role]) => {
    const [, , , , accountId, resource] = roleArn.split(":");
    const name = resource.slice(resource.lastIndexOf("/") + 1);
    if (NOT_DEPLOY_ROLES.some((pattern) => pattern.test(name)))
      throw new BlueprintInputError(
        "pipeline",
        `is github, and stack ${role.stacks[0]} assumes ${roleArn}; the bootstrap creates each deploy role with only what its stacks need, and ${name} is a role AWS or your organization already has, with far more: name a role of your own (--provider-role, --consumer-role-name or --spoke-role-name, e.g. PrivateLinkDeployer)`,
      );
    return {
      roleArn,
      accountId,
      name,
      ...(role.externalId ? { externalId: role.externalId } : {}),
      regions: [...role.regions].sort(),
      types: [...role.types].sort(),
      stacks: role.stacks,
    };
  });
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
const serviceOf = (action: string) => action.slice(0, action.indexOf(":"));

/**
 * A deploy role's permissions: reads of the services its types belong to; the regional writes of its types in
 * its stacks' regions only (`aws:RequestedRegion`); Route 53's global writes; and the service-linked roles the
 * first create makes, by service name. No other IAM action, so the role cannot grant itself more.
 */
export function deployPolicy(role: DeployRole): PolicyDocument {
  const needs = role.types.map((type) => {
    const actions = TYPE_ACTIONS[type];
    if (!actions) throw new Error(`no deploy-role actions for ${type} (blueprints/pipeline/facts/terraform-actions.ts)`);
    return actions;
  });
  const regional = sorted(needs.flatMap((n) => n.regional));
  const global = sorted(needs.flatMap((n) => n.global ?? []));
  const linked = sorted(needs.flatMap((n) => n.serviceLinkedRoles ?? []));
  const reads = sorted([...regional, ...global].map(serviceOf).flatMap((service) => SERVICE_READS[service] ?? []));
  const statements: Record<string, unknown>[] = [
    { Sid: "Read", Effect: "Allow", Action: reads, Resource: "*" },
    {
      Sid: "WriteInStackRegions",
      Effect: "Allow",
      Action: regional,
      Resource: "*",
      Condition: { StringEquals: { "aws:RequestedRegion": role.regions } },
    },
  ];
  if (global.length > 0) statements.push({ Sid: "WriteRoute53", Effect: "Allow", Action: global, Resource: "*" });
  if (linked.length > 0)
    statements.push({
      Sid: "CreateServiceLinkedRoles",
      Effect: "Allow",
      Action: "iam:CreateServiceLinkedRole",
      Resource: "*",
      Condition: { StringEquals: { "iam:AWSServiceName": linked } },
    });
  return { Version: "2012-10-17", Statement: statements };
}

/** A deploy role trusts the pipeline role alone (and the stacks' external ID, where they pass one). */
export function deployTrust(role: DeployRole, pipelineRoleArn: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: pipelineRoleArn },
        Action: "sts:AssumeRole",
        ...(role.externalId ? { Condition: { StringEquals: { "sts:ExternalId": role.externalId } } } : {}),
      },
    ],
  };
}

/** GitHub's OIDC issuer, and the audience configure-aws-credentials asks for. */
export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
export const GITHUB_OIDC_AUDIENCE = "sts.amazonaws.com";

/** What the pipeline role trusts: its repository's tokens, from the apply's environment on its branch, and from pull requests. */
export interface PipelineTrust {
  readonly repository: string;
  readonly branch: string;
  readonly environment: string;
}

/**
 * The `sub` claims the pipeline role accepts, in the form a repository gives after its subject template includes
 * `repo`, `context` and `ref` (the bootstrap README's first step): the apply job runs in the environment, on the
 * branch; the plan job on a pull request's merge ref. Nothing else of the repository (other branches, tags,
 * workflow_dispatch) gets a session.
 */
export function pipelineSubjects(trust: PipelineTrust): string[] {
  return [
    `repo:${trust.repository}:environment:${trust.environment}:ref:refs/heads/${trust.branch}`,
    `repo:${trust.repository}:pull_request:ref:refs/pull/*/merge`,
  ];
}

export function pipelineTrustPolicy(oidcProviderArn: string, trust: PipelineTrust): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: oidcProviderArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_OIDC_AUDIENCE },
          StringLike: { [`${GITHUB_OIDC_HOST}:sub`]: pipelineSubjects(trust) },
        },
      },
    ],
  };
}

/** The state the pipeline reads and writes: the backend's bucket, under the key's prefix before `{stack}`. */
export interface StateLocation {
  readonly partition: string;
  readonly bucket: string;
  readonly key: string;
}

/** IAM's quota on a role's inline policies, all together: 10,240 characters, whitespace not counted (ours has none). */
export const ROLE_POLICY_LIMIT = 10_240;

/**
 * The pipeline role assumes the deploy roles and keeps the stacks' state; nothing else. The deploy roles are listed
 * one by one while that fits IAM's quota; past it (hundreds of accounts), a role name shared by several accounts is
 * named once for any account (`arn:aws:iam::*:role/PrivateLinkDeployer`): each of those roles trusts only this one.
 */
export function pipelinePolicy(roles: readonly DeployRole[], state: StateLocation): PolicyDocument {
  const prefix = state.key.includes("{stack}") ? state.key.slice(0, state.key.indexOf("{stack}")) : state.key;
  const bucket = `arn:${state.partition}:s3:::${state.bucket}`;
  const policy = (assumable: readonly string[]): PolicyDocument => ({
    Version: "2012-10-17",
    Statement: [
      { Sid: "AssumeDeployRoles", Effect: "Allow", Action: "sts:AssumeRole", Resource: assumable },
      { Sid: "ListState", Effect: "Allow", Action: "s3:ListBucket", Resource: bucket },
      { Sid: "State", Effect: "Allow", Action: ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"], Resource: `${bucket}/${prefix}*` },
    ],
  });
  const exact = policy(roles.map((r) => r.roleArn));
  if (JSON.stringify(exact).length <= ROLE_POLICY_LIMIT) return exact;
  const accountsOf = new Map<string, string[]>();
  for (const role of roles) accountsOf.set(role.name, [...(accountsOf.get(role.name) ?? []), role.roleArn]);
  const byName = policy(
    [...accountsOf].flatMap(([name, arns]) => (arns.length === 1 ? arns : [`arn:${state.partition}:iam::*:role/${name}`])),
  );
  if (JSON.stringify(byName).length > ROLE_POLICY_LIMIT)
    throw new BlueprintInputError(
      "pipeline",
      `is github, and the pipeline role's policy would exceed IAM's ${ROLE_POLICY_LIMIT} characters even naming each deploy role once: use one deploy role name in every account (--consumer-role-name, --spoke-role-name)`,
    );
  return byName;
}

/** Every deploy role's policy fits IAM's quota, or generation stops: AWS would refuse it at apply. */
export function checkPolicySize(role: DeployRole, policy: PolicyDocument): PolicyDocument {
  const size = JSON.stringify(policy).length;
  if (size > ROLE_POLICY_LIMIT)
    throw new Error(`the deploy policy of ${role.roleArn} has ${size} characters, more than IAM's ${ROLE_POLICY_LIMIT}`);
  return policy;
}
