import { type LintDocument, lint } from "../../blueprints/lib/lint";

/** An S3 gateway endpoint whose policy is these statements. */
const s3Endpoint = (...statements: Record<string, unknown>[]): LintDocument => ({
  file: "cdk.tf.json",
  json: {
    resource: {
      aws_vpc_endpoint: {
        s3: {
          vpc_id: "vpc-1",
          vpc_endpoint_type: "Gateway",
          service_name: "com.amazonaws.eu-west-1.s3",
          route_table_ids: ["rtb-1"],
          policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }),
        },
      },
    },
  } as LintDocument["json"],
});
const allow = (condition: Record<string, Record<string, unknown>>, action: unknown = "*") => ({
  Sid: "Own",
  Effect: "Allow",
  Principal: "*",
  Action: action,
  Resource: "*",
  Condition: condition,
});
const findings = (doc: LintDocument) => lint([doc]).findings.filter((f) => f.rule === "PL_S3_TRUSTED_RESOURCES");

describe("PL_S3_TRUSTED_RESOURCES: the resource half of an S3 endpoint's data perimeter", () => {
  test.each([
    ["aws:PrincipalAccount", { StringEquals: { "aws:PrincipalAccount": ["111122223333"] } }],
    ["aws:PrincipalOrgID", { StringEquals: { "aws:PrincipalOrgID": "o-abc123def4" } }],
    ["aws:PrincipalOrgPaths", { "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": ["o-abc123def4/r-ab12/*"] } }],
  ])("GIVEN only your principals (%s) to any bucket THEN it is found, naming the statement", (_key, condition) => {
    const [finding] = findings(s3Endpoint(allow(condition)));
    expect(finding).toMatchObject({ resource: "aws_vpc_endpoint.s3" });
    expect(finding.message).toMatch(/^Own admits your principals to s3:PutObject on buckets of any account/);
  });

  test.each([
    [
      "your resources too (aws:ResourceAccount)",
      allow({ StringEquals: { "aws:PrincipalAccount": ["111122223333"], "aws:ResourceAccount": ["111122223333"] } }),
    ],
    [
      "your organization's resources (aws:ResourceOrgID)",
      allow({ StringEquals: { "aws:PrincipalOrgID": "o-abc123def4", "aws:ResourceOrgID": "o-abc123def4" } }),
    ],
    ["reads only", allow({ StringEquals: { "aws:PrincipalAccount": ["111122223333"] } }, ["s3:GetObject", "s3:ListBucket"])],
    ["AWS services acting for you (no identity perimeter asked for)", allow({ Bool: { "aws:PrincipalIsAWSService": "true" } })],
  ])("GIVEN %s THEN it is quiet", (_what, statement) => {
    expect(findings(s3Endpoint(statement))).toEqual([]);
  });
});
