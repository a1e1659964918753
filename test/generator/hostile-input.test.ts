import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { questionOf } from "../../generator/answers/catalog";
import { validator } from "../../generator/prompts";
import { runCli, tmp } from "../support/cli";

interface Case {
  /** What is hostile about it. */
  readonly name: string;
  readonly args?: readonly string[];
  /** An answers file's raw text, passed with --answers. */
  readonly answersFile?: string;
  /** The field the message must name, as it appears between backticks. */
  readonly field: string;
  /** More of the message: what is expected. */
  readonly expected: RegExp;
}

const long = "x".repeat(300);
const ES = ["--blueprint", "endpoint-service"];

const CASES: readonly Case[] = [
  {
    name: "an endpoint-service@2 consumer region misspelled (named as the consumer's, not --region)",
    args: [
      "--blueprint",
      "endpoint-service@2",
      "--region",
      "eu-west-1",
      "--consumers",
      '[{"account":"111122223333","region":"eu-wset-1"}]',
    ],
    field: "consumers[0].region",
    expected: /"eu-wset-1" is not a known AWS region/,
  },
  {
    name: "an endpoint-service@2 consumer region that is a number",
    args: ["--blueprint", "endpoint-service@2", "--region", "eu-west-1", "--consumers", '[{"account":"111122223333","region":42}]'],
    field: "consumers[0].region",
    expected: /expected a region name such as eu-west-2, got the number 42/,
  },
  {
    name: "an endpoint-service@2 consumer in a zone its load balancer is not in (apply would fail)",
    args: [
      "--blueprint",
      "endpoint-service@2",
      "--region",
      "eu-west-1",
      "--consumers",
      '[{"account":"111122223333","availabilityZoneIds":["euw1-az1","euw1-az3"]}]',
    ],
    field: "consumers[0].availabilityZoneIds[1]",
    expected:
      /^create-privatelink: --consumers `consumers\[0\]\.availabilityZoneIds\[1\]`: is in euw1-az3, where the endpoint service is not offered: its load balancer is in euw1-az1, euw1-az2;/,
  },
  // answers files
  { name: "malformed JSON", answersFile: "{ region: eu-west-1 ", field: "--answers", expected: /is not valid JSON .*expected an object/ },
  { name: "a JSON list", answersFile: "[1, 2]", field: "--answers", expected: /holds a list; expected a JSON object of answers/ },
  {
    name: "an unknown key (typo)",
    answersFile: '{"servces": ["ssm"]}',
    field: "servces",
    expected: /is not a known answer \(did you mean services\?\)/,
  },
  {
    name: "a region of the wrong type",
    answersFile: '{"region": 123}',
    field: "region",
    expected: /expected a string, got the number 123/,
  },
  { name: "services as a number", answersFile: '{"services": 5}', field: "services", expected: /expected a list of strings/ },
  {
    name: "an account ID given as a number",
    answersFile: '{"blueprint": "endpoint-service", "consumerAccounts": [111122223333]}',
    field: "consumerAccounts[0]",
    expected: /expected a string, got the number 111122223333/,
  },
  { name: "tags as a list", answersFile: '{"tags": ["a"]}', field: "tags", expected: /expected Key=Value, got "a"/ },
  {
    name: "full-width digits in a CIDR",
    answersFile: '{"vpcCidr": "１０.0.0.0/16"}',
    field: "vpcCidr",
    expected: /is not an IPv4 CIDR block/,
  },
  // account IDs
  {
    name: "an account ID of 11 digits",
    args: [...ES, "--consumer-accounts", "11112222333"],
    field: "consumerAccounts[0]",
    expected: /expected exactly 12 digits/,
  },
  {
    name: "an account ID of 13 digits",
    args: [...ES, "--consumer-accounts", "1111222233334"],
    field: "consumerAccounts[0]",
    expected: /expected exactly 12 digits/,
  },
  {
    name: "an account ID with letters",
    args: [...ES, "--consumer-accounts", "11112222333a"],
    field: "consumerAccounts[0]",
    expected: /expected exactly 12 digits/,
  },
  {
    name: "a duplicate account",
    args: [...ES, "--consumer-accounts", "111122223333,111122223333"],
    field: "consumerAccounts[1]",
    expected: /is listed twice/,
  },
  {
    name: "a duplicate allowed account",
    args: ["--allowed-accounts", "111122223333,111122223333"],
    field: "allowedAccounts[1]",
    expected: /is listed twice/,
  },
  // role ARNs and principals
  {
    name: "a role ARN of another partition",
    args: [...ES, "--region", "eu-west-1", "--provider-role", "arn:aws-cn:iam::111122223333:role/X"],
    field: "providerRoleArn",
    expected: /is in partition aws-cn, but the region is in aws/,
  },
  {
    name: "a region whose partition does not match the ARN",
    args: [...ES, "--region", "cn-north-1", "--provider-role", "arn:aws:iam::111122223333:role/X"],
    field: "providerRoleArn",
    expected: /partition aws, but the region is in aws-cn/,
  },
  {
    name: "a malformed role ARN",
    args: [...ES, "--provider-role", "role/NetworkDeployer"],
    field: "providerRoleArn",
    expected: /is not an IAM role ARN; expected arn:<partition>:iam::/,
  },
  { name: "a `*` principal", args: [...ES, "--provider-role", "*"], field: "providerRoleArn", expected: /never `\*`/ },
  {
    name: "a user ARN for a role",
    args: [...ES, "--provider-role", "arn:aws:iam::111122223333:user/X"],
    field: "providerRoleArn",
    expected: /is not an IAM role ARN/,
  },
  {
    name: "a role name with a path",
    args: [...ES, "--consumer-accounts", "111122223333", "--consumer-role-name", "team/Deployer"],
    field: "consumerRoleName",
    expected: /expected an IAM role name/,
  },
  {
    name: "an external ID too short",
    args: [...ES, "--consumer-accounts", "111122223333", "--external-id", "a"],
    field: "externalId",
    expected: /expected 2 to 1224/,
  },
  {
    name: "an external ID with no role to assume (named as the flag; it would be dropped silently otherwise)",
    args: ["--external-id", "abcdef"],
    field: "--external-id",
    expected: /does not apply with the other answers given/,
  },
  // regions, services, zones
  { name: "an unknown region", args: ["--region", "mars-east-1"], field: "region", expected: /is not a known AWS region/ },
  { name: "an upper-case region", args: ["--region", "EU-WEST-1"], field: "region", expected: /is not a known AWS region/ },
  {
    name: "a control character in the region",
    args: ["--region", "eu-west-1\u0007"],
    field: "region",
    expected: /"eu-west-1\?" is not a known AWS region/,
  },
  {
    name: "an unknown service",
    args: ["--services", "ssm,ecr"],
    field: "services[1]",
    expected: /"ecr" is not a service in the catalog \(did you mean ecr\.api, ecr\.dkr\?\)/,
  },
  {
    name: "a made-up service name",
    args: ["--services", "evil.example.com"],
    field: "services[0]",
    expected: /is not a service in the catalog/,
  },
  {
    name: "a gateway endpoint for a service without one",
    args: ["--gateway-services", "ssm"],
    field: "gatewayServices[0]",
    expected: /ssm has no Gateway endpoint; expected one of s3, dynamodb/,
  },
  { name: "duplicate gateway services", args: ["--gateway-services", "s3,s3"], field: "gatewayServices[1]", expected: /is listed twice/ },
  { name: "duplicate interface services", args: ["--services", "ssm,ssm"], field: "services[1]", expected: /is listed twice/ },
  {
    name: "one availability zone",
    args: ["--availability-zones", "us-east-1a"],
    field: "availabilityZones",
    expected: /expected 2 or 3 zones/,
  },
  {
    name: "zones of another region",
    args: ["--availability-zones", "eu-west-1a,eu-west-1b"],
    field: "availabilityZones[0]",
    expected: /is not an availability zone of us-east-1/,
  },
  { name: "a /0 CIDR", args: ["--vpc-cidr", "0.0.0.0/0"], field: "vpcCidr", expected: /covers every address/ },
  { name: "a /33 CIDR", args: ["--vpc-cidr", "10.0.0.0/33"], field: "vpcCidr", expected: /is not an IPv4 CIDR block/ },
  {
    name: "a supported region of another partition",
    args: [...ES, "--supported-regions", "cn-north-1"],
    field: "supportedRegions[0]",
    expected: /partition aws-cn, not aws/,
  },
  {
    name: "a private DNS name in China",
    args: [...ES, "--region", "cn-north-1", "--private-dns-name", "api.example.com"],
    field: "privateDnsName",
    expected: /cannot have a private DNS name/,
  },
  {
    name: "a malformed endpoint service name",
    args: ["--blueprint", "endpoint-consumer", "--consumer-accounts", "111122223333", "--service-name", "vpce-svc-123"],
    field: "serviceName",
    expected: /is not an endpoint service name/,
  },
  // numbers and choices
  {
    name: "a port out of range",
    args: [...ES, "--listener-port", "70000"],
    field: "listenerPort",
    expected: /expected a whole number from 1 to 65535/,
  },
  {
    name: "a port that is not a number",
    args: [...ES, "--listener-port", "https"],
    field: "listenerPort",
    expected: /expected a whole number/,
  },
  {
    name: "TLS without a certificate",
    args: [...ES, "--listener-protocol", "TLS"],
    field: "certificateArn",
    expected: /expected a string, got null/,
  },
  {
    name: "a certificate of another region",
    args: [
      ...ES,
      "--region",
      "eu-west-1",
      "--listener-protocol",
      "TLS",
      "--certificate-arn",
      "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789",
    ],
    field: "certificateArn",
    expected: /is not an ACM certificate ARN of eu-west-1/,
  },
  { name: "an existing VPC without its ID", args: ["--vpc", "existing"], field: "vpcId", expected: /expected a string, got null/ },
  {
    name: "a malformed subnet",
    args: ["--vpc", "existing", "--vpc-id", "vpc-0123456789abcdef0", "--subnets", "subnet-12@us-east-1a"],
    field: "subnets[0]",
    expected: /expected a subnet ID/,
  },
  {
    name: "an S3 backend without a bucket",
    args: ["--backend", "s3"],
    field: "backendBucket",
    expected: /is missing; the S3 backend keeps state in a bucket: pass --backend-bucket/,
  },
  {
    name: "an invalid bucket name",
    args: ["--backend", "s3", "--backend-bucket", "Bad_Bucket"],
    field: "backendBucket",
    expected: /is not an S3 bucket name/,
  },
  {
    name: "an unknown layout",
    args: [...ES, "--layout", "everything"],
    field: "layout",
    expected: /expected one of provider-and-consumers, provider-only/,
  },
  {
    name: "an unknown blueprint",
    args: ["--blueprint", "nope"],
    field: "blueprint",
    expected: /is not a blueprint; expected one of service-endpoints, endpoint-service, endpoint-consumer/,
  },
  { name: "an unknown blueprint version", args: ["--blueprint", "service-endpoints@9"], field: "blueprint", expected: /has no version 9/ },
  { name: "an unknown flag", args: ["--regoin", "eu-west-1"], field: "--regoin", expected: /is not an option \(did you mean --region\?\)/ },
  // project names
  { name: "a name with ..", args: ["--name", "../evil"], field: "projectName", expected: /is not a valid npm package name/ },
  { name: "an absolute path as name", args: ["--name", "/etc/passwd"], field: "projectName", expected: /is not a valid npm package name/ },
  { name: "a reserved npm name", args: ["--name", "node_modules"], field: "projectName", expected: /is not a valid npm package name/ },
  { name: "a core module name", args: ["--name", "http"], field: "projectName", expected: /core module name/ },
  {
    name: "template braces in the name",
    args: ["--name", "{{projectName}}"],
    field: "projectName",
    expected: /is not a valid npm package name/,
  },
  { name: "a script tag in the name", args: ["--name", "</script>"], field: "projectName", expected: /is not a valid npm package name/ },
  { name: "a backtick in the name", args: ["--name", "a`b"], field: "projectName", expected: /is not a valid npm package name/ },
  { name: "a very long name", args: ["--name", long], field: "projectName", expected: /…\(300 characters\)/ },
  { name: "unicode in the name", args: ["--name", "ünïcode"], field: "projectName", expected: /is not a valid npm package name/ },
  // tags
  { name: "template braces in a tag", args: ["--tag", "Team={{x}}"], field: "tags.Team", expected: /tags may contain only/ },
  { name: "a backtick in a tag", args: ["--tag", "Team=`rm -rf /`"], field: "tags.Team", expected: /tags may contain only/ },
  { name: "a script tag in a tag", args: ["--tag", "Team=</script>"], field: "tags.Team", expected: /tags may contain only/ },
  { name: "a reserved tag key", args: ["--tag", "aws:owner=me"], field: "tags.aws:owner", expected: /reserved by AWS/ },
  { name: "a very long tag value", args: ["--tag", `Team=${long}`], field: "tags.Team", expected: /at most 256 characters/ },
  {
    name: "quotes in a tag of an NLB stack",
    args: [...ES, "--tag", "Note=it's"],
    field: "tags.Note",
    expected: /what Elastic Load Balancing accepts/,
  },
  // issue #14: silently ignored input, malformed numbers, unbounded reads, prototype keys, extra arguments
  {
    name: "an answer the chosen version does not ask (read-only templates with service-endpoints@1)",
    args: ["--blueprint", "service-endpoints@1", "--read-only-services", "s3"],
    field: "--read-only-services",
    expected: /is not used by service-endpoints@1 \(it is asked by service-endpoints@2/,
  },
  {
    name: "an organization and listed accounts together (one would be dropped)",
    args: ["--organization-id", "o-a1b2c3d4e5", "--allowed-accounts", "111122223333"],
    field: "organizationId",
    expected: /endpoint policies admit either an organization or listed accounts/,
  },
  {
    name: "a backend bucket without the S3 backend",
    args: ["--backend-bucket", "my-state"],
    field: "--backend-bucket",
    expected: /does not apply with the other answers given/,
  },
  {
    name: "a provider role with a blueprint version that has no deploy role",
    args: ["--blueprint", "service-endpoints@2", "--provider-role", "arn:aws:iam::111122223333:role/Net"],
    field: "--provider-role",
    expected: /is not used by service-endpoints@2/,
  },
  {
    name: "the generator's own name as the project's",
    args: ["--name", "create-privatelink"],
    field: "projectName",
    expected: /is the generator's own name/,
  },
  {
    name: "a zone ID closed to new accounts (endpoint-service@1 in us-west-1)",
    args: ["--blueprint", "endpoint-service@1", "--region", "us-west-1", "--availability-zones", "usw1-az1,usw1-az2"],
    field: "availabilityZones[1]",
    expected: /constrained zone of us-west-1.*expected one of usw1-az1, usw1-az3/,
  },
  { name: "a CIDR with a leading zero", args: ["--vpc-cidr", "010.0.0.0/16"], field: "vpcCidr", expected: /is not an IPv4 CIDR block/ },
  { name: "an endless answers file", args: ["--answers", "/dev/zero"], field: "--answers", expected: /is not a regular file/ },
  {
    name: "a __proto__ tag key in an answers file (it would be dropped)",
    answersFile: '{"tags": {"__proto__": "x"}}',
    field: "tags.__proto__",
    expected: /is reserved in JavaScript objects/,
  },
];

describe(`hostile input: ${CASES.length} cases, each exit 2, the field named, no stack trace, nothing written`, () => {
  test.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const parent = tmp("hostile");
    const target = join(parent, "out");
    const args = [target, "--yes", ...(c.args ?? [])];
    if (c.answersFile !== undefined) {
      writeFileSync(join(parent, "answers.json"), c.answersFile);
      args.push("--answers", join(parent, "answers.json"));
    }
    const { code, stdout, stderr } = runCli(args, { cwd: parent });
    // Named as the user gave it: the flag they typed leads (`--provider-role: …`), an item within it is named too
    // (`--consumers \`consumers[0].region\``); an answers-file or internal field between backticks.
    const key = /^[A-Za-z]+/.exec(c.field)?.[0] ?? "";
    const flag = questionOf(key)?.flag;
    const named =
      stderr.includes(`\`${c.field}\``) ||
      stderr.startsWith(`create-privatelink: ${c.field}: `) ||
      (flag !== undefined && c.field === key && stderr.startsWith(`create-privatelink: ${flag}: `));
    expect({ code, named, stderr }).toEqual({ code: 2, named: true, stderr: expect.any(String) });
    expect(stderr).toMatch(c.expected);
    expect(stderr).not.toMatch(/\n\s+at [\w.<>]+ \(|internal error/);
    expect(stderr.split("\n").length).toBeLessThanOrEqual(3);
    expect(stdout).toBe("");
    expect(existsSync(target)).toBe(false);
  });

  test("the default zones of a blueprint placed by zone ID come from AWS's AZ ID table: us-west-1 gets usw1-az1 and usw1-az3", () => {
    const target = join(tmp("hostile-zones"), "out");
    const args = [target, "--yes", "--blueprint", "endpoint-service@1", "--region", "us-west-1", "--layout", "provider-only"];
    expect(runCli(args).code).toBe(0);
    expect(JSON.parse(readFileSync(join(target, ".privatelink.json"), "utf8")).availabilityZones).toEqual(["usw1-az1", "usw1-az3"]);
  });

  test("tag keys named like object properties (constructor, toString) are tags like any other", () => {
    const target = join(tmp("hostile-proto"), "out");
    const { code, stderr } = runCli([target, "--yes", "--tag", "constructor=x", "--tag", "toString=y"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(readFileSync(join(target, ".privatelink.json"), "utf8")).tags).toEqual({ constructor: "x", toString: "y" });
  });

  test.each([
    ["blueprints", ["blueprints", "extra"]],
    ["services", ["services", "extra"]],
    ["lint", ["lint", "a.json", "b.json"]],
  ])("extra arguments to %s are an error, not ignored", (_command, args) => {
    const { code, stderr } = runCli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/`arguments`: \w+ takes (no arguments|at most one path), but got/);
  });

  test("a non-empty target directory", () => {
    const dir = tmp("hostile-nonempty");
    writeFileSync(join(dir, "x"), "");
    const { code, stderr } = runCli([dir, "--yes"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/`dir`: .* is not empty/);
  });
});

describe("hostile input at the prompts: the prompt validators are the flags' checks", () => {
  const known = { blueprint: "endpoint-service@1", region: "eu-west-1" };
  test.each<[string, string, RegExp]>([
    ["consumerAccounts", "11112222333", /^`consumerAccounts\[0\]`: "11112222333" is not an AWS account ID/],
    ["providerRoleArn", "*", /^`providerRoleArn`: .*never `\*`/],
    ["services", "ssm,nope", /^`services\[1\]`: "nope" is not a service/],
    ["tags", "Team={{x}}", /^`tags\.Team`: tags may contain only/],
    ["projectName", "../x", /^`projectName`: "\.\.\/x" is not a valid npm package name/],
    ["vpcCidr", "10.0.0.0/8", /^`vpcCidr`: .*expected a prefix from \/16/],
  ])("%s = %j is refused as typed", (key, typed, message) => {
    expect(validator(questionOf(key)!, known)(typed)).toMatch(message);
  });
});

describe("valid but unusual strings are escaped where they are written", () => {
  test("GIVEN quotes and unicode in tags THEN main.ts holds escaped literals and the synthesized JSON the exact values", () => {
    const parent = tmp("unusual");
    const dir = join(parent, "unusual");
    const note = `it's "quoted" \\ Zürich`;
    expect(runCli([dir, "--yes", "--tag", `Note=${note}`, "--tag", "Owner=Ünïcødé team"]).code).toBe(2); // a backslash is refused
    const ok = `it's "quoted" in Zürich`;
    expect(runCli([dir, "--yes", "--tag", `Note=${ok}`, "--tag", "Owner=Ünïcødé team"]).code).toBe(0);
    expect(readFileSync(join(dir, "main.ts"), "utf8")).toContain(`tags: { Note: "it's \\"quoted\\" in Zürich", Owner: "Ünïcødé team" },`);
    expect(JSON.parse(readFileSync(join(dir, ".privatelink.json"), "utf8")).tags).toEqual({ Note: ok, Owner: "Ünïcødé team" });
    symlinkSync(join(__dirname, "..", "..", "node_modules"), join(dir, "node_modules"), "dir");
    const synth = spawnSync(process.execPath, ["--import", "tsx", "main.ts"], { cwd: dir, encoding: "utf8" });
    expect(synth.status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "cdktf.out", "stacks", "unusual", "cdk.tf.json"), "utf8"));
    expect(json.provider.aws[0].default_tags[0].tags).toMatchObject({ Note: ok, Owner: "Ünïcødé team" });
    expect(Object.values(json.resource.aws_vpc)[0]).toMatchObject({ tags: { Note: ok } });
  });
});
