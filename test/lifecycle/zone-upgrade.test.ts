import { execFileSync } from "node:child_process";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DescribeAvailabilityZonesCommand, DescribeVpcEndpointServicesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { run } from "../../generator/cli";
import { lookupZoneIds } from "../../generator/lifecycle/zone-names";
import type { Output } from "../../generator/output";
import { interfaceService, S3_GATEWAY, US_EAST_1_ZONES } from "../lookup/aws-answers";
import { runCli, snapshotTree, tmp } from "../support/cli";
import { findTerraform, terraformEnv } from "../support/terraform";

/**
 * A service-endpoints@1 or @2 project made with the defaults in an
 * independently mapped region recorded zone names (us-east-1a); @3 places by
 * zone ID. The upgrade finds the IDs (AWS with --lookup, the owner in a
 * terminal, or --availability-zones), or exits 2 naming those flags. It keeps
 * the deployed subnets: @3 renames them after their zone ID, so the upgrade
 * adds `moved` blocks, and terraform, given the state a @1 deployment leaves,
 * plans no subnet, route table or association to be destroyed.
 */

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const ec2 = mockClient(EC2Client);
const quiet: Output = { print: () => {}, warn: () => {}, progress: () => {} };
const REPO = join(__dirname, "..", "..");

beforeEach(() => {
  ec2.reset();
  // us-east-1a is use1-az4 and us-east-1b is use1-az6 in this account (aws-answers.ts).
  ec2.on(DescribeAvailabilityZonesCommand).resolves({ AvailabilityZones: US_EAST_1_ZONES });
  ec2.on(DescribeVpcEndpointServicesCommand).callsFake((input: { Filters?: { Values?: string[] }[] }) => {
    const wanted = input.Filters?.[0]?.Values ?? [];
    const all = [...["ssm", "ssmmessages", "ec2messages"].map((key) => interfaceService(key)), S3_GATEWAY];
    const details = all.filter((s) => wanted.includes(s.ServiceName!));
    return { ServiceDetails: details, ServiceNames: details.map((s) => s.ServiceName!) };
  });
});

function oldProject(label: string, blueprint = "service-endpoints@1"): string {
  const dir = join(tmp(label), "proj");
  const made = runCli([dir, "--yes", "--blueprint", blueprint, "--region", "us-east-1"]);
  if (made.code !== 0) throw new Error(made.stderr);
  return dir;
}

const mainTs = (dir: string) => readFileSync(join(dir, "main.ts"), "utf8");

describe("upgrading a project that recorded zone names", () => {
  it.each(["service-endpoints@1", "service-endpoints@2"])(
    "%s: without a terminal or --lookup it exits 2 naming --availability-zones and --lookup, and writes nothing",
    (blueprint) => {
      const dir = oldProject("zones-refused", blueprint);
      const before = snapshotTree(dir);
      const result = runCli(["upgrade", dir, "--allow-dirty", "--yes"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("`availabilityZones[0]`");
      expect(result.stderr).toContain('"us-east-1a" is a zone name');
      expect(result.stderr).toContain("--lookup");
      expect(result.stderr).toContain("--availability-zones");
      expect(result.stderr).not.toContain("does not exist");
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(snapshotTree(dir)).toEqual(before);
      // check says what the upgrade it recommends will need.
      const check = runCli(["check", dir]);
      expect(check.stdout).toMatch(/outdated .* it needs the zone IDs of us-east-1a, us-east-1b in your account: pass --lookup/);
    },
  );

  it("an endpoint-service@1 project with subnets by zone name names --subnets, not a false 'does not exist'", () => {
    const dir = join(tmp("zones-es1"), "proj");
    const answers = join(dir, "..", "answers.json");
    writeFileSync(
      answers,
      JSON.stringify({
        vpc: "existing",
        vpcId: "vpc-0a1b2c3d4e5f60718",
        vpcCidr: "10.50.0.0/16",
        subnets: ["subnet-0a1b2c3d4e5f60711@us-east-1a", "subnet-0a1b2c3d4e5f60722@us-east-1b"],
      }),
    );
    const made = runCli([
      dir,
      "--yes",
      "--blueprint",
      "endpoint-service@1",
      "--region",
      "us-east-1",
      "--answers",
      answers,
      "--layout",
      "provider-only",
      "--targets",
      "i-0123456789abcdef0",
    ]);
    expect(made.stderr).toBe("");
    const result = runCli(["upgrade", dir, "--allow-dirty", "--yes"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("`subnets[0]`");
    expect(result.stderr).toContain("--subnets");
    expect(result.stderr).not.toContain("does not exist");
  });

  it("--availability-zones replaces the recorded names; the note says to check the diff (only the account knows)", () => {
    const dir = oldProject("zones-flag");
    const result = runCli(["upgrade", dir, "--allow-dirty", "--yes", "--availability-zones", "use1-az4,use1-az6"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(mainTs(dir)).toContain('availabilityZones: ["use1-az4", "use1-az6"]');
    expect(JSON.parse(readFileSync(join(dir, ".privatelink.json"), "utf8")).availabilityZones).toEqual(["use1-az4", "use1-az6"]);
    // The flag's IDs pair with the recorded names item by item: the renamed resources are moved all the same.
    expect(result.stdout).toContain(
      "recorded zone names become the zone IDs given by --availability-zones: us-east-1a → use1-az4, us-east-1b → use1-az6",
    );
    expect(result.stdout).toContain("6 resource(s) that service-endpoints@4 renames");
    expect(result.stdout).toContain("check with npm run diff before deploying");
    expect(mainTs(dir)).toMatch(
      /from: "aws_subnet\.endpoints_private-subnet-a_7E72BBFD",\s+to: "aws_subnet\.endpoints_private-subnet-az4_[0-9A-F]{8}"/,
    );
  });

  it("--lookup asks AWS for this account's IDs (DescribeAvailabilityZones), records them, and moves the renamed resources", async () => {
    const dir = oldProject("zones-lookup");
    const printed: string[] = [];
    const code = await run(["upgrade", dir, "--lookup", "--allow-dirty", "--yes"], { ...quiet, print: (t) => printed.push(t) });
    expect(code).toBe(0);
    const output = printed.join("\n");
    expect(output).toContain("this account's mapping (DescribeAvailabilityZones): us-east-1a → use1-az4, us-east-1b → use1-az6");
    expect(output).toContain("6 resource(s) that service-endpoints@4 renames");
    expect(output).toContain("no subnet is replaced when each zone ID is the zone its name meant in this account (as AWS answered)");
    const main = mainTs(dir);
    expect(main).toContain('availabilityZones: ["use1-az4", "use1-az6"]');
    expect(main).toContain('import { App, TerraformStack } from "./blueprints/lib/cdktf.ts";');
    expect(main).toMatch(
      /from: "aws_subnet\.endpoints_private-subnet-a_7E72BBFD",\s+to: "aws_subnet\.endpoints_private-subnet-az4_[0-9A-F]{8}"/,
    );
    expect(main).toMatch(
      /from: "aws_subnet\.endpoints_private-subnet-b_FD1CECBC",\s+to: "aws_subnet\.endpoints_private-subnet-az6_[0-9A-F]{8}"/,
    );
    // AWS's answers are recorded, so a later run places the endpoints the same way without asking.
    const context = JSON.parse(readFileSync(join(dir, "privatelink.context.json"), "utf8"));
    expect(context.zones).toEqual(
      expect.arrayContaining([{ zoneName: "us-east-1a", zoneId: "use1-az4", optInStatus: "opt-in-not-required" }]),
    );
    // check: the upgraded project is clean (its main.ts with the moves is what was generated).
    expect(runCli(["check", dir]).stdout).toContain("Clean");
  });

  it("lookupZoneIds turns an AWS error into an input error naming --lookup", async () => {
    ec2.on(DescribeAvailabilityZonesCommand).rejects(Object.assign(new Error("no credentials"), { name: "CredentialsProviderError" }));
    await expect(lookupZoneIds("us-east-1")).rejects.toMatchObject({ field: "--lookup" });
  });
});

/** Terraform's view: state as a @1 deployment leaves it, planned against the upgraded @3 project. */
describe("the upgraded project, planned against the old project's state", () => {
  const terraform = findTerraform();

  /** `npm run synth` in the project (node_modules: this repository's); the stack's Terraform JSON. */
  function synth(dir: string): { file: string; json: Record<string, Record<string, Record<string, Record<string, unknown>>>> } {
    execFileSync("npm", ["run", "--silent", "synth"], { cwd: dir, env: { ...process.env, CHECKPOINT_DISABLE: "1" }, stdio: "pipe" });
    const file = join(dir, "cdktf.out", "stacks", "proj", "cdk.tf.json");
    return { file, json: JSON.parse(readFileSync(file, "utf8")) };
  }

  /** Schema versions of hashicorp/aws 5.100.0 (`terraform providers schema -json`). */
  const SCHEMA = { aws_vpc: 1, aws_subnet: 1, aws_route_table: 0, aws_route_table_association: 0 } as const;

  /** The network a @1 deployment records: the resources as configured, references as IDs, each subnet's zone ID as AWS reports it. */
  function stateOf(config: Record<string, Record<string, Record<string, unknown>>>, zoneIds: Record<string, string>): unknown {
    const id = (type: string, name: string) => `${type}-${name}`.slice(0, 60);
    const resolveRefs = (value: unknown): unknown =>
      typeof value === "string"
        ? value.replace(/^\$\{([a-z0-9_]+)\.([^.]+)\.id\}$/, (_m, type: string, name: string) => id(type, name))
        : value;
    return {
      version: 4,
      terraform_version: "1.11.0",
      serial: 1,
      lineage: "0b5ee2ab-5d5e-4a3d-8a47-6a7d2f1d9c01",
      outputs: {},
      resources: (Object.keys(SCHEMA) as (keyof typeof SCHEMA)[]).flatMap((type) =>
        Object.entries(config[type] ?? {}).map(([name, args]) => {
          const attributes: Record<string, unknown> = { id: id(type, name) };
          for (const [key, value] of Object.entries(args)) if (key !== "//") attributes[key] = resolveRefs(value);
          // What the provider's read stores besides the configuration: the subnet's zone ID as AWS reports it,
          // and the schema defaults of the attributes that force a new resource.
          if (type === "aws_subnet")
            Object.assign(attributes, { availability_zone_id: zoneIds[String(args.availability_zone)], ipv6_native: false });
          if (type === "aws_vpc") Object.assign(attributes, { instance_tenancy: "default", default_route_table_id: "rtb-default" });
          return {
            mode: "managed",
            type,
            name,
            provider: 'provider["registry.terraform.io/hashicorp/aws"]',
            instances: [{ schema_version: SCHEMA[type], attributes }],
          };
        }),
      ),
    };
  }

  (terraform ? it : it.skip)("moves every subnet, route table and association: none is destroyed", async () => {
    const dir = oldProject("zones-terraform");
    symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
    const old = synth(dir);
    const state = stateOf(old.json.resource!, { "us-east-1a": "use1-az4", "us-east-1b": "use1-az6" });
    expect(await run(["upgrade", dir, "--lookup", "--allow-dirty", "--yes"], quiet)).toBe(0);
    const upgraded = synth(dir);
    const moved = (upgraded.json as unknown as { moved?: { from: string; to: string }[] }).moved ?? [];
    expect(moved).toHaveLength(6);

    // Offline: the account ID a data source would read is a literal, the provider asks AWS nothing.
    const stackDir = join(upgraded.file, "..");
    const text = readFileSync(upgraded.file, "utf8").replace(/\$\{data\.aws_caller_identity\.[^.]+\.account_id\}/g, "111122223333");
    const json = JSON.parse(text);
    delete json.data;
    writeFileSync(
      join(stackDir, "zz_offline_override.tf.json"),
      JSON.stringify({
        terraform: { backend: { local: { path: "old.tfstate" } } },
        provider: { aws: { skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: true } },
      }),
    );
    const tf = (...args: string[]) =>
      execFileSync(terraform!, args, { cwd: stackDir, env: terraformEnv(), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    tf("init", "-input=false", "-no-color");
    type Change = { address: string; previous_address?: string; change: { actions: string[]; replace_paths?: string[][] } };
    const network = (oldState: unknown, config: unknown): Change[] => {
      writeFileSync(join(stackDir, "old.tfstate"), JSON.stringify(oldState));
      writeFileSync(upgraded.file, JSON.stringify(config));
      tf("plan", "-refresh=false", "-input=false", "-lock=false", "-no-color", "-out=upgrade.tfplan");
      const plan = JSON.parse(tf("show", "-json", "upgrade.tfplan")) as { resource_changes: Change[] };
      return plan.resource_changes.filter((c) => /^aws_(subnet|route_table|route_table_association|vpc)\./.test(c.address));
    };
    const destroyed = (changes: Change[]) => changes.filter((c) => c.change.actions.includes("delete"));

    const planned = network(state, json);
    expect(destroyed(planned).map((c) => `${c.address}: ${c.change.actions.join("/")}`)).toEqual([]);
    const previous = planned.flatMap((c) => (c.previous_address === undefined ? [] : [c.previous_address]));
    expect(previous.sort()).toEqual(moved.map((m) => m.from).sort());

    // The other way round, what the notes warn of. Without the moves every subnet goes, and its route table and association.
    const { moved: _moves, ...withoutMoves } = json;
    expect(destroyed(network(state, withoutMoves)).filter((c) => c.address.startsWith("aws_subnet."))).toHaveLength(2);
    // And an ID that is not the zone the name meant in this account replaces the subnet.
    const elsewhere = stateOf(old.json.resource!, { "us-east-1a": "use1-az1", "us-east-1b": "use1-az6" });
    const replaced = destroyed(network(elsewhere, json)).filter((c) => c.address.startsWith("aws_subnet."));
    expect(replaced.map((c) => c.change.replace_paths)).toEqual([[["availability_zone_id"]]]);
  });
});
