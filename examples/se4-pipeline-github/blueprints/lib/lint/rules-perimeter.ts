import { admitsWithoutIdentity, someResourceOf } from "./grants.ts";
import { type LintDocument, type Rule, resources } from "./model.ts";
import { readPolicy, type Statement } from "./policy.ts";

type Result = ReturnType<Rule["check"]>;

/** An AWS service's endpoint name, `com.amazonaws.<region>.<service>` (China: `cn.com.amazonaws.…`), as region and service. */
export function awsService(name: unknown): { region: string; service: string } | undefined {
  if (typeof name !== "string") return undefined;
  const match = /^(?:cn\.)?com\.amazonaws\.([a-z]{2}(?:-[a-z]+)+-\d+)\.([a-z0-9.-]+)$/.exec(name);
  return match ? { region: match[1], service: match[2] } : undefined;
}

/** Endpoints to one AWS service whose policy is a literal document, with their region and statements. */
export function policiesOf(doc: LintDocument, service: string): { address: string; region: string; statements: readonly Statement[] }[] {
  return resources(doc, "aws_vpc_endpoint").flatMap((r) => {
    const target = awsService(r.body.service_name);
    if (target?.service !== service) return [];
    const policy = readPolicy(r.body.policy, `resource.${r.address}.policy`, doc.file);
    // No policy is allow-all (PL_ENDPOINT_POLICY); an expression is unreadable (PL_POLICY_UNCHECKED).
    return policy.kind === "document" ? [{ address: r.address, region: target.region, statements: policy.statements }] : [];
  });
}

const PARTITIONS = ["aws", "aws-cn", "aws-us-gov"];
/** ECR's image layer bucket: the AWS-owned bucket every ECR pull through the endpoint reads. */
const ecrLayerObjects = (region: string) => PARTITIONS.map((p) => `arn:${p}:s3:::prod-${region}-starport-layer-bucket/layer`);
const FEDERATION = ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"];
/** Some role of some account: federation targets your roles, whose account the lint does not know. */
const ANY_ROLE = someResourceOf("iam", "role/");
const ANY_API = someResourceOf("execute-api");

/** Rules on what data-perimeter endpoint policies must still let through (advisories PL-2026-001 to 003). */
export const PERIMETER_RULES: readonly Rule[] = [
  {
    id: "PL_S3_AWS_OWNED_READS",
    title: "S3 endpoint policies admit reads of AWS-owned buckets",
    why: "ECR image layers, Amazon Linux repositories and SSM Agent content live in S3 buckets AWS owns, read with presigned URLs or unsigned requests that carry none of your principals: a policy whose every Allow statement requires your account or organization (or your resources) denies them, and image pulls, yum/dnf and SSM Agent break.",
    fix: 'Add a statement like AllowReadsOfAwsOwnedBucketsForAwsFeatures: Allow, Principal "*", Action s3:GetObject on arn:<partition>:s3:::prod-<region>-starport-layer-bucket/* and the other AWS-owned buckets you use, with no principal condition (service-endpoints@3 does; `create-privatelink upgrade`).',
    check: (doc) =>
      policiesOf(doc, "s3")
        .filter((e) => !admitsWithoutIdentity(e.statements, "s3:GetObject", ecrLayerObjects(e.region), "caller-or-owner"))
        .map((e) => ({
          resource: e.address,
          message: `no Allow statement lets s3:GetObject on prod-${e.region}-starport-layer-bucket/* through without a principal or resource-owner condition: ECR pulls, Amazon Linux repositories and SSM Agent fail`,
        })),
  },
  {
    id: "PL_STS_FEDERATION",
    title: "STS endpoint policies admit web-identity and SAML federation",
    why: "sts:AssumeRoleWithWebIdentity and sts:AssumeRoleWithSAML are unsigned: the caller has no AWS identity yet, so a policy whose every Allow statement requires your account or organization denies them, and IRSA, CI OIDC roles and SAML sign-in break.",
    fix: 'Add a statement like AllowFederationIntoOwnRoles: Allow, Principal "*", Action sts:AssumeRoleWithWebIdentity and sts:AssumeRoleWithSAML on arn:<partition>:iam::<your account>:role/*, with no principal condition (service-endpoints@3 does; `create-privatelink upgrade`).',
    check: (doc) =>
      policiesOf(doc, "sts").flatMap((e): Result => {
        const denied = FEDERATION.filter((action) => !admitsWithoutIdentity(e.statements, action, ANY_ROLE));
        return denied.length === 0
          ? []
          : [
              {
                resource: e.address,
                message: `${denied.join(" and ")} on a role need(s) a statement without a principal condition; none allows it`,
              },
            ];
      }),
  },
  {
    id: "PL_EXECUTE_API_UNSIGNED",
    title: "execute-api endpoint policies admit unsigned calls",
    why: "Calls to private APIs without IAM authorization are unsigned: a policy whose every Allow statement requires your account or organization denies them, and every API that uses no IAM auth (API keys, Lambda or Cognito authorizers, none) answers 403.",
    fix: 'Scope the policy by API instead of by caller, like AllowCallsToOwnApis: Allow, Principal "*", Action execute-api:Invoke on arn:<partition>:execute-api:<region>:<your account>:* (service-endpoints@3 does; `create-privatelink upgrade`).',
    check: (doc) =>
      policiesOf(doc, "execute-api")
        .filter((e) => !admitsWithoutIdentity(e.statements, "execute-api:Invoke", ANY_API))
        .map((e) => ({
          resource: e.address,
          message:
            "every Allow statement for execute-api:Invoke requires a principal (or none allows it): unsigned calls to private APIs are denied",
        })),
  },
];
