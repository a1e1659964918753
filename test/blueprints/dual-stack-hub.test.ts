import { existsSync } from "node:fs";
import { join } from "node:path";
import { ENDPOINT_HUB_V2 } from "../fixtures/endpoint-hub-v2";
import { runCli, tmp } from "../support/cli";
import { synthFixture } from "../support/synth";
import { bodiesOf, resourcesOf, type TfJson } from "../support/tf-json";

const stacksOf = async (name: string) =>
  Object.fromEntries((await synthFixture(ENDPOINT_HUB_V2.find((f) => f.name === name)!)).map((s) => [s.id, s.json])) as Record<
    string,
    TfJson
  >;
const SPOKE_BLOCKS = ["2600:1f18:4f2:c100::/56", "2600:1f18:4f2:c200::/56"];

describe("dual-stack endpoint-hub@2 (--ip-address-type dualstack)", () => {
  test("GIVEN a dual-stack hub THEN its VPC gets an IPv6 block, endpoints of services AWS lists with IPv6 are dual-stack (ec2 is not), and their zones answer AAAA beside A", async () => {
    const { hub } = await stacksOf("eh2-dualstack");
    expect(bodiesOf(hub, "aws_vpc")[0].assign_generated_ipv6_cidr_block).toBe(true);
    const types = Object.fromEntries(
      Object.values(resourcesOf(hub, "aws_vpc_endpoint")).map((e) => [String(e.service_name).split(".").pop(), e.ip_address_type]),
    );
    expect(types).toEqual({ ec2: undefined, s3: "dualstack", ssm: "dualstack", sts: "dualstack" });
    const records = bodiesOf(hub, "aws_route53_record");
    const named = (type: string) => records.filter((r) => r.type === type).map((r) => String(r.name));
    // every A record of a dual-stack service has its AAAA twin; ec2's zone answers A only
    expect(named("AAAA").sort()).toEqual(
      named("A")
        .filter((n) => !n.startsWith("ec2."))
        .sort(),
    );
    expect(named("A")).toContain("ec2.us-east-1.amazonaws.com");
  });

  test("GIVEN spokes with IPv6 blocks THEN the attachments carry IPv6, each spoke's block is routed from the hub and admitted, and each spoke routes the hub's block", async () => {
    const stacks = await stacksOf("eh2-dualstack");
    const hub = stacks.hub;
    expect(bodiesOf(hub, "aws_ec2_transit_gateway_vpc_attachment")[0].ipv6_support).toBe("enable");
    const hubRoutes6 = bodiesOf(hub, "aws_route").flatMap((r) => (r.destination_ipv6_cidr_block ? [r.destination_ipv6_cidr_block] : []));
    // one route per spoke block in each of the hub's two route tables
    expect(hubRoutes6.sort()).toEqual([...SPOKE_BLOCKS, ...SPOKE_BLOCKS].sort());
    const admitted6 = bodiesOf(hub, "aws_vpc_security_group_ingress_rule").flatMap((r) => (r.cidr_ipv6 ? [String(r.cidr_ipv6)] : []));
    expect(admitted6.filter((c) => !c.startsWith("${")).sort()).toEqual(SPOKE_BLOCKS);
    expect(admitted6.filter((c) => c.startsWith("${"))).toEqual([expect.stringMatching(/^\$\{aws_vpc\.[\w-]+\.ipv6_cidr_block\}$/)]);
    for (const id of ["spoke-vpc-0000000000000a001", "spoke-vpc-0000000000000a002"]) {
      expect(bodiesOf(stacks[id], "aws_ec2_transit_gateway_vpc_attachment")[0].ipv6_support).toBe("enable");
      const routes6 = bodiesOf(stacks[id], "aws_route").filter((r) => r.destination_ipv6_cidr_block !== undefined);
      expect(routes6).toHaveLength(1);
      expect(String(routes6[0].destination_ipv6_cidr_block)).toMatch(
        /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-hub\./,
      );
    }
  });

  test("GIVEN an IPv4 hub THEN nothing names IPv6", async () => {
    for (const fixture of ENDPOINT_HUB_V2.filter((f) => f.answers.ipAddressType === undefined)) {
      expect(JSON.stringify((await synthFixture(fixture)).map((s) => s.json))).not.toMatch(/ipv6|dualstack|AAAA/);
    }
  });
});

describe("endpoint-hub@2 refusals: exit 2 naming the field, nothing written", () => {
  const SPOKE = { account: "111122223333", vpcId: "vpc-0a1b2c3d4e5f60718", cidr: "10.1.0.0/16", subnets: ["subnet-0a1b2c3d4e5f60711"] };
  const spokes = (extra: Record<string, unknown>) => JSON.stringify([{ ...SPOKE, routeTables: ["rtb-0a1b2c3d4e5f60733"], ...extra }]);
  test.each([
    [
      "DynamoDB, whose names AWS says not to override",
      ["--services", "ssm,dynamodb"],
      /`interfaceServices\[1\]`: is DynamoDB, .*gateway endpoint/,
    ],
    ["a FIPS endpoint, whose private DNS names are not published", ["--services", "com.amazonaws.us-east-1.kms-fips"], /FIPS endpoint/],
    [
      "a dual-stack hub's spoke without its IPv6 block",
      ["--ip-address-type", "dualstack", "--hub-account", "999988887777", "--spokes", spokes({})],
      /`spokes\[0\]\.ipv6Cidr`: is missing/,
    ],
    [
      "a spoke's IPv6 block for an IPv4 hub",
      ["--hub-account", "999988887777", "--spokes", spokes({ ipv6Cidr: "2600:1f18:4f2:c100::/56" })],
      /`spokes\[0\]\.ipv6Cidr`: is given, but the hub is not dual-stack/,
    ],
  ])("%s", (_what, args, message) => {
    const dir = join(tmp("hub-refused"), "p");
    const result = runCli([dir, "--yes", "--blueprint", "endpoint-hub@2", "--generator-pin", "registry", ...(args as string[])]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message as RegExp);
    expect(existsSync(dir)).toBe(false);
  });
});
