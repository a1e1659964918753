import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  DescribeAvailabilityZonesCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcEndpointServicesCommand,
  DescribeVpcEndpointsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { isInputError } from "../../blueprints/lib/errors";
import { run } from "../../generator/cli";
import { checkVpcs, type VpcToCheck } from "../../generator/lookup/vpc-checks";
import type { Output } from "../../generator/output";
import { ENDPOINT_HUB_V2 } from "../fixtures/endpoint-hub-v2";
import { tmp } from "../support/cli";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
// The mock replaces `send` on every EC2Client, the one the CLI makes for --lookup too: nothing reaches AWS.
const ec2 = mockClient(EC2Client);

interface VpcAnswer {
  readonly support?: boolean;
  readonly hostnames?: boolean;
  /** The VPC's interface endpoints: [service name, private DNS on]. */
  readonly endpoints?: readonly (readonly [string, boolean])[];
}

/** EC2 as it answers for these VPCs; any other VPC is another account's (InvalidVpcID.NotFound). */
function answer(region: string, vpcs: Record<string, VpcAnswer>, services: readonly string[] = []): void {
  ec2.reset();
  const notFound = Object.assign(new Error("The vpc ID does not exist"), { name: "InvalidVpcID.NotFound" });
  ec2.on(DescribeVpcAttributeCommand).callsFake((input: { VpcId: string; Attribute: string }) => {
    const vpc = vpcs[input.VpcId];
    if (!vpc) throw notFound;
    return input.Attribute === "enableDnsSupport"
      ? { VpcId: input.VpcId, EnableDnsSupport: { Value: vpc.support ?? true } }
      : { VpcId: input.VpcId, EnableDnsHostnames: { Value: vpc.hostnames ?? true } };
  });
  ec2.on(DescribeVpcEndpointsCommand).callsFake((input: { Filters: { Name: string; Values: string[] }[]; NextToken?: string }) => {
    const vpcId = input.Filters.find((f) => f.Name === "vpc-id")!.Values[0];
    const all = (vpcs[vpcId]?.endpoints ?? []).map(([ServiceName, PrivateDnsEnabled], i) => ({
      VpcEndpointId: `vpce-0${String(i).padStart(16, "0")}`,
      VpcId: vpcId,
      ServiceName,
      PrivateDnsEnabled,
      State: "available",
    }));
    // one endpoint per page, so that paging is walked
    const at = Number(input.NextToken ?? 0);
    return { VpcEndpoints: all.slice(at, at + 1), ...(at + 1 < all.length ? { NextToken: String(at + 1) } : {}) };
  });
  ec2.on(DescribeAvailabilityZonesCommand).resolves({
    AvailabilityZones: ["a", "b", "c", "d"].map((s, i) => ({
      ZoneName: `${region}${s}`,
      ZoneId: `${region === "us-east-1" ? "use1" : "euw1"}-az${i + 1}`,
      ZoneType: "availability-zone",
      State: "available" as const,
      OptInStatus: "opt-in-not-required" as const,
    })),
  });
  ec2.on(DescribeVpcEndpointServicesCommand).resolves({
    ServiceDetails: services.map((ServiceName) => ({
      ServiceName,
      ServiceType: [{ ServiceType: "Interface" as const }],
      AvailabilityZones: ["a", "b", "c", "d"].map((s) => `${region}${s}`),
      Owner: "amazon",
      VpcEndpointPolicySupported: true,
      SupportedIpAddressTypes: ["ipv4" as const],
    })),
  });
}

const SSM = "com.amazonaws.eu-west-1.ssm";
const vpc = (extra: Partial<VpcToCheck> = {}): VpcToCheck => ({
  vpcId: "vpc-0a1b2c3d4e5f60718",
  field: "vpcId",
  needs: "interface endpoints with private DNS",
  privateDns: [{ serviceName: SSM, field: "services[0]" }],
  conflict: "leave it out",
  ...extra,
});
const client = () => new EC2Client({ region: "eu-west-1" });

describe("checkVpcs: what AWS answers about an existing VPC (EC2 mocked with aws-sdk-client-mock)", () => {
  test("GIVEN DNS support and hostnames on and no endpoint of its own THEN it passes, with no warning", async () => {
    answer("eu-west-1", { "vpc-0a1b2c3d4e5f60718": { endpoints: [["com.amazonaws.eu-west-1.kms", true]] } });
    expect(await checkVpcs(client(), "eu-west-1", [vpc()])).toEqual([]);
  });

  test.each([
    ["hostnames", { hostnames: false }, /`vpcId`: vpc-0a1b2c3d4e5f60718 has enableDnsHostnames off .*--enable-dns-hostnames/],
    ["support", { support: false }, /`vpcId`: vpc-0a1b2c3d4e5f60718 has enableDnsSupport off .*--enable-dns-support/],
  ])("GIVEN DNS %s off THEN it is refused, naming the answer and the command that fixes it", async (_what, attributes, message) => {
    answer("eu-west-1", { "vpc-0a1b2c3d4e5f60718": attributes });
    await expect(checkVpcs(client(), "eu-west-1", [vpc()])).rejects.toThrow(message);
  });

  test("GIVEN DNS hostnames off WHEN the project brings no private DNS into the VPC THEN it passes", async () => {
    answer("eu-west-1", { "vpc-0a1b2c3d4e5f60718": { hostnames: false } });
    expect(await checkVpcs(client(), "eu-west-1", [vpc({ privateDns: [] })])).toEqual([]);
  });

  test("GIVEN the VPC's own ssm endpoint with private DNS, on the third page THEN it is refused naming services[0] and the endpoint; without private DNS it passes", async () => {
    const own = (dns: boolean) =>
      [
        ["com.amazonaws.eu-west-1.kms", true],
        ["com.amazonaws.eu-west-1.sts", false],
        [SSM, dns],
      ] as const;
    answer("eu-west-1", { "vpc-0a1b2c3d4e5f60718": { endpoints: own(true) } });
    await expect(checkVpcs(client(), "eu-west-1", [vpc()])).rejects.toThrow(
      /^`services\[0\]`: com\.amazonaws\.eu-west-1\.ssm: vpc-0a1b2c3d4e5f60718 already has vpce-00000000000000002 for it, with private DNS/,
    );
    answer("eu-west-1", { "vpc-0a1b2c3d4e5f60718": { endpoints: own(false) } });
    expect(await checkVpcs(client(), "eu-west-1", [vpc()])).toEqual([]);
  });

  test("GIVEN a VPC these credentials do not see THEN it is not checked, and the warning says so", async () => {
    answer("eu-west-1", {});
    expect(await checkVpcs(client(), "eu-west-1", [vpc()])).toEqual([
      expect.stringMatching(/^--lookup did not check vpc-0a1b2c3d4e5f60718 \(vpcId\): these credentials do not see it in eu-west-1/),
    ]);
  });
});

describe("create --lookup checks existing VPCs before anything is written", () => {
  const quiet = (warnings: string[]): Output => ({ print: () => {}, warn: (w) => warnings.push(w), progress: () => {} });
  const runCaught = async (argv: string[], warnings: string[] = []) => {
    try {
      return { code: await run(argv, quiet(warnings)) };
    } catch (error) {
      if (isInputError(error)) return { code: 2, message: error.message };
      throw error;
    }
  };

  test("GIVEN service-endpoints@4 in an existing VPC without DNS hostnames THEN exit 2 naming --vpc-id, nothing written", async () => {
    answer("eu-west-1", { "vpc-0a1b2c3d4e5f60718": { hostnames: false } }, [SSM]);
    const dir = join(tmp("lookup-vpc"), "p");
    const args = ["--yes", "--region", "eu-west-1", "--vpc", "existing", "--vpc-id", "vpc-0a1b2c3d4e5f60718", "--vpc-cidr", "10.0.0.0/16"];
    const subnets = ["--subnets", "subnet-0a1b2c3d4e5f60711@eu-west-1a,subnet-0a1b2c3d4e5f60722@eu-west-1b", "--gateway-services", ""];
    const result = await runCaught([dir, ...args, ...subnets, "--services", "ssm", "--lookup"]);
    expect(result).toEqual({ code: 2, message: expect.stringMatching(/`vpcId`: vpc-0a1b2c3d4e5f60718 has enableDnsHostnames off/) });
    expect(existsSync(dir)).toBe(false);
  });

  test("GIVEN endpoint-hub@2 WHEN a spoke has its own ssm endpoint with private DNS THEN exit 2 naming the service; spokes of other accounts are reported as not checked", async () => {
    const fixture = ENDPOINT_HUB_V2.find((f) => f.name === "eh2-ten-spokes-isolated")!;
    const spokes = fixture.answers.spokes as { vpcId: string }[];
    const services = ["ssm", "s3", "ecr.api", "ecr.dkr", "sts"].map((k) => `com.amazonaws.us-east-1.${k}`);
    const parent = tmp("lookup-hub");
    const answers = join(parent, "answers.json");
    writeFileSync(answers, JSON.stringify(fixture.answers));

    answer("us-east-1", { [spokes[0].vpcId]: { endpoints: [["com.amazonaws.us-east-1.ssm", true]] } }, services);
    const refused = await runCaught([join(parent, "refused"), "--yes", "--answers", answers, "--lookup"]);
    expect(refused).toEqual({
      code: 2,
      message: expect.stringMatching(
        /^`services\[0\]`: com\.amazonaws\.us-east-1\.ssm: vpc-\w+ already has vpce-\w+ .*ConflictingDomainExists/,
      ),
    });
    expect(existsSync(join(parent, "refused"))).toBe(false);

    answer("us-east-1", { [spokes[0].vpcId]: {} }, services);
    const warnings: string[] = [];
    expect(await runCaught([join(parent, "made"), "--yes", "--answers", answers, "--lookup"], warnings)).toEqual({ code: 0 });
    expect(warnings.filter((w) => w.startsWith("--lookup did not check"))).toHaveLength(9);
    expect(existsSync(join(parent, "made", "privatelink.context.json"))).toBe(true);
  });
});
