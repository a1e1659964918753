import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ENDPOINT_CONSUMER_V2 } from "../fixtures/endpoint-consumer-v2";
import { type Fixture, fixtureAnswers, synthFixture } from "../support/synth";
import { bodiesOf, type TfJson } from "../support/tf-json";

const byName = (name: string): Fixture => ENDPOINT_CONSUMER_V2.find((f) => f.name === name)!;
const stacksOf = async (name: string) =>
  Object.fromEntries((await synthFixture(byName(name))).map((s) => [s.id, s.json])) as Record<string, TfJson>;
const REMOTE = /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-([\w-]+)\.outputs\.[\w-]+\}$/;

describe("endpoint-consumer v2: snapshots", () => {
  test.each(ENDPOINT_CONSUMER_V2.map((f) => [f.name, f] as const))("%s", async (_name, fixture) => {
    expect((await synthFixture(fixture)).map((s) => ({ stack: s.id, json: s.json }))).toMatchSnapshot();
  });
});

describe("endpoint-consumer v2: private DNS after acceptance", () => {
  test("GIVEN a private DNS name THEN endpoints leave private_dns_enabled out, and each private-dns stack turns it on for its own account's endpoint, in that account", async () => {
    const stacks = await stacksOf("ec2-private-dns");
    expect(Object.keys(stacks)).toEqual([
      "consumer-333344445555",
      "consumer-666677778888",
      "private-dns-333344445555",
      "private-dns-666677778888",
    ]);
    for (const account of ["333344445555", "666677778888"]) {
      expect(bodiesOf(stacks[`consumer-${account}`], "aws_vpc_endpoint")[0]).not.toHaveProperty("private_dns_enabled");
      const [dns] = bodiesOf(stacks[`private-dns-${account}`], "aws_vpc_endpoint_private_dns");
      expect(dns.private_dns_enabled).toBe(true);
      expect(REMOTE.exec(String(dns.vpc_endpoint_id))?.[1]).toBe(`consumer-${account}`);
      expect(stacks[`private-dns-${account}`].provider?.aws[0]).toMatchObject({
        assume_role: [{ role_arn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole` }],
      });
    }
    for (const json of Object.values(stacks)) expect(json.terraform?.required_version).toBe(">= 1.10");
  });

  test("GIVEN no private DNS name THEN there are consumer stacks only; /24 VPCs get /28 subnets (one interface each)", async () => {
    const stacks = await stacksOf("ec2-cross-region-small-vpc");
    expect(Object.keys(stacks)).toEqual(["consumer-111122223333"]);
    expect(bodiesOf(stacks["consumer-111122223333"], "aws_subnet").map((s) => s.cidr_block)).toEqual(["10.20.0.0/28", "10.20.0.16/28"]);
    expect(bodiesOf(stacks["consumer-111122223333"], "aws_vpc_endpoint")[0]).toMatchObject({ service_region: "us-east-1" });
  });

  test("GIVEN the fixtures THEN the README's deploy order follows the stack dependencies: consumers, the provider's acceptance, private DNS", async () => {
    const fixture = byName("ec2-private-dns");
    const stacks = await synthFixture(fixture);
    const manifest = JSON.parse(readFileSync(join(stacks[0].dir, "..", "..", "manifest.json"), "utf8")) as {
      stacks: Record<string, { dependencies: string[] }>;
    };
    expect(manifest.stacks["private-dns-333344445555"].dependencies).toEqual(["consumer-333344445555"]);
    const resolved = await fixtureAnswers(fixture);
    expect(resolved.entry.describe(resolved.answers).deploy).toEqual([
      "npm run cdktf -- deploy 'consumer-*'  # each account's VPC and endpoint, pendingAcceptance",
      "# the provider accepts the endpoint IDs from the endpoint_id outputs",
      "npm run cdktf -- deploy 'private-dns-*'  # private DNS (api.partner.example.com) on each accepted endpoint",
    ]);
  });
});
