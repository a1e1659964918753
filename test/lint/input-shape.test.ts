import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tmp } from "../support/cli";
import { gatewayEndpoint, policyJson, stackProject } from "./support";

const nested = (depth: number): string => `${"[".repeat(depth)}1${"]".repeat(depth)}`;

/** Hostile stacks: each must be refused with exit 2, naming the bad node, without a stack trace. */
const CASES: readonly { name: string; json: unknown; field: string; says: RegExp }[] = [
  { name: "a stack that is not JSON", json: "{ not json", field: "path", says: /is not readable Terraform JSON/ },
  { name: "`resource` that is not an object", json: { resource: ["x"] }, field: "resource", says: /expected an object/ },
  {
    name: "a null resource body",
    json: { resource: { aws_vpc_endpoint: { e: null } } },
    field: "resource.aws_vpc_endpoint.e",
    says: /is null .*expected an object/,
  },
  {
    name: "ingress: [null]",
    json: { resource: { aws_security_group: { g: { description: "x", ingress: [null] } } } },
    field: "resource.aws_security_group.g.ingress[0]",
    says: /is null .*expected an object/,
  },
  {
    name: "cidr_blocks with a number",
    json: { resource: { aws_security_group: { g: { description: "x", ingress: [{ cidr_blocks: [10] }] } } } },
    field: "resource.aws_security_group.g.ingress[0].cidr_blocks[0]",
    says: /expected a CIDR string/,
  },
  {
    name: "Statement: [null]",
    json: { resource: gatewayEndpoint(policyJson(null)) },
    field: "resource.aws_vpc_endpoint.e.policy: Statement[0]",
    says: /is null .*expected a statement object/,
  },
  {
    name: "a policy that is a JSON number",
    json: { resource: gatewayEndpoint("42") },
    field: "resource.aws_vpc_endpoint.e.policy",
    says: /expected a JSON object/,
  },
  {
    name: "a policy that is an object rather than a JSON string",
    json: { resource: gatewayEndpoint({ Statement: [] }) },
    field: "resource.aws_vpc_endpoint.e.policy",
    says: /expected a string/,
  },
  {
    name: "a policy that is neither JSON nor a Terraform expression",
    json: { resource: gatewayEndpoint("allow everything") },
    field: "resource.aws_vpc_endpoint.e.policy",
    says: /is not JSON/,
  },
  {
    name: "a Principal that is a number",
    json: { resource: gatewayEndpoint(policyJson({ Effect: "Allow", Principal: 7, Action: "*", Resource: "*" })) },
    field: "resource.aws_vpc_endpoint.e.policy: Statement[0].Principal",
    says: /expected "\*" or an object/,
  },
  {
    name: "a Condition that is a string",
    json: { resource: gatewayEndpoint(policyJson({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: "x" })) },
    field: "resource.aws_vpc_endpoint.e.policy: Statement[0].Condition",
    says: /expected an object/,
  },
  {
    name: "a trust policy with Statement: [null]",
    json: { resource: { aws_iam_role: { r: { assume_role_policy: policyJson(null) } } } },
    field: "resource.aws_iam_role.r.assume_role_policy: Statement[0]",
    says: /is null/,
  },
  {
    name: "nesting 20,000 deep (was a RangeError)",
    json: `{"resource":{"aws_vpc":{"v":{"x":${nested(20000)}}}}}`,
    field: "resource.aws_vpc.v.x",
    says: /nested deeper than 64 levels/,
  },
  {
    name: "a policy nested 20,000 deep",
    json: { resource: gatewayEndpoint(`{"Statement":${nested(20000)}}`) },
    field: "resource.aws_vpc_endpoint.e.policy",
    says: /nested deeper than 64 levels/,
  },
];

const noTrace = (text: string) => !/internal error|\n\s+at /.test(text);

describe("lint refuses malformed input: exit 2, the bad node named, no stack trace", () => {
  test.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const dir = stackProject(c.json);
    const text = runCli(["lint", dir]);
    expect({ code: text.code, noTrace: noTrace(text.stderr) }).toEqual({ code: 2, noTrace: true });
    expect(text.stderr).toContain(`\`${c.field}`);
    expect(text.stderr).toMatch(c.says);
    const json = runCli(["lint", dir, "--json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      error: {
        field: expect.stringMatching(new RegExp(`^${c.field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`)),
        message: expect.any(String),
      },
    });
    expect(JSON.parse(json.stdout).error.message).toMatch(c.says);
  });
});

describe("lint refuses what is not a synthesized file: exit 2 with a message, never a hang", () => {
  const refused = (args: string[], says: RegExp) => {
    const text = runCli(["lint", ...args]);
    expect({ code: text.code, noTrace: noTrace(text.stderr) }).toEqual({ code: 2, noTrace: true });
    expect(text.stderr).toMatch(says);
    const json = runCli(["lint", ...args, "--json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).error).toEqual({ field: "path", message: expect.stringMatching(says) });
  };

  test("GIVEN /proc/self/status or /proc THEN the kernel's pseudo-files are refused by name", () => {
    refused(["/proc/self/status"], /\/proc\/self\/status is under \/proc, .*expected a cdk\.tf\.json/);
    refused(["/proc"], /\/proc is under \/proc/);
  });

  test("GIVEN a stack file over 32 MiB THEN it is refused before it is read", () => {
    const dir = stackProject("{}");
    truncateSync(join(dir, "cdktf.out", "stacks", "s", "cdk.tf.json"), 40 * 2 ** 20);
    refused([dir], /cdk\.tf\.json is 40\.0 MiB; expected at most 32 MiB/);
  });

  test("GIVEN a FIFO in place of cdk.tf.json THEN it is refused, not read (reading would block)", () => {
    const dir = tmp("lint-fifo");
    execFileSync("mkfifo", [join(dir, "cdk.tf.json")]);
    refused([dir], /cdk\.tf\.json is not a regular file/);
  });

  test("GIVEN a folder named cdk.tf.json THEN it is refused as not a regular file", () => {
    const dir = tmp("lint-dir");
    mkdirSync(join(dir, "cdk.tf.json"));
    refused([dir], /cdk\.tf\.json is not a regular file/);
  });

  const root = process.getuid?.() === 0;
  (root ? test.skip : test)("GIVEN a file without read permission THEN the error names it and the errno", () => {
    const dir = tmp("lint-perm");
    writeFileSync(join(dir, "cdk.tf.json"), "{}");
    chmodSync(join(dir, "cdk.tf.json"), 0o000);
    refused([dir], /cannot read .*cdk\.tf\.json \(EACCES\)/);
  });
});
