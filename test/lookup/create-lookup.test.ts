import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeAvailabilityZonesCommand, DescribeVpcEndpointServicesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { App } from "../../blueprints/lib/cdktf";
import { isInputError } from "../../blueprints/lib/errors";
import { resolveAnswers } from "../../generator/answers/resolve";
import { run } from "../../generator/cli";
import { factsFor } from "../../generator/commands/facts-step";
import { instantiateStacks } from "../../generator/instantiate";
import type { Output } from "../../generator/output";
import { readProvenance } from "../../generator/provenance";
import { snapshotTree, tmp } from "../support/cli";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
// The mock replaces `send` on every EC2Client, the one the CLI makes for --lookup too: nothing reaches AWS.
const ec2 = mockClient(EC2Client);
const quiet: Output = { print: () => {}, warn: () => {}, progress: () => {} };

/** eu-west-1 as AWS answers an account whose a/b/c map to az1/az2/az3; sagemaker.api is missing from az3, kms is offered in az3 only. */
const ZONES = ["eu-west-1a", "eu-west-1b", "eu-west-1c"].map((ZoneName, i) => ({
  ZoneName,
  ZoneId: `euw1-az${i + 1}`,
  ZoneType: "availability-zone",
  State: "available" as const,
  OptInStatus: "opt-in-not-required" as const,
  RegionName: "eu-west-1",
}));
const offered = (key: string, zones: string[]) => ({
  ServiceName: `com.amazonaws.eu-west-1.${key}`,
  ServiceType: [{ ServiceType: "Interface" }],
  AvailabilityZones: zones,
  Owner: "amazon",
  BaseEndpointDnsNames: [`${key}.eu-west-1.vpce.amazonaws.com`],
  PrivateDnsName: `${key}.eu-west-1.amazonaws.com`,
  VpcEndpointPolicySupported: true,
  AcceptanceRequired: false,
  ManagesVpcEndpoints: false,
  SupportedIpAddressTypes: ["ipv4"],
});
const CATALOG = [
  offered("ssm", ["eu-west-1a", "eu-west-1b", "eu-west-1c"]),
  offered("sagemaker.api", ["eu-west-1a", "eu-west-1b"]),
  offered("kms", ["eu-west-1c"]),
];

beforeEach(() => {
  ec2.reset();
  ec2.on(DescribeAvailabilityZonesCommand).resolves({ AvailabilityZones: ZONES });
  ec2.on(DescribeVpcEndpointServicesCommand).callsFake((input: { Filters?: { Values?: string[] }[] }) => {
    const wanted = input.Filters?.[0]?.Values ?? [];
    const details = CATALOG.filter((s) => wanted.includes(s.ServiceName));
    return { ServiceDetails: details, ServiceNames: details.map((s) => s.ServiceName) };
  });
});

const ARGS = ["--yes", "--region", "eu-west-1", "--availability-zones", "euw1-az1,euw1-az2,euw1-az3", "--gateway-services", ""];

/** The project's stacks, synthesized from what it records (answers and AWS's answers), as its main.ts would. */
async function synthProject(dir: string): Promise<{ json: { resource: Record<string, unknown> } }[]> {
  const resolved = await factsFor(await resolveAnswers({ recorded: readProvenance(dir).answers }, { yes: true }), dir, false);
  const outdir = mkdtempSync(join(tmpdir(), "privatelink-lookup-synth-"));
  const app = new App({ outdir });
  const stacks = instantiateStacks(app, resolved.entry, resolved.answers, "", resolved.facts);
  app.synth();
  return [...stacks.keys()].map((id) => ({ json: JSON.parse(readFileSync(join(outdir, "stacks", id, "cdk.tf.json"), "utf8")) }));
}

async function runCaught(argv: string[]): Promise<{ code: number; error?: Error }> {
  try {
    return { code: await run(argv, quiet) };
  } catch (error) {
    if (isInputError(error)) return { code: 2, error };
    throw error;
  }
}

describe("create --lookup: AWS's answers place the endpoints and are recorded (EC2 mocked with aws-sdk-client-mock)", () => {
  test("GIVEN a service missing from one zone THEN its endpoint uses only the zones that offer it, and the answers are recorded", async () => {
    const dir = join(tmp("lookup"), "proj");
    expect((await runCaught([dir, ...ARGS, "--services", "ssm,sagemaker.api", "--lookup"])).code).toBe(0);
    const context = JSON.parse(readFileSync(join(dir, "privatelink.context.json"), "utf8"));
    expect(context).toMatchObject({ region: "eu-west-1", partition: "aws" });
    expect(readFileSync(join(dir, "main.ts"), "utf8")).toMatch(/serviceZones: \{ "sagemaker\.api": \["euw1-az1", "euw1-az2"\] \}/);
    const [stack] = await synthProject(dir);
    const endpoints = stack.json.resource.aws_vpc_endpoint as Record<string, { service_name: string; subnet_ids?: string[] }>;
    const subnetsOf = (suffix: string) => Object.values(endpoints).find((e) => e.service_name.endsWith(suffix))!.subnet_ids!;
    expect(subnetsOf(".ssm")).toHaveLength(3);
    expect(subnetsOf(".sagemaker.api")).toHaveLength(2);
    expect(JSON.parse(readFileSync(join(dir, ".privatelink.json"), "utf8")).files).toHaveProperty(["privatelink.context.json"]);
  });

  test("GIVEN dual-stack WHEN AWS answers ssm with ipv4 only and sagemaker.api with ipv6 too THEN AWS's answer decides each endpoint's IP type, not the published table", async () => {
    const answered = CATALOG.map((s) =>
      s.ServiceName.endsWith(".sagemaker.api") ? { ...s, SupportedIpAddressTypes: ["ipv6", "ipv4"] } : s,
    );
    ec2.on(DescribeVpcEndpointServicesCommand).callsFake((input: { Filters?: { Values?: string[] }[] }) => {
      const details = answered.filter((s) => (input.Filters?.[0]?.Values ?? []).includes(s.ServiceName));
      return { ServiceDetails: details, ServiceNames: details.map((s) => s.ServiceName) };
    });
    const dir = join(tmp("lookup-dualstack"), "proj");
    expect((await runCaught([dir, ...ARGS, "--services", "ssm,sagemaker.api", "--ip-address-type", "dualstack", "--lookup"])).code).toBe(0);
    expect(readFileSync(join(dir, "main.ts"), "utf8")).toMatch(
      /serviceIpAddressTypes: \{ ssm: \["ipv4"\], "sagemaker\.api": \["ipv4", "ipv6"\] \}/,
    );
    const [stack] = await synthProject(dir);
    const endpoints = Object.values(
      stack.json.resource.aws_vpc_endpoint as Record<string, { service_name: string; ip_address_type?: string }>,
    );
    const typeOf = (suffix: string) => endpoints.find((e) => e.service_name.endsWith(suffix))?.ip_address_type;
    expect(typeOf(".ssm")).toBeUndefined(); // the table lists ssm with IPv6, but this account's region answered ipv4 only
    expect(typeOf(".sagemaker.api")).toBe("dualstack");
  });

  test("GIVEN a recorded context WHEN generated again without --lookup THEN nothing changes and AWS is not asked", async () => {
    const dir = join(tmp("lookup-again"), "proj");
    await runCaught([dir, ...ARGS, "--services", "ssm,sagemaker.api", "--lookup"]);
    const before = snapshotTree(dir);
    ec2.reset();
    expect((await runCaught([dir, ...ARGS, "--services", "ssm,sagemaker.api", "--force"])).code).toBe(0);
    expect(snapshotTree(dir)).toEqual(before);
    expect(ec2.calls()).toHaveLength(0);
  });

  test("GIVEN a service offered in one chosen zone only THEN exit 2 naming it and the zones that offer it, nothing written", async () => {
    const dir = join(tmp("lookup-kms"), "proj");
    const result = await runCaught([dir, ...ARGS, "--services", "ssm,kms", "--lookup"]);
    expect(result.code).toBe(2);
    expect(result.error?.message).toMatch(/^`services\[1\]`: com\.amazonaws\.eu-west-1\.kms is offered in only .*euw1-az3/);
  });

  test("GIVEN a service the region does not offer THEN exit 2 naming it", async () => {
    const dir = join(tmp("lookup-missing"), "proj");
    const result = await runCaught([dir, ...ARGS, "--services", "ssm,logs", "--lookup"]);
    expect(result.code).toBe(2);
    expect(result.error?.message).toMatch(/^`services\[1\]`: com\.amazonaws\.eu-west-1\.logs is not offered in eu-west-1/);
  });

  test("GIVEN a project made with --lookup WHEN AWS now offers the service in every zone THEN upgrade --lookup asks again and re-places it, keeping an edit", async () => {
    const dir = join(tmp("lookup-upgrade"), "proj");
    expect((await runCaught([dir, ...ARGS, "--services", "ssm,sagemaker.api", "--lookup"])).code).toBe(0);
    writeFileSync(join(dir, "main.ts"), `${readFileSync(join(dir, "main.ts"), "utf8")}// owned by the platform team\n`);
    CATALOG[1] = offered("sagemaker.api", ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
    try {
      expect((await runCaught(["upgrade", dir, "--yes", "--lookup", "--allow-dirty"])).code).toBe(0);
    } finally {
      CATALOG[1] = offered("sagemaker.api", ["eu-west-1a", "eu-west-1b"]);
    }
    expect(ec2.commandCalls(DescribeVpcEndpointServicesCommand).length).toBeGreaterThan(1);
    const main = readFileSync(join(dir, "main.ts"), "utf8");
    expect(main).not.toMatch(/serviceZones/);
    expect(main).toMatch(/\/\/ owned by the platform team\n$/);
    const [stack] = await synthProject(dir);
    const endpoints = Object.values(
      stack.json.resource.aws_vpc_endpoint as Record<string, { service_name: string; subnet_ids?: string[] }>,
    );
    expect(endpoints.find((e) => e.service_name.endsWith(".sagemaker.api"))!.subnet_ids).toHaveLength(3);
  });
});
