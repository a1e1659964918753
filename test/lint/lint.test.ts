import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type LintDocument, lint, RULES } from "../../blueprints/lib/lint";
import { defaultSuppressions } from "../../generator/advisories";
import { resolveAnswers } from "../../generator/answers/resolve";
import { ALL_FIXTURES } from "../fixtures";
import { runCli, tmp } from "../support/cli";
import { synthFixture } from "../support/synth";
import { DEFECT_FAILING, endpointTo, OWN_ONLY } from "./defect-fixtures";
import { SECOND_APPLY_FAILING } from "./second-apply-fixtures";
import { policyJson as defectPolicyJson } from "./support";

const doc = (resource: Record<string, Record<string, unknown>>): LintDocument => ({
  file: "cdk.tf.json",
  json: { resource: resource as never },
});
const policy = (statement: object) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
const allowAll = policy({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" });
const sg = (extra: object = {}) => ({ g: { description: "endpoints", vpc_id: "vpc-1", ...extra } });
const used = {
  aws_vpc_endpoint: {
    e: {
      vpc_endpoint_type: "Interface",
      service_name: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
      subnet_ids: ["a", "b"],
      security_group_ids: ["${aws_security_group.g.id}"],
    },
  },
};
const worldRule = (port: number) => ({
  aws_security_group: sg(),
  ...used,
  aws_vpc_security_group_ingress_rule: {
    r: {
      security_group_id: "${aws_security_group.g.id}",
      description: "x",
      ip_protocol: "tcp",
      from_port: port,
      to_port: port,
      cidr_ipv4: "0.0.0.0/0",
    },
  },
});
const trust = (statement: object) => ({
  aws_iam_role: { role: { assume_role_policy: policy({ Effect: "Allow", Action: "sts:AssumeRole", ...statement }) } },
});

/** For every rule, a synthesized document that makes it fire. */
const FAILING: Record<string, LintDocument> = {
  CKV_AWS_123: doc({
    aws_vpc_endpoint_service: { s: { acceptance_required: false, allowed_principals: ["arn:aws:iam::111122223333:root"] } },
  }),
  PL_SERVICE_PRINCIPAL_WILDCARD: doc({ aws_vpc_endpoint_service: { s: { acceptance_required: true, allowed_principals: ["*"] } } }),
  PL_SERVICE_PRINCIPAL_PATH: doc({
    aws_vpc_endpoint_service: { s: { acceptance_required: true, allowed_principals: ["arn:aws:iam::111122223333:role/team/App"] } },
  }),
  CKV_AWS_24: doc(worldRule(22)),
  CKV_AWS_25: doc(worldRule(3389)),
  CKV_AWS_260: doc(worldRule(80)),
  PL_SG_WORLD_INGRESS: doc({
    ...worldRule(443),
    aws_vpc_security_group_ingress_rule: {
      r: { security_group_id: "x", description: "x", ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ipv6: "::/0" },
    },
  }),
  CKV_AWS_23: doc({
    aws_security_group: sg({
      description: "Managed by Terraform",
      ingress: [{ from_port: 443, to_port: 443, protocol: "tcp", cidr_blocks: ["10.0.0.0/16"] }],
    }),
    ...used,
  }),
  CKV_AWS_382: doc({
    aws_security_group: sg({ egress: [{ description: "all", from_port: 0, to_port: 0, protocol: "-1", cidr_blocks: ["0.0.0.0/0"] }] }),
    ...used,
  }),
  CKV2_AWS_5: doc({ aws_security_group: sg() }),
  PL_NLB_INTERNAL: doc({
    aws_lb: {
      n: { load_balancer_type: "network", internal: false, enable_cross_zone_load_balancing: true, enable_deletion_protection: true },
    },
  }),
  CKV_AWS_152: doc({ aws_lb: { n: { load_balancer_type: "network", internal: true, enable_deletion_protection: true } } }),
  CKV_AWS_150: doc({ aws_lb: { n: { load_balancer_type: "network", internal: true, enable_cross_zone_load_balancing: true } } }),
  PL_ENDPOINT_POLICY: doc({
    aws_vpc_endpoint: {
      a: { vpc_endpoint_type: "Gateway", service_name: "com.amazonaws.eu-west-1.s3", route_table_ids: ["r"] },
      b: { vpc_endpoint_type: "Gateway", service_name: "com.amazonaws.eu-west-1.dynamodb", route_table_ids: ["r"], policy: allowAll },
    },
  }),
  PL_INTERFACE_MULTI_AZ: doc({
    aws_vpc_endpoint: {
      e: { vpc_endpoint_type: "Interface", service_name: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0", subnet_ids: ["a"] },
    },
  }),
  PL_GATEWAY_ROUTE_TABLES: doc({
    aws_vpc_endpoint: {
      e: {
        service_name: "com.amazonaws.eu-west-1.s3",
        policy: policy({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: {} }),
      },
    },
  }),
  PL_PRIVATE_DNS_DUPLICATE: doc({
    aws_vpc_endpoint: {
      a: {
        vpc_endpoint_type: "Interface",
        vpc_id: "vpc-1",
        service_name: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
        subnet_ids: ["a", "b"],
        private_dns_enabled: true,
      },
      b: {
        vpc_endpoint_type: "Interface",
        vpc_id: "vpc-1",
        service_name: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
        subnet_ids: ["a", "b"],
        private_dns_enabled: true,
      },
    },
  }),
  PL_PRIVATE_DNS_VPC: doc({
    aws_vpc: { v: { cidr_block: "10.0.0.0/16", enable_dns_support: true } },
    aws_vpc_endpoint: {
      e: {
        vpc_endpoint_type: "Interface",
        vpc_id: "${aws_vpc.v.id}",
        service_name: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
        subnet_ids: ["a", "b"],
        private_dns_enabled: true,
      },
    },
  }),
  PL_ACCEPTER_FOREIGN_ENDPOINT: doc({
    aws_vpc_endpoint_connection_accepter: {
      a: { vpc_endpoint_service_id: "${aws_vpc_endpoint_service.s.id}", vpc_endpoint_id: "vpce-0123456789abcdef0" },
    },
  }),
  PL_ACCEPTER_FOREIGN_SERVICE: doc({
    aws_vpc_endpoint_connection_accepter: {
      a: { vpc_endpoint_service_id: "vpce-svc-0123456789abcdef0", vpc_endpoint_id: "${aws_vpc_endpoint.e.id}" },
    },
  }),
  PL_PRIVATE_DNS_BEFORE_ACCEPTANCE: doc({
    aws_vpc_endpoint_service: { s: { acceptance_required: true, network_load_balancer_arns: ["arn"] } },
    aws_vpc_endpoint: {
      e: {
        vpc_endpoint_type: "Interface",
        service_name: "${aws_vpc_endpoint_service.s.service_name}",
        subnet_ids: ["a", "b"],
        private_dns_enabled: true,
      },
    },
  }),
  CKV_AWS_60: doc(trust({ Principal: { AWS: "*" }, Condition: { StringEquals: { "sts:ExternalId": "x" } } })),
  CKV_AWS_61: doc(trust({ Principal: { Service: "*" } })),
  PL_TRUST_EXTERNAL_ID: doc(trust({ Principal: { AWS: "arn:aws:iam::111122223333:root" } })),
  PL_POLICY_UNCHECKED: doc({ aws_iam_role: { role: { assume_role_policy: "${data.aws_iam_policy_document.trust.json}" } } }),
  // own principals only, to any bucket: the identity half of a perimeter without its resource half
  PL_S3_TRUSTED_RESOURCES: endpointTo("s3", defectPolicyJson(OWN_ONLY)),
  ...DEFECT_FAILING,
  ...SECOND_APPLY_FAILING,
};

describe("lint: proof both ways", () => {
  test("every rule has a fixture that makes it fire, and the table names no unknown rule", () => {
    expect(Object.keys(FAILING).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  test.each(RULES.map((r) => [r.id, r] as const))("%s fires on its failing fixture", (id) => {
    const report = lint([FAILING[id]]);
    expect(report.findings.map((f) => f.rule)).toContain(id);
  });

  test("every rule is documented: a title, why and how to fix", () => {
    for (const r of RULES) expect([r.title, r.why, r.fix].every((t) => t.length > 10)).toBe(true);
  });

  // Released versions with known defects pass only with the suppressions of the advisories their answers
  // have (advisories.ts `affects`): a finding left here is a defect whose advisory leaves this project out.
  test.each(ALL_FIXTURES.map((f) => [f.name, f] as const))("fixture %s passes every rule", async (_name, fixture) => {
    const documents = (await synthFixture(fixture)).map((s) => ({ file: s.id, json: s.json as LintDocument["json"] }));
    const { answers } = await resolveAnswers({ file: { projectName: fixture.name, ...fixture.answers } }, { yes: true });
    const [blueprint, version] = String(fixture.answers.blueprint).split("@");
    const suppressions = defaultSuppressions(blueprint, Number(version), answers as unknown as Readonly<Record<string, unknown>>);
    expect(lint(documents, suppressions).findings).toEqual([]);
  });
});

describe("lint command", () => {
  const project = (resources: LintDocument["json"]["resource"], suppressions?: unknown) => {
    const dir = tmp("lint");
    mkdirSync(join(dir, "cdktf.out", "stacks", "s"), { recursive: true });
    writeFileSync(join(dir, "cdktf.out", "stacks", "s", "cdk.tf.json"), JSON.stringify({ resource: resources }));
    if (suppressions !== undefined)
      writeFileSync(join(dir, ".privatelink.json"), JSON.stringify({ blueprint: "x@1", generator: "g", files: {}, suppressions }));
    return dir;
  };

  test("exit 0 on a clean example, with a count of what was checked", () => {
    const { code, stdout } = runCli(["lint", join(__dirname, "..", "..", "examples", "es1-provider-and-consumers")]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^0 finding\(s\), 0 suppressed; \d+ rules over \d+ resources in 3 file\(s\)\./m);
  });

  test("exit 1 on findings, each with its rule ID, resource and fix; --json for CI", () => {
    const dir = project(FAILING.CKV_AWS_123.json.resource);
    const text = runCli(["lint", dir]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      /^CKV_AWS_123 cdktf.out\/stacks\/s\/cdk.tf.json aws_vpc_endpoint_service\.s: acceptance_required is not true\n\s+fix: Set acceptance_required = true/m,
    );
    const json = runCli(["lint", dir, "--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).findings).toEqual([
      expect.objectContaining({ rule: "CKV_AWS_123", resource: "aws_vpc_endpoint_service.s" }),
    ]);
  });

  test("a suppression with a reason turns a finding off and is listed; one without a reason is refused (exit 2)", () => {
    const dir = project(FAILING.CKV_AWS_150.json.resource, [
      { rule: "CKV_AWS_150", reason: "Short-lived test environment, torn down nightly" },
    ]);
    const ok = runCli(["lint", dir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(
      /Suppressed \(in \.privatelink\.json\):\n\s+CKV_AWS_150 .*aws_lb\.n: deletion protection is off\n\s+reason: Short-lived test environment/,
    );
    const bad = runCli(["lint", project(FAILING.CKV_AWS_150.json.resource, [{ rule: "CKV_AWS_150" }])]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/`suppressions\[0\]`: .*a rule is only turned off with a written reason/);
  });

  test("exit 2 on unreadable input", () => {
    const dir = tmp("lint-bad");
    writeFileSync(join(dir, "cdk.tf.json"), "{ not json");
    expect(runCli(["lint", dir])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/`path`: cdk\.tf\.json is not readable Terraform JSON/),
    });
    expect(runCli(["lint", join(dir, "missing")])).toMatchObject({ code: 2, stderr: expect.stringMatching(/`path`: .* does not exist/) });
    expect(runCli(["lint", tmp("lint-empty")])).toMatchObject({ code: 2, stderr: expect.stringMatching(/no synthesized Terraform JSON/) });
  });

  test("--rules documents every rule", () => {
    const { code, stdout } = runCli(["lint", "--rules"]);
    expect(code).toBe(0);
    for (const r of RULES) expect(stdout).toContain(`${r.id}: ${r.title}`);
  });
});
