import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CLI, runCli, tmp } from "../support/cli";
import { KEY, Terminal } from "../support/pty";

/**
 * The interactive defects a new user met (issue "The first hour"), each walked
 * in a real pseudo-terminal: what the prompt shows, what Enter does, and what
 * the run prints at the end.
 */

const chars = (text: string) => [...text];

describe("interactive prompts, as a person meets them", () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.kill());

  test("the blueprint picker, a version with known defects, the zone hint, a malformed vpce-svc name, the gateway filter, the tags hint", async () => {
    const parent = tmp("tty-defects");
    terminal = new Terminal(`node ${CLI} old-endpoints`, parent);
    // Listed as `create-privatelink blueprints` lists them, the newest marked, older versions with their advisories.
    const picker = await terminal.waitFor(/endpoint-hub@2 \(latest\)/);
    expect(picker).toMatch(
      /service-endpoints@1 \(known defects: PL-2026-001.*; fixed in @4\).*service-endpoints@2 \(known defects: .*\).*service-endpoints@3 \(known defects: PL-2026-011.*; fixed in @4\).*service-endpoints@4 \(latest\).*endpoint-service@1 \(known defects: PL-2026-008.*\).*endpoint-service@2 \(known defects: .*PL-2026-009.*\).*endpoint-service@3 \(latest\).*endpoint-consumer@1 \(known defects: PL-2026-014.*; fixed in @2\).*endpoint-consumer@2 \(latest\).*endpoint-hub@1 \(known defects: PL-2026-016.*; fixed in @2\).*endpoint-hub@2 \(latest\)/,
    );
    await terminal.type(KEY.up, KEY.up, KEY.up, KEY.enter);
    await terminal.answer(/Project name/, KEY.enter);
    await terminal.answer(/AWS region/, KEY.enter);
    await terminal.answer(/VPC\b/, KEY.enter);
    await terminal.answer(/VPC IPv4 CIDR/, KEY.enter);
    // The example is the region's own (us-east-1, not euw1-az1).
    await terminal.answer(
      /Availability zones of the new VPC \(2 or 3; names, or zone IDs to match zones across accounts\) \(in us-east-1, e\.g\. use1-az1,use1-az2\)/,
      KEY.enter,
    );
    await terminal.answer(/Interface endpoints \(PrivateLink\)/, KEY.enter);
    // A malformed endpoint service name gets the endpoint-service name rule, not "not in the catalog".
    await terminal.answer(/Custom service names/, ...chars("vpce-svc-123"), KEY.enter);
    await terminal.waitFor(
      /"vpce-svc-123" is not an endpoint service name; expected com\.amazonaws\.vpce\.<region>\.vpce-svc-<17 hex digits>/,
    );
    await terminal.type(...Array(12).fill(KEY.backspace), KEY.enter);
    // The gateway picker is the service picker: it filters as you type.
    await terminal.waitFor(/Gateway endpoints/);
    await terminal.type(...chars("dyn"));
    await terminal.waitFor(/Gateway endpoints \(free; S3 and DynamoDB only\) dyn/);
    const filtered = await terminal.waitFor(/enter confirm/);
    expect(filtered).toMatch(/dynamodb/);
    expect(filtered).not.toMatch(/◉ s3 /);
    await terminal.type(KEY.space, KEY.enter);
    await terminal.answer(/Accounts whose principals/, KEY.enter);
    await terminal.answer(/Terraform state backend/, KEY.enter);
    await terminal.answer(/Tags on every resource \(Key=Value,Key=Value; empty for none\)/, KEY.enter);
    await terminal.waitFor(/Wrote \d+ of \d+ files to old-endpoints/);
    expect(await terminal.exited).toBe(0);
    // Generating a version with known defects is said, with the version that fixes them.
    expect(terminal.screen).toMatch(
      /service-endpoints@1 has \d known defect\(s\) with these answers \(PL-2026-001.*\); service-endpoints@4 fixes them/,
    );
    const provenance = JSON.parse(readFileSync(join(parent, "old-endpoints", ".privatelink.json"), "utf8"));
    expect(provenance).toMatchObject({ blueprint: "service-endpoints@1", gatewayServices: ["s3", "dynamodb"] });
  }, 120000);

  test("endpoint-service@2: the consumers prompt offers the accounts as JSON, Enter takes them; the zone prompt asks for IDs", async () => {
    const parent = tmp("tty-consumers");
    terminal = new Terminal(`node ${CLI} link`, parent);
    await terminal.answer(/Blueprint/, KEY.down, KEY.down, KEY.enter);
    await terminal.answer(/Project name/, KEY.enter);
    await terminal.answer(/AWS region/, KEY.enter);
    await terminal.answer(/Stacks to generate/, KEY.enter);
    await terminal.answer(/VPC\b/, KEY.enter);
    await terminal.answer(/VPC IPv4 CIDR/, KEY.enter);
    await terminal.answer(
      /Zone IDs of the new VPC \(2 or more: the same zones in every account\) \(in us-east-1, e\.g\. use1-az1,use1-az2\)/,
      KEY.enter,
    );
    await terminal.answer(/Role to assume in the provider account/, KEY.enter);
    await terminal.answer(/Other regions/, KEY.enter);
    await terminal.answer(/Consumer account IDs/, ...chars("111122223333,444455556666"), KEY.enter);
    // The default is the JSON the question takes, never [object Object].
    const consumers = await terminal.waitFor(/Consumers, as JSON.*\]\)/);
    expect(consumers).toContain('[{"account":"111122223333"},{"account":"444455556666"}]');
    expect(consumers).not.toContain("[object Object]");
    await terminal.type(KEY.enter);
    await terminal.answer(/Role name to assume in each consumer account/, KEY.enter);
    // consumer stacks assume a role, so its external ID is asked
    await terminal.answer(/External ID/, KEY.enter);
    for (const question of [
      /NLB listener protocol/,
      /Port consumers connect to/,
      /Target type/,
      /Port the targets listen on/,
      /Targets to register now/,
      /proxy protocol/,
      /Private DNS name/,
      /SNS topic/,
      /Terraform state backend/,
      /Tags on every resource/,
    ])
      await terminal.answer(question, KEY.enter);
    await terminal.waitFor(/Wrote \d+ of \d+ files to link/);
    expect(await terminal.exited).toBe(0);
    const provenance = JSON.parse(readFileSync(join(parent, "link", ".privatelink.json"), "utf8"));
    expect(provenance.consumers).toMatchObject([{ account: "111122223333" }, { account: "444455556666" }]);
  }, 120000);

  test("zero consumers with provider-and-consumers is said, and not costed as 0 endpoints", () => {
    const dir = join(tmp("no-consumers"), "p");
    const result = runCli([dir, "--yes", "--blueprint", "endpoint-service@2"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("layout is provider-and-consumers, but no consumer is listed");
    expect(result.stderr).toContain("--layout provider-only");
    expect(result.stdout).toContain("Interface endpoints: none in this project.");
    expect(result.stdout).not.toMatch(/0 x \d AZ/);
  });

  test("an upgrade from recorded zone names asks each zone's ID in a terminal, checked as typed", async () => {
    const dir = join(tmp("tty-upgrade"), "proj");
    expect(runCli([dir, "--yes", "--blueprint", "service-endpoints@1"]).code).toBe(0);
    terminal = new Terminal(`node ${CLI} upgrade . --allow-dirty`, dir);
    await terminal.answer(/Zone ID of us-east-1a in your account/, ...chars("use1-az9"), KEY.enter);
    await terminal.waitFor(/expected one of use1-az1, use1-az2/);
    await terminal.type(KEY.backspace, "4", KEY.enter);
    await terminal.answer(/Zone ID of us-east-1b in your account/, ...chars("use1-az6"), KEY.enter);
    for (const question of [
      /IP address type/,
      /AWS Organization/,
      /read actions/,
      /S3 endpoints reach only/,
      /On-premises/,
      /Role to assume/,
    ])
      await terminal.answer(question, KEY.enter);
    await terminal.waitFor(/Upgraded \. from service-endpoints@1 to service-endpoints@4/);
    expect(await terminal.exited).toBe(0);
    expect(terminal.screen).toMatch(
      /zone names recorded in \.privatelink\.json become zone IDs, as answered: us-east-1a → use1-az4, us-east-1b → use1-az6/,
    );
    expect(readFileSync(join(dir, "main.ts"), "utf8")).toContain('availabilityZones: ["use1-az4", "use1-az6"]');
  }, 120000);
});
