import { ENDPOINT_SERVICE_V3 } from "../fixtures/endpoint-service-v3";
import { type Fixture, fixtureAnswers, synthFixture } from "../support/synth";
import { bodiesOf, type TfJson } from "../support/tf-json";

const byName = (name: string): Fixture => ENDPOINT_SERVICE_V3.find((f) => f.name === name)!;
const stacksOf = async (name: string) =>
  Object.fromEntries((await synthFixture(byName(name))).map((s) => [s.id, s.json])) as Record<string, TfJson>;
const SERVICE = "aws_vpc_endpoint_service";

describe("endpoint-service v3: snapshots", () => {
  test.each(ENDPOINT_SERVICE_V3.map((f) => [f.name, f] as const))("%s", async (_name, fixture) => {
    expect((await synthFixture(fixture)).map((s) => ({ stack: s.id, json: s.json }))).toMatchSnapshot();
  });
});

describe("endpoint-service v3: the second apply, on every fixture", () => {
  test.each(ENDPOINT_SERVICE_V3.map((f) => [f.name, f] as const))(
    "%s: private DNS has one owner, supported_regions states the home region, every stack requires Terraform >= 1.10",
    async (_name, fixture) => {
      const stacks = await synthFixture(fixture);
      const { answers } = await fixtureAnswers(fixture);
      for (const s of stacks) {
        // created off by the provider (it sends false when the argument is absent); the private-dns stacks own it
        for (const endpoint of bodiesOf(s.json, "aws_vpc_endpoint")) expect(endpoint).not.toHaveProperty("private_dns_enabled");
        for (const service of bodiesOf(s.json, SERVICE)) {
          const others = ((answers.supportedRegions as string[] | undefined) ?? []).filter((r) => r !== answers.region);
          if (others.length === 0) expect(service).not.toHaveProperty("supported_regions");
          else expect(service.supported_regions).toEqual([answers.region, ...others].sort());
        }
        expect({ stack: s.id, required: s.json.terraform?.required_version }).toEqual({ stack: s.id, required: ">= 1.10" });
      }
    },
  );
});

describe("endpoint-service v3: intent of each variant", () => {
  test("GIVEN a verified private DNS name THEN only the private-dns stacks set private_dns_enabled, on the accepted endpoint", async () => {
    const stacks = await stacksOf("es3-private-dns");
    for (const account of ["111122223333", "444455556666"]) {
      expect(bodiesOf(stacks[`private-dns-${account}`], "aws_vpc_endpoint_private_dns")).toEqual([
        expect.objectContaining({ private_dns_enabled: true }),
      ]);
      expect(bodiesOf(stacks[`consumer-${account}`], "aws_vpc_endpoint")[0]).not.toHaveProperty("private_dns_enabled");
    }
  });

  test("GIVEN a consumer in us-west-2 of a service in us-east-1 THEN supported_regions is [us-east-1, us-west-2]", async () => {
    const stacks = await stacksOf("es3-cross-region");
    expect(bodiesOf(stacks.provider, SERVICE)[0].supported_regions).toEqual(["us-east-1", "us-west-2"]);
    expect(bodiesOf(stacks["consumer-222233334444"], "aws_vpc_endpoint")[0]).toMatchObject({ service_region: "us-east-1" });
  });

  test("GIVEN /24 VPCs THEN each zone's subnet is a /28 (11 usable addresses for the 1 interface it holds), and the S3 backend locks", async () => {
    const stacks = await stacksOf("es3-small-vpcs-s3-backend");
    expect(bodiesOf(stacks.provider, "aws_subnet").map((s) => s.cidr_block)).toEqual(["10.0.0.0/28", "10.0.0.16/28"]);
    expect(bodiesOf(stacks["consumer-111122223333"], "aws_subnet").map((s) => s.cidr_block)).toEqual(["10.1.0.0/28", "10.1.0.16/28"]);
    expect(stacks.provider.terraform?.backend).toMatchObject({ s3: { use_lockfile: true } });
  });
});
