import { existsSync } from "node:fs";
import { join } from "node:path";
import { checkIpv6Cidr, endpointIpArgs } from "../../blueprints/lib/dual-stack";
import { takesIpv6 } from "../../blueprints/lib/facts/ipv6-endpoints";
import { ENDPOINT_CONSUMER_V2 } from "../fixtures/endpoint-consumer-v2";
import { ENDPOINT_SERVICE_V3 } from "../fixtures/endpoint-service-v3";
import { SERVICE_ENDPOINTS_V4 } from "../fixtures/service-endpoints-v4";
import { runCli, tmp } from "../support/cli";
import { type Fixture, synthFixture } from "../support/synth";
import { bodiesOf, resourcesOf, type TfJson } from "../support/tf-json";

const FIXTURES = [...SERVICE_ENDPOINTS_V4, ...ENDPOINT_SERVICE_V3, ...ENDPOINT_CONSUMER_V2];
const stacksOf = async (name: string) =>
  Object.fromEntries((await synthFixture(FIXTURES.find((f) => f.name === name) as Fixture)).map((s) => [s.id, s.json])) as Record<
    string,
    TfJson
  >;
const endpointsByKey = (json: TfJson) =>
  Object.fromEntries(Object.entries(resourcesOf(json, "aws_vpc_endpoint")).map(([id, body]) => [id.split("_")[1], body]));
const ipv6Sources = (json: TfJson) =>
  bodiesOf(json, "aws_vpc_security_group_ingress_rule").flatMap((r) => (r.cidr_ipv6 ? [r.cidr_ipv6] : []));
const VPC_BLOCK = /^\$\{aws_vpc\.[\w-]+\.ipv6_cidr_block\}$/;

describe("dual-stack (--ip-address-type dualstack): service-endpoints@4", () => {
  test("GIVEN a new VPC THEN it gets an Amazon-provided IPv6 block and each subnet a /64 of it; endpoints of services AWS lists with IPv6 are dual-stack, the others and the gateway stay IPv4", async () => {
    const [json] = Object.values(await stacksOf("se4-dualstack"));
    expect(bodiesOf(json, "aws_vpc")[0].assign_generated_ipv6_cidr_block).toBe(true);
    expect(bodiesOf(json, "aws_subnet").map((s) => String(s.ipv6_cidr_block).replace(/aws_vpc\.[\w-]+/, "vpc"))).toEqual([
      "${cidrsubnet(vpc.ipv6_cidr_block, 8, 0)}",
      "${cidrsubnet(vpc.ipv6_cidr_block, 8, 1)}",
    ]);
    const endpoints = endpointsByKey(json);
    for (const key of ["interface-ssm", "interface-logs"])
      expect(endpoints[key]).toMatchObject({ ip_address_type: "dualstack", dns_options: { dns_record_ip_type: "dualstack" } });
    // S3 keeps its in-VPC traffic on the gateway: both DNS options in the one block
    expect(endpoints["interface-s3"]).toMatchObject({
      ip_address_type: "dualstack",
      dns_options: { dns_record_ip_type: "dualstack", private_dns_only_for_inbound_resolver_endpoint: true },
    });
    for (const key of ["interface-ec2", "gateway-s3"]) {
      expect(endpoints[key]).not.toHaveProperty("ip_address_type");
      expect(endpoints[key]).not.toHaveProperty("dns_options");
    }
    // the VPC's own IPv6 block, never ::/0
    expect(ipv6Sources(json)).toHaveLength(1);
    expect(ipv6Sources(json)[0]).toMatch(VPC_BLOCK);
  });

  test("GIVEN an existing VPC THEN its stated IPv6 block is the only IPv6 source, and no VPC is made", async () => {
    const [json] = Object.values(await stacksOf("se4-dualstack-existing-vpc"));
    expect(bodiesOf(json, "aws_vpc")).toEqual([]);
    expect(ipv6Sources(json)).toEqual(["2a05:d018:1f2:3400::/56"]);
    const endpoints = endpointsByKey(json);
    for (const key of ["interface-sts", "interface-kms", "interface-secretsmanager"])
      expect(endpoints[key].ip_address_type).toBe("dualstack");
    expect(endpoints["gateway-dynamodb"]).not.toHaveProperty("ip_address_type");
  });

  test("GIVEN IPv4 (the default) THEN no endpoint, VPC or security group names IPv6", async () => {
    for (const fixture of SERVICE_ENDPOINTS_V4.filter((f) => f.answers.ipAddressType === undefined)) {
      const text = JSON.stringify((await synthFixture(fixture)).map((s) => s.json));
      expect(text).not.toMatch(/ipv6|dualstack|ip_address_type|dns_record_ip_type/);
    }
  });
});

describe("dual-stack: endpoint-service@3 and endpoint-consumer@2", () => {
  test("GIVEN endpoint-service@3 THEN the NLB is dual-stack, the service offers ipv4 and ipv6, the NLB's group admits the provider VPC's IPv6 block; targets stay IPv4", async () => {
    const stacks = await stacksOf("es3-dualstack");
    const provider = stacks.provider;
    expect(bodiesOf(provider, "aws_lb")[0]).toMatchObject({ ip_address_type: "dualstack", internal: true });
    expect(bodiesOf(provider, "aws_vpc_endpoint_service")[0].supported_ip_address_types).toEqual(["ipv4", "ipv6"]);
    expect(bodiesOf(provider, "aws_lb_target_group")[0]).not.toHaveProperty("ip_address_type");
    expect(ipv6Sources(provider)).toHaveLength(1);
    expect(ipv6Sources(provider)[0]).toMatch(VPC_BLOCK);
    // egress to the targets stays IPv4 and within the VPC
    expect(bodiesOf(provider, "aws_vpc_security_group_egress_rule").map((r) => r.cidr_ipv6)).toEqual([undefined]);
  });

  test("GIVEN a new and an existing consumer VPC THEN both endpoints are dual-stack; the new VPC gets a block, the existing one's stated block is its only IPv6 source", async () => {
    const stacks = await stacksOf("es3-dualstack");
    for (const account of ["111122223333", "444455556666"]) {
      expect(bodiesOf(stacks[`consumer-${account}`], "aws_vpc_endpoint")[0]).toMatchObject({
        ip_address_type: "dualstack",
        dns_options: { dns_record_ip_type: "dualstack" },
      });
    }
    expect(bodiesOf(stacks["consumer-111122223333"], "aws_vpc")[0].assign_generated_ipv6_cidr_block).toBe(true);
    expect(ipv6Sources(stacks["consumer-111122223333"])[0]).toMatch(VPC_BLOCK);
    expect(ipv6Sources(stacks["consumer-444455556666"])).toEqual(["2600:1f18:4f2:c100::/56"]);
  });

  test("GIVEN endpoint-consumer@2 THEN each consumer's new VPC and endpoint are dual-stack", async () => {
    for (const json of Object.values(await stacksOf("ec2-dualstack"))) {
      expect(bodiesOf(json, "aws_vpc")[0].assign_generated_ipv6_cidr_block).toBe(true);
      expect(bodiesOf(json, "aws_vpc_endpoint")[0]).toMatchObject({ ip_address_type: "dualstack" });
      expect(ipv6Sources(json)[0]).toMatch(VPC_BLOCK);
    }
  });
});

describe("dual-stack: refusals name the field, exit 2, write nothing", () => {
  const refused = (args: string[], field: RegExp) => {
    const dir = join(tmp("dual-stack-refused"), "p");
    const result = runCli([dir, "--yes", "--generator-pin", "registry", ...args]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(field) });
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(dir)).toBe(false);
  };
  const EXISTING = ["--vpc", "existing", "--vpc-id", "vpc-0a1b2c3d4e5f60718", "--vpc-cidr", "10.0.0.0/16"];
  const SUBNETS = ["--subnets", "subnet-0a1b2c3d4e5f60711@us-east-1a,subnet-0a1b2c3d4e5f60722@us-east-1b"];

  test.each([
    [
      "an existing VPC without its IPv6 block",
      ["--blueprint", "service-endpoints@4", "--ip-address-type", "dualstack", ...EXISTING, ...SUBNETS],
      /`vpcIpv6Cidr`: is missing/,
    ],
    [
      "a block with host bits set",
      [
        "--blueprint",
        "service-endpoints@4",
        "--ip-address-type",
        "dualstack",
        ...EXISTING,
        ...SUBNETS,
        "--vpc-ipv6-cidr",
        "2600:1f18:4f2:c101::/56",
      ],
      /`vpcIpv6Cidr`: .*host bits/,
    ],
    [
      "an unknown IP address type",
      ["--blueprint", "service-endpoints@4", "--ip-address-type", "ipv6"],
      /--ip-address-type: expected one of ipv4, dualstack/,
    ],
    [
      "the flag on a released version",
      ["--blueprint", "service-endpoints@3", "--ip-address-type", "dualstack"],
      /--ip-address-type.*not used by service-endpoints@3/,
    ],
    [
      "an existing VPC's block for a version without existing VPCs",
      [
        "--blueprint",
        "endpoint-consumer@2",
        "--service-name",
        "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
        "--consumer-accounts",
        "111122223333",
        "--ip-address-type",
        "dualstack",
        "--vpc-ipv6-cidr",
        "2600:1f18:4f2:c100::/56",
      ],
      /--vpc-ipv6-cidr: is not used by endpoint-consumer@2/,
    ],
    [
      "an existing consumer VPC without its block",
      [
        "--blueprint",
        "endpoint-service@3",
        "--ip-address-type",
        "dualstack",
        "--consumers",
        '[{"account":"444455556666","vpcId":"vpc-0a1b2c3d4e5f60718","cidr":"10.60.0.0/16","subnets":["subnet-0a1b2c3d4e5f60711@use1-az1","subnet-0a1b2c3d4e5f60722@use1-az2"]}]',
      ],
      /`consumers\[0\]\.ipv6Cidr`: is missing/,
    ],
    [
      "a consumer block for an IPv4 service",
      [
        "--blueprint",
        "endpoint-service@3",
        "--consumers",
        '[{"account":"444455556666","vpcId":"vpc-0a1b2c3d4e5f60718","cidr":"10.60.0.0/16","subnets":["subnet-0a1b2c3d4e5f60711@use1-az1","subnet-0a1b2c3d4e5f60722@use1-az2"],"ipv6Cidr":"2600:1f18:4f2:c100::/56"}]',
      ],
      /`consumers\[0\]\.ipv6Cidr`: is given, but the service is not dual-stack/,
    ],
  ])("%s", (_what, args, field) => refused(args as string[], field as RegExp));
});

describe("dual-stack: the rules", () => {
  test("checkIpv6Cidr takes a VPC block as AWS writes it (lower case), and refuses what is not one", () => {
    expect(checkIpv6Cidr("2600:1F18:4F2:C100::/56", "f")).toBe("2600:1f18:4f2:c100::/56");
    expect(checkIpv6Cidr("2a05:d018:1f2::/48", "f")).toBe("2a05:d018:1f2::/48");
    for (const bad of ["10.0.0.0/16", "2600:1f18::/64", "2600:1f18::/40", "2600:1f18:4f2:c100::1/56", "zz::/56", "2600::/56/1", 56])
      expect(() => checkIpv6Cidr(bad, "vpc.ipv6Cidr")).toThrow(/vpc\.ipv6Cidr/);
  });

  test("endpointIpArgs: nothing for IPv4, so released output is unchanged; both options in one block for dual-stack", () => {
    expect(endpointIpArgs("ipv4")).toEqual({});
    expect(endpointIpArgs("ipv4", { privateDnsOnlyForInboundResolverEndpoint: false })).toEqual({
      dnsOptions: { privateDnsOnlyForInboundResolverEndpoint: false },
    });
    expect(endpointIpArgs("dualstack")).toEqual({ ipAddressType: "dualstack", dnsOptions: { dnsRecordIpType: "dualstack" } });
    expect(endpointIpArgs("dualstack", {}, false)).toEqual({ ipAddressType: "dualstack" });
  });

  test("the IPv6 table: AWS's Yes rows are dual-stack; No rows and sub-endpoints without a row stay IPv4", () => {
    for (const key of ["ssm", "logs", "sts", "kms", "s3", "lambda", "sqs"]) expect(takesIpv6(key)).toBe(true);
    for (const key of ["ec2", "ecr.api", "ecr.dkr", "elasticloadbalancing", "rds", "dynamodb", "ssmmessages", "ec2messages"])
      expect(takesIpv6(key)).toBe(false);
  });
});
