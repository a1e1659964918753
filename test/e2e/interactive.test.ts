import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CLI, tmp } from "../support/cli";
import { KEY, Terminal } from "../support/pty";

const chars = (text: string) => [...text];

describe("interactive flow in a real pseudo-terminal", () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.kill());

  test("GIVEN a person answering every question THEN the project on disk records those answers", async () => {
    const parent = tmp("tty");
    terminal = new Terminal(`node ${CLI} my-endpoints`, parent);
    await terminal.answer(/Blueprint/, KEY.enter);
    await terminal.answer(/Project name/, KEY.enter);
    await terminal.answer(/AWS region/, KEY.enter);
    await terminal.answer(/VPC\b/, KEY.enter);
    // a wrong CIDR is refused as it is typed, with the same check as the flag
    await terminal.answer(/VPC IPv4 CIDR/, ...chars("10.0.0.0/8"), KEY.enter);
    await terminal.waitFor(/`vpcCidr`: "10\.0\.0\.0\/8" has prefix \/8; expected a prefix from \/16 to \/24/);
    await terminal.type(...Array(10).fill(KEY.backspace), ...chars("10.9.0.0/16"), KEY.enter);
    await terminal.answer(/Availability zones/, KEY.enter);
    await terminal.answer(/IP address type of the endpoints/, KEY.down, KEY.enter);
    await terminal.answer(/Interface endpoints \(PrivateLink\)/, KEY.down, KEY.down, KEY.down, KEY.space, KEY.enter);
    await terminal.answer(/Custom service names/, ...chars("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"), KEY.enter);
    await terminal.answer(/Gateway endpoints/, KEY.enter);
    await terminal.answer(/Accounts whose principals may use the endpoints/, ...chars("011122223333"), KEY.enter);
    await terminal.answer(/AWS Organization whose principals/, KEY.enter);
    await terminal.answer(/Endpoints that allow only read actions/, KEY.space, KEY.enter);
    await terminal.answer(/S3 endpoints reach only buckets of your accounts/, KEY.enter);
    await terminal.answer(/On-premises networks/, KEY.enter);
    await terminal.answer(/Role to assume in the provider account/, KEY.enter);
    // no role to assume, so no external ID is asked
    await terminal.answer(/Terraform state backend/, KEY.enter);
    await terminal.answer(/Tags on every resource \(Key=Value,Key=Value; empty for none\)/, ...chars("Team=network"), KEY.enter);
    // the last question of the newest versions: no pipeline (the default), which records nothing
    await terminal.answer(/CI pipeline \(github: plan every stack on pull requests/, KEY.enter);
    await terminal.waitFor(/Wrote \d+ of \d+ files to my-endpoints/);
    expect(await terminal.exited).toBe(0);
    expect(terminal.screen).not.toMatch(/Consumer account IDs|Stacks to generate|External ID/);

    const provenance = JSON.parse(readFileSync(join(parent, "my-endpoints", ".privatelink.json"), "utf8"));
    expect(provenance).toMatchObject({
      blueprint: "service-endpoints@4",
      projectName: "my-endpoints",
      trustedResources: "yes",
      readOnlyServices: ["s3"],
      region: "us-east-1",
      vpcCidr: "10.9.0.0/16",
      ipAddressType: "dualstack",
      gatewayServices: ["s3"],
      allowedAccounts: ["011122223333"],
      tags: { Team: "network" },
    });
    expect(provenance.services).toEqual([
      "ssm",
      "ssmmessages",
      "ec2messages",
      "logs",
      "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
    ]);
    expect(readFileSync(join(parent, "my-endpoints", "main.ts"), "utf8")).toContain('cidr: "10.9.0.0/16"');
    expect(readFileSync(join(parent, "my-endpoints", "main.ts"), "utf8")).toContain('ipAddressType: "dualstack"');
  }, 120000);

  test("GIVEN the service picker THEN typing filters the grouped list, space toggles through filters, the cost line follows, enter confirms", async () => {
    const parent = tmp("tty-picker");
    terminal = new Terminal(`node ${CLI} picked`, parent);
    await terminal.answer(/Blueprint/, KEY.enter);
    await terminal.answer(/Project name/, KEY.enter);
    await terminal.answer(/AWS region/, KEY.enter);
    await terminal.answer(/VPC\b/, KEY.enter);
    await terminal.answer(/VPC IPv4 CIDR/, KEY.enter);
    await terminal.answer(/Availability zones/, ...chars("use1-az1,use1-az2,use1-az4"), KEY.enter);
    await terminal.answer(/IP address type of the endpoints/, KEY.enter);
    // the three default services, in the three zones answered before
    await terminal.waitFor(/3 selected: 3 x 3 AZ x 730 h x USD 0\.01 = about USD 65\.70 per month/);

    await terminal.type(...chars("ecr"));
    await terminal.waitFor(/Interface endpoints \(PrivateLink\) ecr/);
    const narrowed = await terminal.waitFor(/enter confirm/);
    expect(narrowed).toMatch(/── Containers & compute .*ecr\.api .*ecr\.dkr /);
    expect(narrowed).toContain("secretsmanager"); // the filter matches anywhere in key, title or group
    expect(narrowed).not.toMatch(/ssmmessages|kms|Systems Manager/);
    await terminal.type(KEY.down, KEY.space);
    await terminal.waitFor(/4 selected: 4 x 3 AZ .* = about USD 87\.60 per month/);

    await terminal.type(...Array(3).fill(KEY.backspace), ...chars("bedrock-r"), KEY.space);
    await terminal.waitFor(/5 selected: 5 x 3 AZ .* = about USD 109\.50 per month/);
    // a default service, found by its title, toggled off
    await terminal.type(...Array(9).fill(KEY.backspace), ...chars("Session"));
    await terminal.waitFor(/Interface endpoints \(PrivateLink\) Session/);
    expect(await terminal.waitFor(/enter confirm/)).toMatch(/◉ ssmmessages +Systems Manager Session Manager messages/);
    await terminal.type(KEY.space);
    await terminal.waitFor(/4 selected: 4 x 3 AZ .* = about USD 87\.60 per month/);
    await terminal.type(KEY.enter);

    await terminal.waitFor(/Interface endpoints \(PrivateLink\) ssm, ec2messages, ecr\.dkr, bedrock-runtime/);
    await terminal.answer(/Custom service names/, KEY.enter);
    const rest = [
      /Gateway endpoints/,
      /Accounts whose principals/,
      /AWS Organization/,
      /read actions/,
      /S3 endpoints reach only/,
      /On-premises/,
    ];
    for (const question of [...rest, /Role to assume/, /state backend/, /Tags/, /CI pipeline/]) await terminal.answer(question, KEY.enter);
    await terminal.waitFor(/Wrote \d+ of \d+ files to picked/);
    expect(await terminal.exited).toBe(0);
    const provenance = JSON.parse(readFileSync(join(parent, "picked", ".privatelink.json"), "utf8"));
    expect(provenance.services).toEqual(["ssm", "ec2messages", "ecr.dkr", "bedrock-runtime"]);
    expect(provenance.availabilityZones).toEqual(["use1-az1", "use1-az2", "use1-az4"]);
  }, 120000);

  test("GIVEN the endpoint-service blueprint THEN consumer accounts and the provider role are asked, and validated as typed", async () => {
    const parent = tmp("tty-es");
    terminal = new Terminal(`node ${CLI} link`, parent);
    // the picker lists the versions as `blueprints` does, starting at the default (service-endpoints@3): one down is endpoint-service@1
    await terminal.answer(/Blueprint/, KEY.down, KEY.enter);
    await terminal.answer(/Project name/, KEY.enter);
    await terminal.answer(/AWS region/, KEY.enter);
    await terminal.answer(/Stacks to generate/, KEY.enter);
    await terminal.answer(/VPC\b/, KEY.enter);
    await terminal.answer(/VPC IPv4 CIDR/, KEY.enter);
    await terminal.answer(/Availability zones/, KEY.enter);
    await terminal.answer(/Role to assume in the provider account/, ...chars("arn:aws-cn:iam::999988887777:role/Net"), KEY.enter);
    await terminal.waitFor(/is in partition aws-cn, but the region is in aws/);
    await terminal.type(...Array(40).fill(KEY.backspace), ...chars("arn:aws:iam::999988887777:role/NetworkDeployer"), KEY.enter);
    await terminal.answer(/Consumer account IDs/, ...chars("11112222333"), KEY.enter);
    await terminal.waitFor(/`consumerAccounts\[0\]`: "11112222333" is not an AWS account ID; expected exactly 12 digits/);
    await terminal.type(KEY.backspace, ...chars("33,444455556666"), KEY.enter);
    await terminal.answer(/Role name to assume in each consumer account/, KEY.enter);
    await terminal.answer(/External ID/, KEY.enter);
    await terminal.answer(/NLB listener protocol/, KEY.enter);
    await terminal.answer(/Port consumers connect to/, KEY.enter);
    await terminal.answer(/Target type/, KEY.enter);
    await terminal.answer(/Port the targets listen on/, KEY.enter);
    await terminal.answer(/Targets to register now/, KEY.enter);
    await terminal.answer(/Private DNS name/, KEY.enter);
    await terminal.answer(/SNS topic/, KEY.enter);
    await terminal.answer(/Other regions/, KEY.enter);
    await terminal.answer(/Terraform state backend/, KEY.enter);
    await terminal.answer(/Tags on every resource/, KEY.enter);
    await terminal.waitFor(/Wrote \d+ of \d+ files to link/);
    expect(await terminal.exited).toBe(0);
    const provenance = JSON.parse(readFileSync(join(parent, "link", ".privatelink.json"), "utf8"));
    expect(provenance).toMatchObject({
      blueprint: "endpoint-service@1",
      consumerAccounts: ["111122223333", "444455556666"],
      providerRoleArn: "arn:aws:iam::999988887777:role/NetworkDeployer",
    });
  }, 120000);

  test("GIVEN Ctrl-C at a question THEN exit 130 and nothing is written", async () => {
    const parent = tmp("tty-cancel");
    terminal = new Terminal(`node ${CLI} cancelled`, parent);
    await terminal.answer(/Blueprint/, KEY.enter);
    await terminal.answer(/Project name/, KEY.ctrlC);
    expect(await terminal.exited).toBe(130);
    expect(terminal.screen).toMatch(/Cancelled: nothing was written/);
    expect(existsSync(join(parent, "cancelled"))).toBe(false);
  }, 60000);
});
