import { type PartitionName, regionInfo } from "../../partitions.ts";
import { type AwsOwnedFeature, awsOwnedBuckets, FEATURES_BEFORE_V4 } from "../aws-owned-buckets.ts";
import type { PerimeterKind } from "../endpoint-policy.ts";
import { ANONYMOUS, type Decision, type SimRequest } from "./simulate.ts";

/**
 * The scenario table: for a kind of endpoint policy and the options it was
 * built with, the requests that must pass or fail through the endpoint. Run it
 * over any policy, e.g. every fixture's synthesized `aws_vpc_endpoint.policy`:
 *
 *   for (const s of scenariosFor(perimeterKind(key), { region, accounts: ["111122223333"] }))
 *     expect([s.name, await simulate(bindTokens(policy, TOKENS), s.request)]).toEqual([s.name, s.expected]);
 */

export interface Scenario {
  /** Says who asks what of whom, e.g. `unsigned read of AWS-owned amazon-ssm-eu-west-1`. */
  readonly name: string;
  readonly request: SimRequest;
  readonly expected: Decision;
}

/** How the policy under test was built (mirrors `EndpointPolicyInput`); exactly one of `accounts`, `organizationId`. */
export interface ScenarioOptions {
  readonly region: string;
  /** @default the region's partition */
  readonly partition?: PartitionName;
  /** Your accounts, as literals (for the deploying-account token, the literal it is bound to). */
  readonly accounts?: readonly string[];
  readonly organizationId?: string;
  /** Catalog key whose sample request the identity scenarios use. @default `s3` / `sts` for those kinds, else `ssm` */
  readonly service?: string;
  /** The `actions` the policy was built with. @default every action */
  readonly actions?: readonly string[];
  /** @default false */
  readonly trustedResources?: boolean;
  /** @default true for `s3`, false otherwise */
  readonly awsServicePrincipals?: boolean;
  /** @default the features an `endpointPolicy` gets without `awsOwnedFeatures` (`FEATURES_BEFORE_V4`) */
  readonly awsOwnedFeatures?: readonly AwsOwnedFeature[];
  /** An `ssm` policy in a VPC with the SSM Agent's other endpoints (ssmmessages, ec2messages): the agent must register. @default false */
  readonly ssmAgent?: boolean;
}

/** What the SSM Agent calls on the ssm endpoint to register and run (AmazonSSMManagedInstanceCore). */
export const SSM_AGENT_CALLS = [
  "ssm:UpdateInstanceInformation",
  "ssm:ListAssociations",
  "ssm:GetDocument",
  "ssm:UpdateInstanceAssociationStatus",
  "ssm:PutInventory",
];

/** A member account of the organization under test, when the policy names an organization. */
export const ORG_MEMBER_ACCOUNT = "111122223333";
export const FOREIGN_ACCOUNT = "999988887777";
export const FOREIGN_ORG = "o-9z8y7x6w5v4u";
/** Stands for the AWS-owned accounts behind ECR layers, repositories and agents. */
export const AWS_OWNED_ACCOUNT = "000011112222";
const AWS_OWNED_ORG = "o-0aws0owned0";
const NETWORK = { "aws:SourceVpce": "vpce-0a1b2c3d4e5f60718", "aws:SourceVpc": "vpc-0a1b2c3d4e5f60718" };

interface Party {
  readonly account: string;
  readonly org?: string;
}
type Sample = (p: PartitionName, region: string, account: string) => { readonly action: string; readonly resource: string };
interface Samples {
  readonly read: Sample;
  readonly write?: Sample;
}

/** A read and a write of each service with a read-only template (plus STS), on a resource of `account`. */
const SAMPLES: Readonly<Record<string, Samples>> = {
  s3: {
    read: (p, _r, a) => ({ action: "s3:GetObject", resource: `arn:${p}:s3:::data-${a}/report.csv` }),
    write: (p, _r, a) => ({ action: "s3:PutObject", resource: `arn:${p}:s3:::data-${a}/report.csv` }),
  },
  dynamodb: {
    read: (p, r, a) => ({ action: "dynamodb:GetItem", resource: `arn:${p}:dynamodb:${r}:${a}:table/orders` }),
    write: (p, r, a) => ({ action: "dynamodb:PutItem", resource: `arn:${p}:dynamodb:${r}:${a}:table/orders` }),
  },
  "ecr.api": {
    read: (p, r, a) => ({ action: "ecr:BatchGetImage", resource: `arn:${p}:ecr:${r}:${a}:repository/app` }),
    write: (p, r, a) => ({ action: "ecr:PutImage", resource: `arn:${p}:ecr:${r}:${a}:repository/app` }),
  },
  secretsmanager: {
    read: (p, r, a) => ({ action: "secretsmanager:GetSecretValue", resource: `arn:${p}:secretsmanager:${r}:${a}:secret:db-AbCdEf` }),
    write: (p, r, a) => ({ action: "secretsmanager:PutSecretValue", resource: `arn:${p}:secretsmanager:${r}:${a}:secret:db-AbCdEf` }),
  },
  ssm: {
    read: (p, r, a) => ({ action: "ssm:GetParameter", resource: `arn:${p}:ssm:${r}:${a}:parameter/app/config` }),
    write: (p, r, a) => ({ action: "ssm:PutParameter", resource: `arn:${p}:ssm:${r}:${a}:parameter/app/config` }),
  },
  sts: { read: (p, _r, a) => ({ action: "sts:AssumeRole", resource: `arn:${p}:iam::${a}:role/app` }) },
};
const sampleFor = (service: string): Samples => SAMPLES[service === "ecr.dkr" ? "ecr.api" : service] ?? SAMPLES.ssm;

const principalContext = (p: PartitionName, who: Party) => ({
  "aws:PrincipalAccount": who.account,
  "aws:PrincipalArn": `arn:${p}:iam::${who.account}:role/app`,
  "aws:PrincipalIsAWSService": "false",
  ...(who.org ? { "aws:PrincipalOrgID": who.org } : {}),
});
const resourceContext = (owner: Party) => ({
  "aws:ResourceAccount": owner.account,
  ...(owner.org ? { "aws:ResourceOrgID": owner.org } : {}),
});

/** A request by `who` (a party, `ANONYMOUS`, or a service principal name) on a resource of `owner`. */
function request(p: PartitionName, who: Party | string, owner: Party, target: { action: string; resource: string }): SimRequest {
  const context =
    typeof who !== "string"
      ? { ...principalContext(p, who), ...resourceContext(owner), ...NETWORK }
      : who === ANONYMOUS
        ? { ...resourceContext(owner), ...NETWORK }
        : { "aws:PrincipalIsAWSService": "true", "aws:PrincipalServiceName": who, ...resourceContext(owner), ...NETWORK };
  const principal = typeof who === "string" ? who : `arn:${p}:sts::${who.account}:assumed-role/app/session`;
  return { ...target, principal, resourceAccount: owner.account, context };
}

/** Every scenario for a policy of `kind` built with `options`. */
export function scenariosFor(kind: PerimeterKind, options: ScenarioOptions): Scenario[] {
  const p = options.partition ?? regionInfo(options.region).partition;
  const region = options.region;
  const own: Party[] = options.organizationId
    ? [{ account: ORG_MEMBER_ACCOUNT, org: options.organizationId }]
    : (options.accounts ?? []).map((account) => ({ account }));
  if (own.length === 0) throw new Error("scenariosFor: pass accounts or organizationId");
  if (own.some((o) => o.account === FOREIGN_ACCOUNT)) throw new Error(`scenariosFor: ${FOREIGN_ACCOUNT} stands for a foreign account`);
  const foreign: Party = { account: FOREIGN_ACCOUNT, org: FOREIGN_ORG };
  const aws: Party = { account: AWS_OWNED_ACCOUNT, org: AWS_OWNED_ORG };
  const me = own[0];
  const out: Scenario[] = [];
  const add = (name: string, req: SimRequest, expected: Decision) => out.push({ name, request: req, expected });

  if (kind === "execute-api") {
    const api = (owner: Party) => ({
      action: "execute-api:Invoke",
      resource: `arn:${p}:execute-api:${region}:${owner.account}:a1b2c3d4e5/prod/GET/items`,
    });
    for (const o of own) add(`unsigned call to an API of ${o.account}`, request(p, ANONYMOUS, o, api(o)), "Allowed");
    add("own principal's signed call to an own API", request(p, me, me, api(me)), "Allowed");
    add("foreign principal's signed call to an own API (the API's resource policy decides)", request(p, foreign, me, api(me)), "Allowed");
    add("unsigned call to a foreign API", request(p, ANONYMOUS, foreign, api(foreign)), "ImplicitlyDenied");
    add("own principal's call to a foreign API", request(p, me, foreign, api(foreign)), "ImplicitlyDenied");
    return out;
  }

  const samples = sampleFor(options.service ?? (kind === "default" ? "ssm" : kind));
  const read = (owner: Party) => samples.read(p, region, owner.account);
  if (options.actions && !options.actions.includes(read(me).action)) {
    throw new Error(`scenariosFor: the sample read ${read(me).action} is not among actions; pass \`service\``);
  }
  for (const o of own) add(`own principal of ${o.account}: ${read(o).action} on an own resource`, request(p, o, o, read(o)), "Allowed");
  add(`foreign principal: ${read(me).action} on an own resource`, request(p, foreign, me, read(me)), "ImplicitlyDenied");
  add(`foreign principal: ${read(me).action} on a foreign resource`, request(p, foreign, foreign, read(foreign)), "ImplicitlyDenied");
  add(
    `own principal: ${read(me).action} on a foreign resource`,
    request(p, me, foreign, read(foreign)),
    options.trustedResources ? "ImplicitlyDenied" : "Allowed",
  );
  const write = samples.write?.(p, region, me.account);
  if (options.actions && write)
    add(`own principal: ${write.action} outside the listed actions`, request(p, me, me, write), "ImplicitlyDenied");
  add(`unsigned request: ${read(me).action} on an own resource`, request(p, ANONYMOUS, me, read(me)), "ImplicitlyDenied");

  const services = options.awsServicePrincipals ?? kind === "s3";
  const serviceTarget =
    kind === "s3"
      ? { action: "s3:PutObject", resource: `arn:${p}:s3:::cloudformation-custom-resource-response-${region.replaceAll("-", "")}/r` }
      : read(me);
  add(
    `AWS service principal: ${serviceTarget.action} on ${kind === "s3" ? "a CloudFormation response bucket" : "an own resource"}`,
    request(p, "cloudformation.amazonaws.com", kind === "s3" ? aws : me, serviceTarget),
    services ? "Allowed" : "ImplicitlyDenied",
  );

  if (kind === "s3") {
    const put = (owner: Party) => ({ action: "s3:PutObject", resource: `arn:${p}:s3:::data-${owner.account}/copy.csv` });
    add(
      `own principal: s3:PutObject to a foreign bucket`,
      request(p, me, foreign, put(foreign)),
      options.trustedResources || options.actions ? "ImplicitlyDenied" : "Allowed",
    );
    out.push(...awsOwnedBucketScenarios(p, region, me, foreign, aws, options));
  }
  if (options.ssmAgent) {
    // each call on the resource type the IAM reference gives it (ListAssociations and PutInventory take only `*`)
    const instance = `arn:${p}:ec2:${region}:${me.account}:instance/i-0a1b2c3d4e5f60718`;
    const on: Readonly<Record<string, string>> = {
      "ssm:ListAssociations": "*",
      "ssm:PutInventory": "*",
      "ssm:GetDocument": `arn:${p}:ssm:${region}:${me.account}:document/app-runbook`,
    };
    for (const action of SSM_AGENT_CALLS)
      add(`SSM Agent of an own instance: ${action}`, request(p, me, me, { action, resource: on[action] ?? instance }), "Allowed");
  }
  if (kind === "sts") {
    for (const action of ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"]) {
      const role = (owner: Party) => ({ action, resource: `arn:${p}:iam::${owner.account}:role/federated` });
      for (const o of own) add(`unsigned ${action} into a role of ${o.account}`, request(p, ANONYMOUS, o, role(o)), "Allowed");
      add(`unsigned ${action} into a foreign role`, request(p, ANONYMOUS, foreign, role(foreign)), "ImplicitlyDenied");
    }
  }
  return out;
}

function awsOwnedBucketScenarios(
  p: PartitionName,
  region: string,
  me: Party,
  foreign: Party,
  aws: Party,
  options: ScenarioOptions,
): Scenario[] {
  const out: Scenario[] = [];
  const add = (name: string, req: SimRequest, expected: Decision) => out.push({ name, request: req, expected });
  const features = options.awsOwnedFeatures ?? FEATURES_BEFORE_V4;
  const ownMayWrite = !options.trustedResources && !options.actions;
  for (const bucket of awsOwnedBuckets(region, p, features)) {
    const object = bucket.arn.replace(/\*$/, "object");
    const get = { action: "s3:GetObject", resource: object };
    const put = { action: "s3:PutObject", resource: object };
    add(`unsigned read of AWS-owned ${bucket.bucketName}`, request(p, ANONYMOUS, aws, get), "Allowed");
    add(`own principal's read of AWS-owned ${bucket.bucketName}`, request(p, me, aws, get), "Allowed");
    add(`foreign principal's read of AWS-owned ${bucket.bucketName}`, request(p, foreign, aws, get), "Allowed");
    add(`unsigned write to AWS-owned ${bucket.bucketName}`, request(p, ANONYMOUS, aws, put), "ImplicitlyDenied");
    // Without a resource perimeter, your principals may write anywhere (the bucket's own policy refuses).
    add(`own principal's write to AWS-owned ${bucket.bucketName}`, request(p, me, aws, put), ownMayWrite ? "Allowed" : "ImplicitlyDenied");
  }
  const other = region === "us-west-2" ? "us-east-2" : "us-west-2";
  const elsewhere = { action: "s3:GetObject", resource: `arn:${p}:s3:::prod-${other}-starport-layer-bucket/layer` };
  add(`unsigned read of another region's layer bucket (prod-${other}-…)`, request(p, ANONYMOUS, aws, elsewhere), "ImplicitlyDenied");
  const assets = awsOwnedBuckets(region, p, ["codeartifact"]).filter(() => features.includes("codeartifact"));
  for (const b of assets) {
    const download = { action: "s3:GetObject", resource: b.arn.replace(/\*$/, "asset/package.jar") };
    add(`CodeArtifact asset download presigned by CodeArtifact (${b.bucketName})`, request(p, aws, aws, download), "Allowed");
  }
  if (features.includes("ecr")) {
    const layer = { action: "s3:GetObject", resource: `arn:${p}:s3:::prod-${region}-starport-layer-bucket/sha256-layer` };
    add("ECR layer read presigned by an AWS-owned account", request(p, aws, aws, layer), "Allowed");
  }
  return out;
}
