import type { LintDocument } from "../../blueprints/lib/lint";
import { policyJson } from "./support";

const doc = (json: Record<string, unknown>): LintDocument => ({ file: "cdk.tf.json", json: json as LintDocument["json"] });

/** Every Allow statement requires the caller to be one of your accounts: the v1/v2 perimeter. */
export const OWN_ONLY = {
  Effect: "Allow",
  Principal: "*",
  Action: "*",
  Resource: "*",
  Condition: { StringEquals: { "aws:PrincipalAccount": ["111122223333"] } },
};

/** An endpoint to an AWS service with this policy. */
export const endpointTo = (service: string, policy: string, extra: Record<string, unknown> = {}): LintDocument =>
  doc({
    resource: {
      aws_vpc_endpoint: {
        e: {
          vpc_endpoint_type: "Interface",
          service_name: `com.amazonaws.eu-west-1.${service}`,
          subnet_ids: ["a", "b"],
          policy,
          ...extra,
        },
      },
    },
  });

/** A stack with one subnet placed by zone name, in the provider's region. */
export const subnetIn = (region: string, zone: Record<string, string>): LintDocument =>
  doc({
    provider: { aws: [{ region }] },
    resource: { aws_subnet: { s: { vpc_id: "vpc-1", cidr_block: "10.0.0.0/24", ...zone } } },
  });

/** A stack with an S3 backend that locks with use_lockfile, and this terraform block besides. */
export const lockfileStack = (terraform: Record<string, unknown> = {}): LintDocument =>
  doc({ terraform: { backend: { s3: { bucket: "b", key: "k", region: "eu-west-1", use_lockfile: true } }, ...terraform } });

/** For each rule of the known defects of service-endpoints v1/v2: a minimal document that makes it fire. */
export const DEFECT_FAILING: Record<string, LintDocument> = {
  PL_S3_AWS_OWNED_READS: endpointTo("s3", policyJson(OWN_ONLY)),
  PL_STS_FEDERATION: endpointTo("sts", policyJson(OWN_ONLY)),
  PL_EXECUTE_API_UNSIGNED: endpointTo("execute-api", policyJson(OWN_ONLY)),
  PL_ENDPOINT_SERVICE_POLICY: doc({
    resource: {
      aws_vpc_endpoint: {
        e: {
          vpc_endpoint_type: "Interface",
          service_name: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
          subnet_ids: ["a", "b"],
          policy: policyJson(OWN_ONLY),
        },
      },
    },
  }),
  PL_DYNAMODB_PRIVATE_DNS: endpointTo("dynamodb", policyJson(OWN_ONLY), { private_dns_enabled: true }),
  PL_ZONE_NAMES: subnetIn("us-east-1", { availability_zone: "us-east-1a" }),
};
