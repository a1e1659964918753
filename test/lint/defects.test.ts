import { readdirSync } from "node:fs";
import { join } from "node:path";
import { type LintDocument, lint, RULES } from "../../blueprints/lib/lint";
import { PENDING_RULES } from "../../blueprints/lib/lint/rules-stack";
import { endpointPolicy } from "../../blueprints/lib/perimeter";
import { policyJson as documentJson } from "../../blueprints/lib/policies";
import { runCli } from "../support/cli";
import { DEFECT_FAILING, endpointTo, lockfileStack, OWN_ONLY, subnetIn } from "./defect-fixtures";
import { policyJson } from "./support";

const DEFECT_RULES = Object.keys(DEFECT_FAILING);
/** The perimeter rules' findings: an S3 policy of own principals only also lacks its resource half, PL_S3_TRUSTED_RESOURCES's (trusted-resources.test.ts). */
const rulesOf = (d: LintDocument) =>
  lint([d])
    .findings.map((f) => f.rule)
    .filter((rule) => rule !== "PL_S3_TRUSTED_RESOURCES");
const v3Policy = (service: string) =>
  documentJson(endpointPolicy({ service, region: "eu-west-1", principals: { accounts: ["111122223333"] } }));
/** The policy as service-endpoints@3 and later write it by default: S3 with trusted resources. */
const v3DefaultPolicy = (service: string) =>
  documentJson(
    endpointPolicy({ service, region: "eu-west-1", principals: { accounts: ["111122223333"] }, trustedResources: service === "s3" }),
  );

describe("rules for the known defects of service-endpoints v1/v2", () => {
  test.each(DEFECT_RULES)("GIVEN the minimal bad JSON for %s THEN it fires, and is documented in --rules", (id) => {
    expect(rulesOf(DEFECT_FAILING[id])).toContain(id);
    expect(runCli(["lint", "--rules"]).stdout).toContain(`${id}: `);
  });

  test.each(["s3", "sts", "execute-api"])("GIVEN the v3 data-perimeter policy for %s THEN no perimeter rule fires", (service) => {
    expect(rulesOf(endpointTo(service, v3Policy(service)))).toEqual([]);
    // as v3 writes it by default (S3 with trusted resources), no rule at all
    expect(lint([endpointTo(service, v3DefaultPolicy(service))]).findings).toEqual([]);
  });

  test.each([
    ["a principal-account condition", OWN_ONLY.Condition],
    ["a resource-account condition", { StringEquals: { "aws:ResourceAccount": "111122223333" } }],
    ["aws:PrincipalIsAWSService", { Bool: { "aws:PrincipalIsAWSService": "true" } }],
  ])("GIVEN the only AWS-owned-bucket read needs %s THEN PL_S3_AWS_OWNED_READS fires", (_what, Condition) => {
    const reads = {
      Effect: "Allow",
      Principal: "*",
      Action: "s3:GetObject",
      Resource: "arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*",
      Condition,
    };
    expect(rulesOf(endpointTo("s3", policyJson(OWN_ONLY, reads)))).toEqual(["PL_S3_AWS_OWNED_READS"]);
  });

  test.each([
    [
      "the ECR layer bucket with a network condition",
      { Resource: "arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*", Condition: { StringEquals: { "aws:SourceVpc": "vpc-1" } } },
    ],
    [
      'Principal {"AWS": "*"} and s3:Get*',
      { Principal: { AWS: "*" }, Action: "s3:Get*", Resource: "arn:*:s3:::prod-*-starport-layer-bucket/*" },
    ],
  ])("GIVEN a read of AWS-owned buckets through %s THEN PL_S3_AWS_OWNED_READS is quiet", (_what, extra) => {
    const reads = { Effect: "Allow", Principal: "*", Action: "s3:GetObject", ...extra };
    expect(rulesOf(endpointTo("s3", policyJson(OWN_ONLY, reads)))).toEqual([]);
  });

  test("GIVEN an STS policy that admits web identity but not SAML THEN PL_STS_FEDERATION names SAML", () => {
    const web = { Effect: "Allow", Principal: "*", Action: "sts:AssumeRoleWithWebIdentity", Resource: "arn:aws:iam::111122223333:role/*" };
    const [finding] = lint([endpointTo("sts", policyJson(OWN_ONLY, web))]).findings;
    expect(finding).toMatchObject({ rule: "PL_STS_FEDERATION", message: expect.stringMatching(/^sts:AssumeRoleWithSAML on a role/) });
  });

  test("GIVEN an endpoint service endpoint without a policy, or DynamoDB without private DNS THEN neither rule fires", () => {
    const svc = {
      vpc_endpoint_type: "Interface",
      service_name: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
      subnet_ids: ["a", "b"],
    };
    expect(rulesOf({ file: "cdk.tf.json", json: { resource: { aws_vpc_endpoint: { e: svc } } } })).toEqual([]);
    expect(rulesOf(endpointTo("dynamodb", policyJson(OWN_ONLY), { private_dns_enabled: false }))).toEqual([]);
  });

  test.each([
    ["a zone ID", "us-east-1", { availability_zone_id: "use1-az1" }],
    ["a zone name where names are stable", "eu-central-1", { availability_zone: "eu-central-1a" }],
    ["an expression", "us-east-1", { availability_zone: "${data.aws_availability_zones.z.names[0]}" }],
  ])("GIVEN a subnet placed by %s THEN PL_ZONE_NAMES is quiet", (_what, region, zone) => {
    expect(rulesOf(subnetIn(region, zone))).toEqual([]);
  });

  test.each([
    ["us-east-1", "us-east-1b", /us-east-1 maps to a different zone in each account/],
    ["me-west-1", "me-west-1a", /whose zone mapping the lint does not know/],
  ])("GIVEN a subnet by name in %s THEN PL_ZONE_NAMES says why", (region, name, message) => {
    const [finding] = lint([subnetIn(region, { availability_zone: name })]).findings;
    expect(finding).toMatchObject({ rule: "PL_ZONE_NAMES", message: expect.stringMatching(message) });
  });

  describe("PL_LOCKFILE_TERRAFORM_VERSION (on since every blueprint has a version that states required_version)", () => {
    const [rule] = PENDING_RULES;
    test("GIVEN it is registered THEN --rules lists it", () => {
      expect(RULES.map((r) => r.id)).toContain(rule.id);
    });
    test.each([[undefined], [">= 1.9"], ["~> 1.9.0"], ["< 2.0"]])("GIVEN use_lockfile and required_version %s THEN it fires", (v) => {
      expect(rule.check(lockfileStack(v === undefined ? {} : { required_version: v }))).toHaveLength(1);
    });
    test.each([">= 1.10", "~> 1.11.0", ">= 1.10.2, < 2.0", "1.10.0"])(
      "GIVEN use_lockfile and required_version %s THEN it is quiet",
      (v) => {
        expect(rule.check(lockfileStack({ required_version: v }))).toEqual([]);
      },
    );
  });
});

describe("the new rules on the examples", () => {
  const examples = join(__dirname, "..", "..", "examples");
  const names = readdirSync(examples).filter((n) => !n.includes("."));
  const report = (name: string) =>
    JSON.parse(runCli(["lint", join(examples, name), "--json"]).stdout) as {
      findings: { rule: string }[];
      suppressed: { rule: string; reason: string }[];
    };

  test.each(names.filter((n) => !/^se[12]-/.test(n)))(
    "GIVEN fixed or unaffected example %s THEN none fires, not even suppressed",
    (name) => {
      const { findings, suppressed } = report(name);
      expect([...findings, ...suppressed].map((f) => f.rule).filter((r) => DEFECT_RULES.includes(r))).toEqual([]);
    },
  );

  test.each(names.filter((n) => /^se[12]-/.test(n)))(
    "GIVEN released example %s THEN its defects are reported as suppressed, with the advisory",
    (name) => {
      const { findings, suppressed } = report(name);
      expect(findings).toEqual([]);
      for (const s of suppressed.filter((f) => DEFECT_RULES.includes(f.rule)))
        expect(s.reason).toMatch(/^known defect PL-2026-00\d of service-endpoints@[12], fixed in @3: run `create-privatelink upgrade`$/);
    },
  );
});
