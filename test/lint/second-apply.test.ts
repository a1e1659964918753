import { spawnSync } from "node:child_process";
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { type LintDocument, lint } from "../../blueprints/lib/lint";
import { subnetBits, usableAddresses } from "../../blueprints/lib/subnet-sizing";
import { SSM_AGENT_ACTIONS } from "../../blueprints/service-endpoints/v4/policy-templates";
import { runCli, tmp } from "../support/cli";
import { privateDnsTwice, readOnlySsmWithAgent, serviceIn, subnetHolding } from "./second-apply-fixtures";

const rulesOf = (...docs: LintDocument[]) => lint(docs).findings.map((f) => f.rule);
const examples = join(__dirname, "..", "..", "examples");
type Report = {
  findings: { rule: string; file: string; message: string }[];
  suppressed: { rule: string; file: string; message: string; reason: string }[];
};
const report = (name: string) => JSON.parse(runCli(["lint", join(examples, name), "--json"]).stdout) as Report;
const ruleIn = (r: Report, rule: string) => [...r.findings, ...r.suppressed].filter((f) => f.rule === rule);

describe("PL_ATTRIBUTE_TWO_PLACES: one owner per attribute", () => {
  test("GIVEN the endpoint leaves private_dns_enabled out THEN it is quiet; set either way, it fires", () => {
    expect(rulesOf(privateDnsTwice(undefined))).toEqual([]);
    expect(rulesOf(privateDnsTwice(true))).toEqual(["PL_ATTRIBUTE_TWO_PLACES"]);
  });

  test("GIVEN inline security group rules next to a rule resource THEN it fires on the group", () => {
    const doc: LintDocument = {
      file: "cdk.tf.json",
      json: {
        resource: {
          aws_security_group: {
            g: { vpc_id: "vpc-1", ingress: [{ from_port: 443, to_port: 443, protocol: "tcp", cidr_blocks: ["10.0.0.0/16"] }] },
          },
          aws_vpc_security_group_ingress_rule: {
            r: {
              security_group_id: "${aws_security_group.g.id}",
              ip_protocol: "tcp",
              from_port: 443,
              to_port: 443,
              cidr_ipv4: "10.0.0.0/16",
            },
          },
        },
      },
    };
    expect(
      lint([doc])
        .findings.filter((f) => f.rule === "PL_ATTRIBUTE_TWO_PLACES")
        .map((f) => f.resource),
    ).toEqual(["aws_security_group.g"]);
  });

  test("GIVEN endpoint-service@2 (private DNS stack → acceptance → consumer stack) THEN it follows the stacks to each consumer endpoint, suppressed with PL-2026-009", () => {
    const found = ruleIn(report("es2-private-dns"), "PL_ATTRIBUTE_TWO_PLACES") as { file: string; reason?: string }[];
    expect(found.map((f) => f.file).sort()).toEqual([
      "cdktf.out/stacks/consumer-111122223333/cdk.tf.json",
      "cdktf.out/stacks/consumer-444455556666/cdk.tf.json",
    ]);
    for (const f of found) expect(f.reason).toMatch(/^known defect PL-2026-009 of endpoint-service@2, fixed in @3/);
    expect(ruleIn(report("es3-private-dns"), "PL_ATTRIBUTE_TWO_PLACES")).toEqual([]);
  });

  test("GIVEN outputs that read each other in a loop (a hostile file) THEN it stops and finds nothing", () => {
    const remote = (other: string) => ({
      backend: "local",
      config: { path: `../${other}.tfstate` },
    });
    const a: LintDocument = {
      file: "stacks/a/cdk.tf.json",
      json: {
        terraform: { backend: { local: { path: "../a.tfstate" } } },
        data: { terraform_remote_state: { b: remote("b") } },
        output: { loop: { value: "${data.terraform_remote_state.b.outputs.loop}" } },
        resource: {
          aws_vpc_endpoint_private_dns: {
            d: { vpc_endpoint_id: "${data.terraform_remote_state.b.outputs.loop}", private_dns_enabled: true },
          },
        },
      },
    };
    const b: LintDocument = {
      file: "stacks/b/cdk.tf.json",
      json: {
        terraform: { backend: { local: { path: "../b.tfstate" } } },
        data: { terraform_remote_state: { a: remote("a") } },
        output: { loop: { value: "${data.terraform_remote_state.a.outputs.loop}" } },
      },
    };
    expect(rulesOf(a, b)).toEqual([]);
  });
});

describe("PL_SUPPORTED_REGIONS_HOME", () => {
  test("GIVEN the home region among the supported ones, or none listed THEN it is quiet", () => {
    expect(rulesOf(serviceIn("us-east-1", ["us-east-1", "us-west-2"]))).toEqual([]);
    expect(rulesOf(serviceIn("us-east-1", []))).toEqual([]);
  });

  test.each([
    ["es1-provider-25-consumers", "endpoint-service@1"],
    ["es2-cross-region", "endpoint-service@2"],
  ])("GIVEN released example %s THEN it fires, suppressed with PL-2026-008 of %s", (name, version) => {
    const found = ruleIn(report(name), "PL_SUPPORTED_REGIONS_HOME") as { reason?: string }[];
    expect(found).toHaveLength(1);
    expect(found[0].reason).toMatch(new RegExp(`^known defect PL-2026-008 of ${version}, fixed in @3`));
    expect(ruleIn(report("es3-cross-region"), "PL_SUPPORTED_REGIONS_HOME")).toEqual([]);
  });
});

describe("PL_SUBNET_CAPACITY and subnet sizing", () => {
  test("GIVEN a /28 (11 usable) THEN 10 endpoints and an NLB fit, and one more endpoint does not", () => {
    expect(usableAddresses(28)).toBe(11);
    expect(rulesOf(subnetHolding("10.0.0.0/28", 10))).not.toContain("PL_SUBNET_CAPACITY");
    const [finding] = lint([subnetHolding("10.0.0.0/28", 11)]).findings.filter((f) => f.rule === "PL_SUBNET_CAPACITY");
    expect(finding.message).toBe(
      "10.0.0.0/28 has 11 usable addresses (16 - 5 AWS reserves) and holds 12 interfaces (11 interface endpoints, 1 load balancer)",
    );
  });

  test("GIVEN service-endpoints@3 with 12 interface endpoints in a /24 VPC (released: /28 subnets) THEN the lint finds both subnets over capacity, suppressed with PL-2026-012", () => {
    const dir = join(tmp("capacity"), "p");
    const services = "ssm,ssmmessages,ec2messages,ec2,logs,monitoring,kms,secretsmanager,sts,ecr.api,ecr.dkr,sqs";
    const made = runCli([
      dir,
      "--yes",
      "--blueprint",
      "service-endpoints@3",
      "--region",
      "eu-west-1",
      "--vpc-cidr",
      "10.0.0.0/24",
      "--services",
      services,
    ]);
    expect(made.code).toBe(0);
    // synthesized as npm run synth does: two /28 subnets of 11 usable addresses, 12 endpoints in each
    symlinkSync(join(__dirname, "..", "..", "node_modules"), join(dir, "node_modules"), "dir");
    expect(spawnSync(process.execPath, ["--import", "tsx", "main.ts"], { cwd: dir, encoding: "utf8" }).stderr).toBe("");
    const result = JSON.parse(runCli(["lint", dir, "--json"]).stdout) as Report;
    const found = ruleIn(result, "PL_SUBNET_CAPACITY") as { message: string; reason?: string }[];
    expect(found.map((f) => f.message)).toEqual([
      "10.0.0.0/28 has 11 usable addresses (16 - 5 AWS reserves) and holds 12 interfaces (12 interface endpoints)",
      "10.0.0.16/28 has 11 usable addresses (16 - 5 AWS reserves) and holds 12 interfaces (12 interface endpoints)",
    ]);
    for (const f of found) expect(f.reason).toMatch(/^known defect PL-2026-012 of service-endpoints@3, fixed in @4/);
  });

  test("GIVEN service-endpoints@3 with a read-only ssm next to the agent's endpoints THEN the lint finds PL_SSM_READ_ONLY_AGENT, suppressed with PL-2026-011; @4 passes", () => {
    const finds = (blueprint: string) => {
      const dir = join(tmp("ssm-agent"), "p");
      const made = runCli([
        dir,
        "--yes",
        "--blueprint",
        blueprint,
        "--services",
        "ssm,ssmmessages,ec2messages",
        "--read-only-services",
        "ssm",
      ]);
      expect(made.code).toBe(0);
      symlinkSync(join(__dirname, "..", "..", "node_modules"), join(dir, "node_modules"), "dir");
      expect(spawnSync(process.execPath, ["--import", "tsx", "main.ts"], { cwd: dir, encoding: "utf8" }).stderr).toBe("");
      return ruleIn(JSON.parse(runCli(["lint", dir, "--json"]).stdout) as Report, "PL_SSM_READ_ONLY_AGENT") as { reason?: string }[];
    };
    const v3 = finds("service-endpoints@3");
    expect(v3).toHaveLength(1);
    expect(v3[0].reason).toMatch(/^known defect PL-2026-011 of service-endpoints@3, fixed in @4/);
    expect(finds("service-endpoints@4")).toEqual([]);
  });

  test("GIVEN a read-only ssm endpoint next to ssmmessages THEN PL_SSM_READ_ONLY_AGENT names the agent's denied calls; with them allowed, or without the agent's endpoints, it is quiet", () => {
    const [finding] = lint([readOnlySsmWithAgent()]).findings.filter((f) => f.rule === "PL_SSM_READ_ONLY_AGENT");
    expect(finding.message).toMatch(/^allows none of ssm:UpdateInstanceInformation, ssm:ListAssociations, ssm:GetDocument/);
    expect(rulesOf(readOnlySsmWithAgent(["ssm:GetParameter", ...SSM_AGENT_ACTIONS]))).not.toContain("PL_SSM_READ_ONLY_AGENT");
    const alone = readOnlySsmWithAgent();
    const { messages: _m, ...endpoints } = (alone.json.resource as { aws_vpc_endpoint: Record<string, unknown> }).aws_vpc_endpoint;
    expect(rulesOf({ ...alone, json: { resource: { aws_vpc_endpoint: endpoints } } as LintDocument["json"] })).not.toContain(
      "PL_SSM_READ_ONLY_AGENT",
    );
  });

  test.each([
    ["10.0.0.0/16", 2, 1, 4],
    ["10.0.0.0/24", 2, 11, 4],
    ["10.0.0.0/24", 2, 15, 3],
    ["10.0.0.0/24", 3, 40, 2],
  ])("GIVEN %s, %i zones and %i interfaces each THEN subnets take %i more bits", (cidr, zones, interfaces, bits) => {
    expect(subnetBits(cidr, zones, { interfaces, what: "endpoints" }, "vpc.cidr")).toBe(bits);
  });

  test("GIVEN more interfaces than the largest subnets hold THEN the refusal names the field and shows the arithmetic", () => {
    expect(() =>
      subnetBits("10.0.0.0/24", 3, { interfaces: 60, what: "58 interface endpoints, 1 attachment, 1 Resolver address" }, "vpc.cidr"),
    ).toThrow(
      "`vpc.cidr`: 10.0.0.0/24 is too small: 3 zones get at most a /26 each, 64 addresses - 5 AWS reserves = 59 usable, and each subnet needs 60 (58 interface endpoints, 1 attachment, 1 Resolver address); give a larger VPC CIDR, e.g. a /22",
    );
  });
});

describe("each new rule fails on the released version it names, and passes on the version that fixes it", () => {
  test.each([
    ["PL_ATTRIBUTE_TWO_PLACES", "es2-private-dns", "es3-private-dns"],
    ["PL_SUPPORTED_REGIONS_HOME", "es2-cross-region", "es3-cross-region"],
    ["PL_TGW_SPOKE_ISOLATION", "eh1-ten-spokes-cross-account", "eh2-ten-spokes-isolated"],
    ["PL_LOCKFILE_TERRAFORM_VERSION", "eh1-ten-spokes-cross-account", "eh2-ten-spokes-isolated"],
    ["PL_LOCKFILE_TERRAFORM_VERSION", "es2-govcloud", "es3-small-vpcs-s3-backend"],
    ["PL_LOCKFILE_TERRAFORM_VERSION", "se1-interface-and-gateway", "se3-defaults"],
    ["PL_S3_TRUSTED_RESOURCES", "eh1-ten-spokes-cross-account", "eh2-ten-spokes-isolated"],
    ["PL_S3_TRUSTED_RESOURCES", "se1-interface-and-gateway", "se4-codeartifact"],
    ["PL_S3_TRUSTED_RESOURCES", "se2-defaults", "se3-defaults"],
  ])("%s: found in example %s (suppressed by its advisory), not in %s", (rule, released, fixed) => {
    const found = ruleIn(report(released), rule) as { reason?: string }[];
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.reason).toMatch(/^known defect PL-2026-\d{3} of [a-z-]+@\d, fixed in @\d/);
    expect(ruleIn(report(fixed), rule)).toEqual([]);
  });
});

test("GIVEN a project that answered --trusted-resources no THEN PL_S3_TRUSTED_RESOURCES is found and suppressed with that answer as the reason, not as a defect", () => {
  const found = ruleIn(report("se3-govcloud-endpoint-service"), "PL_S3_TRUSTED_RESOURCES") as { reason?: string }[];
  expect(found).toHaveLength(1);
  expect(found[0].reason).toMatch(/^answered --trusted-resources no: .*by choice$/);
});
