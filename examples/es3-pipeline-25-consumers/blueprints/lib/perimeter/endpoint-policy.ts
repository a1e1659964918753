import { BlueprintInputError } from "../errors.ts";
import { type PartitionName, regionInfo } from "../partitions.ts";
import type { PolicyDocument, PrincipalScope } from "../policies.ts";
import { clip } from "../validate.ts";
import { AWS_OWNED_FEATURES, type AwsOwnedFeature, awsOwnedBuckets, FEATURES_BEFORE_V4 } from "./aws-owned-buckets.ts";

/**
 * Data-perimeter endpoint policies: what `scopedEndpointPolicy` (v1, v2) admits
 * — principals of your accounts or organization — plus the requests that policy
 * wrongly denies because they carry no principal of yours: reads of AWS-owned
 * buckets (ECR layers, Amazon Linux repositories, SSM Agent), unsigned STS
 * federation, unsigned calls to private APIs, AWS services acting for you.
 * The statements follow AWS's published examples
 * (aws-samples/data-perimeter-policy-examples, `vpc_endpoint_policies/`), each
 * with a Sid that says why it is there.
 *
 * Endpoints to PrivateLink endpoint services (`com.amazonaws.vpce.<region>.vpce-svc-…`)
 * take no policy: they only accept full access, and an explicit policy fails at
 * apply. Omit `policy` for them; `endpointPolicy` refuses such a name.
 */

/** The largest endpoint policy AWS accepts, in characters including white space (AWS PrivateLink quotas, not adjustable). */
export const ENDPOINT_POLICY_MAX_CHARS = 20_480;

/**
 * Which statements an endpoint's policy carries, by what its service sees:
 * `s3` (gateway or interface) AWS-owned bucket reads; `sts` unsigned federation;
 * `execute-api` unsigned calls, scoped by API rather than by caller; `default`
 * your identities only.
 */
export type PerimeterKind = "s3" | "sts" | "execute-api" | "default";

export interface EndpointPolicyInput {
  /**
   * The endpoint's service: a catalog key (`s3`, `sts`, `execute-api`, `ssm`)
   * or the full service name of an AWS service. Decides the kind of policy.
   */
  readonly service: string;
  /** Region of the endpoint, e.g. `eu-west-1`: gives the ARN partition and the AWS-owned bucket names. */
  readonly region: string;
  /**
   * Your identities: account IDs (12 digits, or a Terraform/CDKTF token such as
   * the deploying account's `aws_caller_identity`) or an organization ID.
   */
  readonly principals: PrincipalScope;
  /**
   * Actions your principals may take through the endpoint, e.g. a
   * `READ_ONLY_ACTIONS` template. Not accepted for `execute-api`.
   * @default every action
   */
  readonly actions?: readonly string[];
  /**
   * Trusted-resources perimeter: your principals only reach resources of your
   * accounts or organization (`aws:ResourceAccount` / `aws:ResourceOrgID`),
   * so data cannot be copied to someone else's bucket through the endpoint. The
   * AWS-owned exceptions still pass. The next blueprint version turns it on for S3.
   * `execute-api` needs none: its one statement is scoped by API already.
   * @default false
   */
  readonly trustedResources?: boolean;
  /**
   * Admit requests AWS services make with their service principal
   * (`aws:PrincipalIsAWSService`). AWS documents such requests through the S3
   * endpoint (CloudFormation custom resource and wait condition responses,
   * Amazon Q Developer artifacts); elsewhere they are rare, so the default is
   * conservative.
   * @default true for `s3`, false otherwise
   */
  readonly awsServicePrincipals?: boolean;
  /**
   * For `s3`: the AWS features whose AWS-owned buckets may be read.
   * @default the features before service-endpoints@4 (`FEATURES_BEFORE_V4`); @4 passes every feature
   */
  readonly awsOwnedFeatures?: readonly AwsOwnedFeature[];
}

/** A statement of an endpoint policy: always `Principal: "*"`, narrowed by conditions. */
export type EndpointPolicyStatement = {
  readonly Sid: string;
  readonly Effect: "Allow";
  readonly Principal: "*";
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
};

export interface EndpointPolicyDocument extends PolicyDocument {
  readonly Statement: readonly EndpointPolicyStatement[];
}

const VPCE_SERVICE = /(^|\.)vpce\.[a-z0-9-]+\.vpce-svc-[0-9a-f]+$/;
const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
const ACCOUNT_ID = /^\d{12}$/;
const FEDERATION = ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"];

/** The kind of policy for a catalog key or an AWS service name (`com.amazonaws.eu-west-1.s3` is `s3`). */
export function perimeterKind(service: string): PerimeterKind {
  const key = service.replace(/^(?:cn\.)?com\.amazonaws\.[a-z]{2}(?:-[a-z]+)+-\d+\./, "");
  return key === "s3" || key === "sts" || key === "execute-api" ? key : "default";
}

/** The endpoint policy for `input` (see `EndpointPolicyInput`); serialize it with `policyJson`. */
export function endpointPolicy(input: EndpointPolicyInput): EndpointPolicyDocument {
  if (VPCE_SERVICE.test(input.service)) {
    throw new BlueprintInputError(
      "service",
      `${clip(input.service)} is an endpoint service; its endpoints accept only full access: omit the policy instead`,
    );
  }
  const { partition } = regionInfo(input.region);
  const kind = perimeterKind(input.service);
  const scope = checkScope(input.principals);
  const actions = input.actions === undefined ? undefined : checkActions(input.actions, kind);
  const ctx: Context = { region: input.region, partition, scope };
  const statements: EndpointPolicyStatement[] = [];

  if (kind === "execute-api") {
    statements.push(callsToOwnApis(ctx));
  } else {
    statements.push(ownPrincipals(ctx, actions, input.trustedResources ?? false));
  }
  if (input.awsServicePrincipals ?? kind === "s3") statements.push(AWS_SERVICES_ACTING_FOR_YOU);
  if (kind === "s3") statements.push(awsOwnedBucketReads(ctx, input.awsOwnedFeatures ?? FEATURES_BEFORE_V4));
  if (kind === "sts") statements.push(federationIntoOwnRoles(ctx));
  const document: EndpointPolicyDocument = { Version: "2012-10-17", Statement: statements };
  checkSize(document, scope);
  return document;
}

interface Context {
  readonly region: string;
  readonly partition: PartitionName;
  readonly scope: PrincipalScope;
}

/** Your identities, for the listed actions, to any resource or (trusted resources) to yours only. */
function ownPrincipals(ctx: Context, actions: readonly string[] | undefined, trustedResources: boolean): EndpointPolicyStatement {
  type Keys = Record<string, string | readonly string[]>;
  const org = "organizationId" in ctx.scope;
  const principal: Keys = org ? { "aws:PrincipalOrgID": ctx.scope.organizationId } : { "aws:PrincipalAccount": [...ctx.scope.accounts] };
  const resource: Keys = org ? { "aws:ResourceOrgID": ctx.scope.organizationId } : { "aws:ResourceAccount": [...ctx.scope.accounts] };
  return {
    Sid: `AllowOwnPrincipals${actions ? "ListedActions" : ""}${trustedResources ? "ToOwnResources" : ""}`,
    Effect: "Allow",
    Principal: "*",
    Action: actions ? [...actions] : "*",
    Resource: "*",
    Condition: { StringEquals: trustedResources ? { ...principal, ...resource } : principal },
  };
}

/**
 * Requests an AWS service signs with its service principal. `aws:PrincipalIsAWSService`
 * is true only for those, and no one else can set it.
 */
const AWS_SERVICES_ACTING_FOR_YOU: EndpointPolicyStatement = {
  Sid: "AllowAwsServicesActingForYou",
  Effect: "Allow",
  Principal: "*",
  Action: "*",
  Resource: "*",
  Condition: { Bool: { "aws:PrincipalIsAWSService": "true" } },
};

/**
 * Reads of AWS-owned buckets, whoever asks: the requests are unsigned (yum/dnf,
 * SSM Agent downloads) or presigned by an AWS account (ECR layers), so no
 * principal condition can hold. Reads only: nothing can be written there.
 */
function awsOwnedBucketReads(ctx: Context, features: readonly AwsOwnedFeature[]): EndpointPolicyStatement {
  const arns = awsOwnedBuckets(ctx.region, ctx.partition, features).map((b) => b.arn);
  if (arns.length === 0) {
    throw new BlueprintInputError("awsOwnedFeatures", `is empty; expected some of ${AWS_OWNED_FEATURES.join(", ")}`);
  }
  return { Sid: "AllowReadsOfAwsOwnedBucketsForAwsFeatures", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: arns };
}

/**
 * Federation into your roles (IRSA, CI OIDC, SAML sign-in). These calls are
 * unsigned, so there is no principal to check; the role is the resource.
 */
function federationIntoOwnRoles(ctx: Context): EndpointPolicyStatement {
  const base = { Sid: "AllowFederationIntoOwnRoles", Effect: "Allow", Principal: "*", Action: FEDERATION } as const;
  if ("organizationId" in ctx.scope) {
    return { ...base, Resource: "*", Condition: { StringEquals: { "aws:ResourceOrgID": ctx.scope.organizationId } } };
  }
  return { ...base, Resource: ctx.scope.accounts.map((account) => `arn:${ctx.partition}:iam::${account}:role/*`) };
}

/**
 * Calls to private APIs of your accounts, signed or not: API Gateway evaluates a
 * call without SigV4 (no authorizer, Lambda or Cognito authorizers) as
 * anonymous, so the perimeter is the API (the resource), not the caller. The
 * API's own resource policy decides who may call it. APIs of other accounts
 * are not admitted.
 */
function callsToOwnApis(ctx: Context): EndpointPolicyStatement {
  const base = { Sid: "AllowCallsToOwnApis", Effect: "Allow", Principal: "*", Action: "execute-api:Invoke" } as const;
  const api = (account: string) => `arn:${ctx.partition}:execute-api:${ctx.region}:${account}:*`;
  if ("organizationId" in ctx.scope) {
    return { ...base, Resource: api("*"), Condition: { StringEquals: { "aws:ResourceOrgID": ctx.scope.organizationId } } };
  }
  return { ...base, Resource: ctx.scope.accounts.map(api) };
}

/** Tokens (`${…}`) stand for values known at plan time, e.g. the deploying account: they are taken as they are. */
const isToken = (value: string) => value.includes("${");

function checkScope(scope: PrincipalScope): PrincipalScope {
  if ("organizationId" in scope) {
    const id = scope.organizationId;
    if (typeof id !== "string" || !(ORGANIZATION_ID.test(id) || isToken(id))) {
      throw new BlueprintInputError(
        "principals.organizationId",
        `"${clip(String(id))}" is not an AWS Organizations ID; expected o- and 10 to 32 lowercase letters or digits`,
      );
    }
    return scope;
  }
  if (scope.accounts.length === 0) {
    throw new BlueprintInputError("principals.accounts", "is empty; pass at least one account ID, or the deploying account's token");
  }
  scope.accounts.forEach((account, i) => {
    if (typeof account !== "string" || !(ACCOUNT_ID.test(account) || isToken(account))) {
      throw new BlueprintInputError(
        `principals.accounts[${i}]`,
        `"${clip(String(account))}" is neither a 12-digit account ID nor a token such as the deploying account's`,
      );
    }
  });
  return scope;
}

/**
 * AWS refuses a policy over the quota at apply; the account lists are what grows
 * (once per statement that names them). Tokens are counted as written, which
 * for CDKTF tokens is close to the 12 digits they become.
 */
function checkSize(document: EndpointPolicyDocument, scope: PrincipalScope): void {
  const size = JSON.stringify(document).length;
  if (size > ENDPOINT_POLICY_MAX_CHARS) {
    throw new BlueprintInputError(
      "organizationId" in scope ? "actions" : "principals.accounts",
      `make a policy of ${size} characters; AWS allows ${ENDPOINT_POLICY_MAX_CHARS.toLocaleString("en-US")}: name an organization instead of many accounts, or fewer actions`,
    );
  }
}

function checkActions(actions: readonly string[], kind: PerimeterKind): readonly string[] {
  if (kind === "execute-api") {
    throw new BlueprintInputError("actions", "does not apply to execute-api: its endpoint admits execute-api:Invoke on your APIs only");
  }
  if (actions.length === 0) throw new BlueprintInputError("actions", "is empty; omit it for every action, or list some");
  actions.forEach((action, i) => {
    if (!/^[a-z0-9-]+:[A-Za-z0-9*]+$/.test(action)) {
      throw new BlueprintInputError(
        `actions[${i}]`,
        `"${clip(String(action))}" is not an IAM action; expected service:Action, e.g. s3:GetObject`,
      );
    }
  });
  return actions;
}
