import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AcceptanceStack, ConsumerStack, EndpointServiceStack } from "../../blueprints/endpoint-service/v2";
import { Testing } from "../../blueprints/lib/cdktf";
import { planProject } from "../../generator/plan/plan";
import { ENDPOINT_SERVICE_V2 } from "../fixtures/endpoint-service-v2";
import { type Fixture, fixtureAnswers, synthFixture } from "../support/synth";
import { allResources, bodiesOf, type TfJson, UNTAGGABLE } from "../support/tf-json";

const byName = (name: string): Fixture => ENDPOINT_SERVICE_V2.find((f) => f.name === name)!;
const stacksOf = async (name: string) =>
  Object.fromEntries((await synthFixture(byName(name))).map((s) => [s.id, s.json])) as Record<string, TfJson>;
const REMOTE = /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-([\w-]+)\.outputs\.[\w-]+\}$/;

describe("endpoint-service v2: snapshots", () => {
  test.each(ENDPOINT_SERVICE_V2.map((f) => [f.name, f] as const))("%s", async (_name, fixture) => {
    expect((await synthFixture(fixture)).map((s) => ({ stack: s.id, json: s.json }))).toMatchSnapshot();
  });
});

describe("endpoint-service v2: on every fixture", () => {
  test.each(ENDPOINT_SERVICE_V2.map((f) => [f.name, f] as const))("%s: acceptance, zone IDs, private DNS, tags", async (_name, fixture) => {
    const stacks = await synthFixture(fixture);
    const { answers } = await fixtureAnswers(fixture);
    const consumers = (answers.consumers as { account: string }[]).map((c) => c.account);
    const layered = answers.layout === "provider-and-consumers" && consumers.length > 0;
    const byId = Object.fromEntries(stacks.map((s) => [s.id, s.json]));
    // Each consumer's endpoint is accepted by the acceptance stack, and nothing else is.
    const accepters = stacks.flatMap((s) =>
      bodiesOf(s.json, "aws_vpc_endpoint_connection_accepter").map((body) => ({ stack: s.id, body })),
    );
    expect(accepters.map((a) => a.stack)).toEqual(layered ? consumers.map(() => "acceptance") : []);
    const sources = accepters.map((a) => REMOTE.exec(String(a.body.vpc_endpoint_id))?.[1]);
    expect(sources).toEqual(layered ? consumers.map((c) => `consumer-${c}`) : []);
    for (const a of accepters) expect(REMOTE.exec(String(a.body.vpc_endpoint_service_id))?.[1]).toBe("provider");
    for (const s of stacks) {
      for (const service of bodiesOf(s.json, "aws_vpc_endpoint_service")) {
        expect(service.acceptance_required).toBe(true);
        expect(service.allowed_principals).toEqual(
          consumers.map((c) => expect.stringMatching(new RegExp(`^arn:aws(-us-gov)?:iam::${c}:root$`))),
        );
      }
      // Endpoints start without private DNS; only the private-dns stacks turn it on, and only with a verified name.
      for (const endpoint of bodiesOf(s.json, "aws_vpc_endpoint")) expect(endpoint.private_dns_enabled).toBe(false);
      const dns = bodiesOf(s.json, "aws_vpc_endpoint_private_dns");
      expect(dns.length).toBe(s.id.startsWith("private-dns-") ? 1 : 0);
      for (const subnet of bodiesOf(s.json, "aws_subnet")) {
        expect(subnet.availability_zone_id).toMatch(/^[a-z0-9]+-az\d$/);
        expect(subnet).not.toHaveProperty("availability_zone");
      }
      for (const { type, body } of allResources(s.json))
        if (!UNTAGGABLE.has(type)) expect({ type, tags: body.tags }).toMatchObject({ type, tags: { ManagedBy: "create-privatelink" } });
      expect(JSON.stringify(s.json)).not.toMatch(/0\.0\.0\.0\/0|::\/0|"\*"/);
    }
    expect(stacks.some((s) => s.id.startsWith("private-dns-"))).toBe(!!(answers.privateDnsName && answers.hostedZoneId) && layered);
    if (layered) expect(byId.acceptance.provider?.aws[0]).toEqual(byId.provider.provider?.aws[0]);
  });

  test.each(ENDPOINT_SERVICE_V2.map((f) => [f.name, f] as const))(
    "%s: the README's deploy order follows the stack dependencies",
    async (_name, fixture) => {
      const stacks = await synthFixture(fixture);
      const manifest = JSON.parse(readFileSync(join(stacks[0].dir, "..", "..", "manifest.json"), "utf8")) as {
        stacks: Record<string, { dependencies: string[] }>;
      };
      const resolved = await fixtureAnswers(fixture);
      const steps = resolved.entry.describe(resolved.answers).deploy.map((line) => {
        const glob = /^npm run cdktf -- deploy '?([\w*-]+)'?/.exec(line)![1];
        return new RegExp(`^${glob.replace(/\*/g, ".*")}$`);
      });
      const stepOf = (id: string) => {
        const matching = steps.flatMap((re, i) => (re.test(id) ? [i] : []));
        expect({ id, matching: matching.length }).toEqual({ id, matching: 1 });
        return matching[0];
      };
      for (const { id } of stacks) {
        for (const dependency of manifest.stacks[id].dependencies)
          expect({ id, dependency, before: stepOf(dependency) < stepOf(id) }).toMatchObject({ before: true });
      }
      if (stacks.length > 1) {
        expect(manifest.stacks.acceptance.dependencies).toEqual(
          expect.arrayContaining(["provider", ...stacks.filter((s) => s.id.startsWith("consumer-")).map((s) => s.id)]),
        );
        for (const s of stacks.filter((s) => s.id.startsWith("private-dns-")))
          expect(manifest.stacks[s.id].dependencies).toContain("acceptance");
      }
    },
  );
});

describe("endpoint-service v2: intent of each variant", () => {
  test("GIVEN one consumer THEN provider → consumer → acceptance, the accepter in the provider account", async () => {
    const stacks = await stacksOf("es2-one-consumer");
    expect(Object.keys(stacks)).toEqual(["provider", "consumer-111122223333", "acceptance"]);
    expect(stacks.acceptance.provider?.aws[0]).toMatchObject({
      assume_role: [{ role_arn: "arn:aws:iam::999988887777:role/NetworkDeployer" }],
    });
    expect(stacks["consumer-111122223333"].provider?.aws[0]).toMatchObject({
      assume_role: [{ role_arn: "arn:aws:iam::111122223333:role/PrivateLinkDeployer" }],
    });
    expect(bodiesOf(stacks["consumer-111122223333"], "aws_vpc")[0]).toMatchObject({ cidr_block: "10.1.0.0/16" });
    expect(bodiesOf(stacks.provider, "aws_subnet").map((s) => s.availability_zone_id)).toEqual(["euw1-az1", "euw1-az2"]);
  });

  test("GIVEN a consumer in an existing VPC THEN no VPC is made there, its subnets and CIDR are used; TLS and proxy protocol v2", async () => {
    const stacks = await stacksOf("es2-mixed-vpcs-tls");
    const existing = stacks["consumer-444455556666"];
    expect(bodiesOf(existing, "aws_vpc")).toEqual([]);
    expect(bodiesOf(existing, "aws_vpc_endpoint")[0]).toMatchObject({
      vpc_id: "vpc-0a1b2c3d4e5f60718",
      subnet_ids: ["subnet-0a1b2c3d4e5f60711", "subnet-0a1b2c3d4e5f60722"],
    });
    expect(bodiesOf(existing, "aws_vpc_security_group_ingress_rule")[0]).toMatchObject({ cidr_ipv4: "10.9.0.0/16" });
    expect(bodiesOf(stacks["consumer-111122223333"], "aws_vpc")).toHaveLength(1);
    expect(bodiesOf(stacks.provider, "aws_lb_target_group")[0]).toMatchObject({ proxy_protocol_v2: true });
    expect(bodiesOf(stacks.provider, "aws_lb_listener")[0]).toMatchObject({ protocol: "TLS" });
  });

  test("GIVEN a verified private DNS name THEN each private-dns stack turns it on for its consumer's accepted endpoint", async () => {
    const stacks = await stacksOf("es2-private-dns");
    for (const account of ["111122223333", "444455556666"]) {
      const [dns] = bodiesOf(stacks[`private-dns-${account}`], "aws_vpc_endpoint_private_dns");
      expect(dns.private_dns_enabled).toBe(true);
      expect(REMOTE.exec(String(dns.vpc_endpoint_id))?.[1]).toBe("acceptance");
      expect(stacks[`private-dns-${account}`].provider?.aws[0]).toMatchObject({
        assume_role: [{ role_arn: `arn:aws:iam::${account}:role/PrivateLinkDeployer` }],
      });
    }
  });

  test("GIVEN a consumer in another region THEN its stack deploys there and names the service's region", async () => {
    const stacks = await stacksOf("es2-cross-region");
    const remote = stacks["consumer-222233334444"];
    expect(remote.provider?.aws[0]).toMatchObject({ region: "us-west-2" });
    expect(bodiesOf(remote, "aws_vpc_endpoint")[0]).toMatchObject({ service_region: "us-east-1" });
    expect(bodiesOf(remote, "aws_subnet").map((s) => s.availability_zone_id)).toEqual(["usw2-az1", "usw2-az2"]);
    expect(bodiesOf(stacks["consumer-111122223333"], "aws_vpc_endpoint")[0]).not.toHaveProperty("service_region");
    expect(bodiesOf(stacks.provider, "aws_vpc_endpoint_service")[0].supported_regions).toEqual(["us-west-2"]);
  });

  test("GIVEN 25 consumers THEN 25 accepters, non-overlapping VPCs, and main.ts states each account once", async () => {
    const stacks = await stacksOf("es2-25-consumers");
    expect(bodiesOf(stacks.acceptance, "aws_vpc_endpoint_connection_accepter")).toHaveLength(25);
    const cidrs = Object.entries(stacks)
      .filter(([id]) => id.startsWith("consumer-"))
      .map(([, json]) => bodiesOf(json, "aws_vpc")[0].cidr_block);
    expect(new Set(cidrs).size).toBe(25);
    const main = planProject(await fixtureAnswers(byName("es2-25-consumers"))).files.find((f) => f.path === "main.ts")!.content;
    for (const account of byName("es2-25-consumers").answers.consumerAccounts as string[]) expect(main.split(account)).toHaveLength(2);
  });

  test("GIVEN GovCloud THEN aws-us-gov roles, usgw1 zone IDs and a state key per stack", async () => {
    const stacks = await stacksOf("es2-govcloud");
    expect(stacks["consumer-111122223333"].provider?.aws[0]).toMatchObject({
      assume_role: [{ role_arn: "arn:aws-us-gov:iam::111122223333:role/PrivateLinkDeployer" }],
    });
    expect(bodiesOf(stacks.provider, "aws_subnet").map((s) => s.availability_zone_id)).toEqual(["usgw1-az1", "usgw1-az2"]);
    expect((stacks.acceptance.terraform as { backend: { s3: { key: string } } }).backend.s3.key).toBe("es2-govcloud/acceptance.tfstate");
  });
});

describe("endpoint-service v2: bad props name the prop", () => {
  const service = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0";
  test.each<[string, () => unknown, RegExp]>([
    [
      "a duplicate consumer",
      () =>
        new EndpointServiceStack(Testing.app(), "p", {
          region: "eu-west-1",
          consumers: [{ accountId: "111122223333" }, { accountId: "111122223333" }],
        }),
      /^`consumers\[1\]`: "111122223333" is listed twice/,
    ],
    [
      "a consumer region not supported",
      () =>
        new EndpointServiceStack(Testing.app(), "p", {
          region: "eu-west-1",
          consumers: [{ accountId: "111122223333", region: "us-east-1" }],
        }),
      /^`consumers\[0\]\.region`: us-east-1 is not among the service's supported regions/,
    ],
    [
      "a zone name instead of a zone ID",
      () =>
        new EndpointServiceStack(Testing.app(), "p", { region: "eu-west-1", vpc: { availabilityZoneIds: ["eu-west-1a", "eu-west-1b"] } }),
      /^`vpc\.availabilityZoneIds\[0\]`: "eu-west-1a" does not exist in eu-west-1/,
    ],
    [
      "a same-region consumer in a zone the load balancer is not in (apply would fail: the service is not offered there)",
      () =>
        new EndpointServiceStack(Testing.app(), "p", {
          region: "eu-west-1",
          consumers: [{ accountId: "111122223333", availabilityZoneIds: ["euw1-az1", "euw1-az3"] }],
        }),
      /^`consumers\[0\]\.availabilityZoneIds\[1\]`: is in euw1-az3, where the endpoint service is not offered: its load balancer is in euw1-az1, euw1-az2/,
    ],
    [
      "a same-region consumer's existing subnet in a zone the load balancer is not in",
      () =>
        new EndpointServiceStack(Testing.app(), "p", {
          region: "eu-west-1",
          vpc: { availabilityZoneIds: ["euw1-az2", "euw1-az3"] },
          consumers: [
            {
              accountId: "111122223333",
              vpcId: "vpc-0a1b2c3d4e5f60718",
              cidr: "10.1.0.0/16",
              subnets: [
                { id: "subnet-0a1b2c3d4e5f60711", availabilityZoneId: "euw1-az2" },
                { id: "subnet-0a1b2c3d4e5f60712", availabilityZoneId: "euw1-az1" },
              ],
            },
          ],
        }),
      /^`consumers\[0\]\.subnets\[1\]`: is in euw1-az1, where the endpoint service is not offered/,
    ],
    [
      "an existing VPC without its CIDR",
      () =>
        new ConsumerStack(Testing.app(), "c", {
          region: "eu-west-1",
          serviceName: service,
          consumer: { accountId: "111122223333", vpcId: "vpc-0a1b2c3d4e5f60718" },
        }),
      /^`consumer\.cidr`: is missing/,
    ],
    [
      "subnets without a VPC ID",
      () =>
        new ConsumerStack(Testing.app(), "c", {
          region: "eu-west-1",
          serviceName: service,
          consumer: { accountId: "111122223333", subnets: [{ id: "subnet-0a1b2c3d4e5f60711", availabilityZoneId: "euw1-az1" }] },
        }),
      /^`consumer\.subnets`: are given without `vpcId`/,
    ],
    [
      "an accepter without an endpoint",
      () =>
        new AcceptanceStack(Testing.app(), "a", {
          region: "eu-west-1",
          serviceId: "vpce-svc-0123456789abcdef0",
          consumers: [{ accountId: "111122223333", endpointId: "" }],
        }),
      /^`consumers\[0\]\.endpointId`: is missing/,
    ],
  ])("GIVEN %s THEN the error names it", (_case, make, message) => {
    expect(make).toThrow(message);
  });

  test("GIVEN consumers in the load balancer's zones, or in another region, THEN their zones are accepted", () => {
    const make = () =>
      new EndpointServiceStack(Testing.app(), "p", {
        region: "eu-west-1",
        vpc: { availabilityZoneIds: ["euw1-az1", "euw1-az2", "euw1-az3"] },
        supportedRegions: ["eu-west-2"],
        consumers: [
          { accountId: "111122223333", availabilityZoneIds: ["euw1-az3", "euw1-az1"] },
          { accountId: "444455556666", region: "eu-west-2", availabilityZoneIds: ["euw2-az1", "euw2-az3"] },
        ],
      });
    expect(make).not.toThrow();
  });
});
