import { Testing } from "../../blueprints/lib/cdktf";
import { ServiceEndpointsStack } from "../../blueprints/service-endpoints/v3";
import { resolveAnswers } from "../../generator/answers/resolve";
import { SERVICE_ENDPOINTS_V3 } from "../fixtures/service-endpoints-v3";
import { synthFixture } from "../support/synth";
import { bodiesOf, type TfJson } from "../support/tf-json";

const synthOne = async (name: string) => (await synthFixture(SERVICE_ENDPOINTS_V3.find((f) => f.name === name)!))[0].json;
const endpoints = (json: TfJson) => bodiesOf(json, "aws_vpc_endpoint");
const endpointOf = (json: TfJson, type: string, suffix: string) =>
  endpoints(json).find((e) => e.vpc_endpoint_type === type && (e.service_name as string).endsWith(suffix))!;
const sidsOf = (body: Record<string, unknown>) => JSON.parse(body.policy as string).Statement.map((s: { Sid: string }) => s.Sid);

describe("service-endpoints v3: snapshots", () => {
  test.each(SERVICE_ENDPOINTS_V3.map((f) => [f.name, f] as const))("%s", async (_name, fixture) => {
    expect((await synthFixture(fixture)).map((s) => s.json)).toMatchSnapshot();
  });
});

describe("service-endpoints v3: what it changes from v2", () => {
  test("GIVEN the defaults THEN subnets are placed by zone ID, and the stack needs Terraform 1.10 (S3 use_lockfile)", async () => {
    const json = await synthOne("se3-defaults");
    expect(bodiesOf(json, "aws_subnet").map((s) => [s.availability_zone_id, s.availability_zone])).toEqual([
      ["use1-az1", undefined],
      ["use1-az2", undefined],
    ]);
    expect(json.terraform?.required_version).toBe(">= 1.10");
  });

  test("GIVEN us-west-1 THEN the default zones are the two newer accounts have (usw1-az2 is constrained)", async () => {
    const json = await synthOne("se3-us-west-1");
    expect(bodiesOf(json, "aws_subnet").map((s) => s.availability_zone_id)).toEqual(["usw1-az1", "usw1-az3"]);
  });

  test("GIVEN an endpoint service (vpce-svc) THEN its endpoint has no policy, while the AWS services' have data-perimeter ones", async () => {
    const json = await synthOne("se3-govcloud-endpoint-service");
    expect(endpointOf(json, "Interface", "vpce-svc-0123456789abcdef0")).not.toHaveProperty("policy");
    expect(sidsOf(endpointOf(json, "Interface", ".sts"))).toEqual(["AllowOwnPrincipals", "AllowFederationIntoOwnRoles"]);
    expect(sidsOf(endpointOf(json, "Interface", ".execute-api"))).toEqual(["AllowCallsToOwnApis"]);
    expect(sidsOf(endpointOf(json, "Gateway", ".s3"))).toEqual([
      "AllowOwnPrincipals",
      "AllowAwsServicesActingForYou",
      "AllowReadsOfAwsOwnedBucketsForAwsFeatures",
    ]);
    expect(endpointOf(json, "Gateway", ".s3").policy).toContain("arn:aws-us-gov:s3:::prod-us-gov-west-1-starport-layer-bucket/*");
  });

  test("GIVEN trusted resources (the default) THEN only the S3 endpoints narrow resources to the organization", async () => {
    const json = await synthOne("se3-organization-read-only");
    const s3 = JSON.parse(endpointOf(json, "Gateway", ".s3").policy as string).Statement[0];
    expect(s3.Condition).toEqual({ StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5", "aws:ResourceOrgID": "o-a1b2c3d4e5" } });
    expect(s3.Action).toEqual(expect.arrayContaining(["s3:GetObject"]));
    const ecr = JSON.parse(endpointOf(json, "Interface", ".ecr.dkr").policy as string).Statement[0];
    expect(ecr.Condition).toEqual({ StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } });
  });

  test("GIVEN DynamoDB interface and gateway endpoints THEN the interface one has private DNS off and no dns_options", async () => {
    const json = await synthOne("se3-dynamodb");
    const dynamodb = endpointOf(json, "Interface", ".dynamodb");
    expect(dynamodb.private_dns_enabled).toBe(false);
    expect(dynamodb).not.toHaveProperty("dns_options");
  });

  test("GIVEN S3 interface and gateway endpoints and on-premises networks THEN S3 resolves privately only for inbound resolvers, and the networks are admitted", async () => {
    const json = await synthOne("se3-ap-northeast-1");
    expect(endpointOf(json, "Interface", ".s3").dns_options).toEqual({ private_dns_only_for_inbound_resolver_endpoint: true });
    expect(bodiesOf(json, "aws_vpc_security_group_ingress_rule").map((r) => r.cidr_ipv4)).toEqual([
      "10.0.0.0/16",
      "192.168.0.0/16",
      "172.16.0.0/12",
    ]);
  });

  test("GIVEN cn-northwest-1 THEN Polly has the cn.com.amazonaws name there, and gateways keep com.amazonaws", async () => {
    const json = await synthOne("se3-existing-vpc-china");
    expect(endpoints(json).map((e) => e.service_name)).toEqual(
      expect.arrayContaining([
        "cn.com.amazonaws.cn-northwest-1.polly",
        "com.amazonaws.cn-northwest-1.dynamodb",
        "com.amazonaws.cn-northwest-1.s3",
      ]),
    );
  });

  test("GIVEN a provider role THEN the provider assumes it with the external ID", async () => {
    const json = await synthOne("se3-provider-role");
    expect(json.provider?.aws[0].assume_role).toEqual([
      { role_arn: "arn:aws:iam::111122223333:role/privatelink-deploy", external_id: "privatelink-ci", session_name: "create-privatelink" },
    ]);
  });
});

describe("service-endpoints v3: zones that may not exist are refused", () => {
  const stack = (region: string, availabilityZones: string[]) => () =>
    new ServiceEndpointsStack(Testing.app(), "x", { region, vpc: { kind: "new", availabilityZones }, interfaceServices: ["ssm"] });

  test("GIVEN us-west-1 and usw1-az2 THEN the error names the zone and says it is closed to newer accounts", () => {
    expect(stack("us-west-1", ["usw1-az1", "usw1-az2"])).toThrow(
      /^`vpc\.availabilityZones\[1\]`: "usw1-az2" is a constrained zone of us-west-1, closed to newer accounts; expected one of usw1-az1, usw1-az3/,
    );
  });

  test("GIVEN zone names in ap-northeast-1 (mapped per account) THEN the error names the field and suggests zone IDs", () => {
    expect(stack("ap-northeast-1", ["ap-northeast-1a", "ap-northeast-1c"])).toThrow(
      /^`vpc\.availabilityZones\[0\]`: "ap-northeast-1a" is a zone name, .* use zone IDs instead, e.g. apne1-az1,apne1-az2 \(for zones in use/,
    );
  });

  test("GIVEN the same zone names through the CLI's answers THEN the answer's field is named", async () => {
    await expect(
      resolveAnswers(
        { flags: { blueprint: "service-endpoints@3", region: "ap-northeast-1", availabilityZones: "ap-northeast-1a,ap-northeast-1c" } },
        { yes: true },
      ),
    ).rejects.toThrow(/`availabilityZones\[0\]`: "ap-northeast-1a" is a zone name/);
  });

  test("GIVEN a zone ID that does not exist THEN the error lists the ones that do", () => {
    expect(stack("eu-west-1", ["euw1-az1", "euw1-az9"])).toThrow(/`vpc\.availabilityZones\[1\]`: "euw1-az9" does not exist in eu-west-1/);
  });
});
