import { existsSync } from "node:fs";
import { SERVICES } from "../../blueprints/lib/services";
import { SSM_AGENT_ACTIONS } from "../../blueprints/service-endpoints/v4/policy-templates";
import { SERVICE_ENDPOINTS_V4 } from "../fixtures/service-endpoints-v4";
import { runCli, tmp } from "../support/cli";
import { type Fixture, synthFixture } from "../support/synth";
import { bodiesOf, type TfJson } from "../support/tf-json";

const byName = (name: string): Fixture => SERVICE_ENDPOINTS_V4.find((f) => f.name === name)!;
const stackOf = async (name: string) => (await synthFixture(byName(name)))[0].json as TfJson;
const endpoint = (json: TfJson, key: string) =>
  bodiesOf(json, "aws_vpc_endpoint").find((e) => String(e.service_name).endsWith(`.${key}`) && e.vpc_endpoint_type === "Interface")!;
const statements = (body: Record<string, unknown>) =>
  JSON.parse(String(body.policy)).Statement as { Sid: string; Action: string | string[]; Resource: string | string[] }[];

describe("service-endpoints v4: snapshots", () => {
  test.each(SERVICE_ENDPOINTS_V4.map((f) => [f.name, f] as const))("%s", async (_name, fixture) => {
    expect((await synthFixture(fixture)).map((s) => ({ stack: s.id, json: s.json }))).toMatchSnapshot();
  });
});

describe("service-endpoints v4: intent of each variant", () => {
  test("GIVEN a read-only ssm next to ssmmessages and ec2messages THEN it allows parameter reads and the SSM Agent's calls, and no write of parameters", async () => {
    const [own] = statements(endpoint(await stackOf("se4-read-only-ssm-agent"), "ssm"));
    expect(own.Action).toEqual(expect.arrayContaining(["ssm:GetParameter", ...SSM_AGENT_ACTIONS]));
    expect(own.Action).not.toContain("ssm:PutParameter");
  });

  test("GIVEN 12 interface endpoints in a /24 VPC THEN each zone's subnet is a /27: 27 usable addresses for 12 interfaces", async () => {
    const json = await stackOf("se4-small-vpc-sized");
    expect(bodiesOf(json, "aws_subnet").map((s) => s.cidr_block)).toEqual(["10.0.0.0/27", "10.0.0.32/27"]);
  });

  test("GIVEN an S3 gateway in us-east-1 THEN its policy reads CodeArtifact's asset bucket of the region and Elastic Beanstalk's buckets", async () => {
    const gateway = bodiesOf(await stackOf("se4-codeartifact"), "aws_vpc_endpoint").find((e) => e.vpc_endpoint_type === "Gateway")!;
    const reads = statements(gateway).find((s) => s.Sid === "AllowReadsOfAwsOwnedBucketsForAwsFeatures")!;
    expect(reads.Resource).toEqual(
      expect.arrayContaining([
        "arn:aws:s3:::assets-193858265520-us-east-1/*",
        "arn:aws:s3:::elasticbeanstalk-platform-assets-us-east-1/*",
        "arn:aws:s3:::elasticbeanstalk-env-resources-us-east-1/*",
      ]),
    );
    expect(JSON.stringify(reads.Resource)).not.toMatch(/assets-\d{12}-(?!us-east-1)/);
  });

  test("GIVEN more endpoints than the VPC's subnets can hold THEN generation stops: exit 2, --vpc-cidr named with the arithmetic, nothing written", () => {
    const dir = `${tmp("se4-too-small")}/p`;
    // 60 interface endpoints in three zones of a /24: the largest subnets are /26s of 59 usable addresses
    const services = SERVICES.filter((s) => !s.types.includes("Gateway"))
      .slice(0, 60)
      .map((s) => s.key);
    const zones = "euw1-az1,euw1-az2,euw1-az3";
    const args = ["--region", "eu-west-1", "--vpc-cidr", "10.0.0.0/24", "--availability-zones", zones, "--services", services.join(",")];
    const result = runCli([dir, "--yes", "--blueprint", "service-endpoints@4", ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "create-privatelink: --vpc-cidr `vpc.cidr`: 10.0.0.0/24 is too small: 3 zones get at most a /26 each, 64 addresses - 5 AWS reserves = 59 usable, and each subnet needs 60 (60 interface endpoint(s)); give a larger VPC CIDR, e.g. a /22\n",
    );
    expect(existsSync(dir)).toBe(false);
  });
});
