import { EndpointConsumerStack, type EndpointConsumerStackProps } from "../../blueprints/endpoint-consumer/v1";
import { EndpointServiceStack, type EndpointServiceStackProps } from "../../blueprints/endpoint-service/v1";
import { Testing } from "../../blueprints/lib/cdktf";
import { ENDPOINT_SERVICE_V1 } from "../fixtures/endpoint-service-v1";
import { type Fixture, synthFixture } from "../support/synth";
import { allResources, bodiesOf, type TfJson, UNTAGGABLE } from "../support/tf-json";

const byName = (name: string): Fixture => ENDPOINT_SERVICE_V1.find((f) => f.name === name)!;
const stacksOf = async (name: string) =>
  Object.fromEntries((await synthFixture(byName(name))).map((s) => [s.id, s.json])) as Record<string, TfJson>;

describe("endpoint-service v1 / endpoint-consumer v1: snapshots (released output is frozen)", () => {
  test.each(ENDPOINT_SERVICE_V1.map((f) => [f.name, f] as const))("%s", async (_name, fixture) => {
    expect((await synthFixture(fixture)).map((s) => ({ stack: s.id, json: s.json }))).toMatchSnapshot();
  });
});

describe("endpoint-service v1: secure defaults on every fixture", () => {
  test.each(ENDPOINT_SERVICE_V1.map((f) => [f.name, f] as const))("%s", async (_name, fixture) => {
    for (const { json } of await synthFixture(fixture)) {
      for (const service of bodiesOf(json, "aws_vpc_endpoint_service")) {
        expect(service.acceptance_required).toBe(true);
        for (const principal of service.allowed_principals as string[])
          expect(principal).toMatch(/^arn:aws(-us-gov|-cn)?:iam::\d{12}:root$/);
      }
      for (const lb of bodiesOf(json, "aws_lb")) {
        expect(lb).toMatchObject({
          internal: true,
          load_balancer_type: "network",
          enable_cross_zone_load_balancing: true,
          enable_deletion_protection: true,
        });
      }
      for (const group of bodiesOf(json, "aws_security_group")) expect(group.description).toMatch(/\S/);
      for (const type of ["aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]) {
        for (const rule of bodiesOf(json, type)) {
          expect(rule.ip_protocol).toBe("tcp");
          expect(rule.from_port).toBe(rule.to_port);
          expect(rule.cidr_ipv4).toMatch(/^10\.\d+\.0\.0\/16$/);
          expect(rule.description).toMatch(/\S/);
        }
      }
      for (const endpoint of bodiesOf(json, "aws_vpc_endpoint")) expect(endpoint.vpc_endpoint_type).toBe("Interface");
      expect(JSON.stringify(json)).not.toMatch(/0\.0\.0\.0\/0|::\/0|"\*"/);
      for (const { type, body } of allResources(json)) {
        if (!UNTAGGABLE.has(type)) expect({ type, tags: body.tags }).toMatchObject({ type, tags: { ManagedBy: "create-privatelink" } });
      }
    }
  });
});

describe("endpoint-service v1: intent of each variant", () => {
  test("GIVEN the README's command THEN an NLB, a service authorizing exactly the two accounts, one endpoint per consumer wired to it", async () => {
    const stacks = await stacksOf("es1-provider-and-consumers");
    expect(Object.keys(stacks)).toEqual(["provider", "consumer-111122223333", "consumer-444455556666"]);
    const [service] = bodiesOf(stacks.provider, "aws_vpc_endpoint_service");
    expect(service.allowed_principals).toEqual(["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"]);
    expect(stacks.provider.provider?.aws[0]).toMatchObject({
      assume_role: [{ role_arn: "arn:aws:iam::999988887777:role/NetworkDeployer", session_name: "create-privatelink" }],
    });
    for (const account of ["111122223333", "444455556666"]) {
      const consumer = stacks[`consumer-${account}`];
      expect(consumer.provider?.aws[0]).toMatchObject({ assume_role: [{ role_arn: `arn:aws:iam::${account}:role/PrivateLinkDeployer` }] });
      const [endpoint] = bodiesOf(consumer, "aws_vpc_endpoint");
      expect(endpoint.service_name).toMatch(
        /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-provider\.outputs\..*service_name\}$/,
      );
      expect(endpoint.private_dns_enabled).toBe(false);
      expect(bodiesOf(consumer, "aws_vpc_security_group_ingress_rule")).toEqual([
        expect.objectContaining({ from_port: 443, to_port: 443, cidr_ipv4: "10.0.0.0/16" }),
      ]);
    }
    // zones are given by AZ ID, which names the same zone in every account
    expect(bodiesOf(stacks.provider, "aws_subnet").map((s) => s.availability_zone_id)).toEqual(["euw1-az1", "euw1-az2"]);
  });

  test("GIVEN no consumers THEN the service allows no one yet", async () => {
    const stacks = await stacksOf("es1-provider-no-consumers");
    expect(bodiesOf(stacks.provider, "aws_vpc_endpoint_service")[0].allowed_principals).toEqual([]);
  });

  test("GIVEN 25 consumers THEN 25 principals, notifications and supported regions", async () => {
    const { provider } = await stacksOf("es1-provider-25-consumers");
    const [service] = bodiesOf(provider, "aws_vpc_endpoint_service");
    expect(service.allowed_principals).toHaveLength(25);
    expect(service.supported_regions).toEqual(["us-west-2", "eu-west-1"]);
    expect(bodiesOf(provider, "aws_vpc_endpoint_connection_notification")[0]).toMatchObject({
      connection_events: ["Accept", "Connect", "Delete", "Reject"],
    });
    expect(bodiesOf(provider, "aws_lb_target_group_attachment").map((a) => a.target_id)).toEqual([
      "i-0123456789abcdef0",
      "i-0123456789abcdef1",
    ]);
  });

  test("GIVEN TLS THEN the listener terminates with the certificate and a TLS 1.3 policy; private DNS is verified via Route 53", async () => {
    const { provider } = await stacksOf("es1-provider-one-consumer-tls");
    expect(bodiesOf(provider, "aws_lb_listener")[0]).toMatchObject({
      protocol: "TLS",
      port: 443,
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
      certificate_arn: expect.stringMatching(/^arn:aws:acm:eu-west-1:/),
    });
    expect(bodiesOf(provider, "aws_lb_target_group")[0]).toMatchObject({ target_type: "ip", port: 8443, protocol: "TCP" });
    expect(bodiesOf(provider, "aws_vpc_endpoint_service")[0].private_dns_name).toBe("api.example.com");
    expect(bodiesOf(provider, "aws_route53_record")[0]).toMatchObject({ type: "TXT", zone_id: "Z0123456789ABCDEFGHIJ" });
    expect(bodiesOf(provider, "aws_vpc_endpoint_service_private_dns_verification")[0]).toMatchObject({ wait_for_verification: true });
    expect(provider.provider?.aws[0]).toMatchObject({ assume_role: [{ external_id: "privatelink-2026" }] });
  });

  test("GIVEN a private DNS name without a hosted zone THEN no record is made and the verification values are an output", async () => {
    const { provider } = await stacksOf("es1-private-dns-manual");
    expect(bodiesOf(provider, "aws_route53_record")).toEqual([]);
    expect(provider.output).toHaveProperty("private_dns_verification");
  });

  test("GIVEN GovCloud THEN principals and roles use aws-us-gov, and each stack keeps its own S3 state key", async () => {
    const stacks = await stacksOf("es1-govcloud");
    expect(bodiesOf(stacks.provider, "aws_vpc_endpoint_service")[0].allowed_principals).toEqual(["arn:aws-us-gov:iam::111122223333:root"]);
    expect(stacks["consumer-111122223333"].provider?.aws[0]).toMatchObject({
      assume_role: [{ role_arn: "arn:aws-us-gov:iam::111122223333:role/PrivateLinkDeployer" }],
    });
    expect((stacks.provider.terraform as { backend: { s3: { key: string } } }).backend.s3.key).toBe("es1-govcloud/provider.tfstate");
    expect((stacks["consumer-111122223333"].terraform as { backend: { s3: { key: string } } }).backend.s3.key).toBe(
      "es1-govcloud/consumer-111122223333.tfstate",
    );
  });

  test("GIVEN a cross-region consumer THEN the endpoint names the service's region", async () => {
    const stacks = await stacksOf("ec1-cross-region");
    const [endpoint] = bodiesOf(stacks["consumer-111122223333"], "aws_vpc_endpoint");
    expect(endpoint).toMatchObject({
      service_name: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
      service_region: "us-east-1",
      private_dns_enabled: false,
    });
    expect(bodiesOf(stacks["consumer-111122223333"], "aws_vpc_security_group_ingress_rule")[0]).toMatchObject({ from_port: 5432 });
  });
});

describe("endpoint-service v1 / endpoint-consumer v1: bad props name the prop", () => {
  const provider: EndpointServiceStackProps = { region: "eu-west-1", consumerAccounts: ["111122223333"] };
  const consumer: EndpointConsumerStackProps = {
    region: "eu-west-1",
    accountId: "111122223333",
    serviceName: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
  };
  test.each<[string, () => unknown, RegExp]>([
    [
      "a duplicate consumer",
      () => new EndpointServiceStack(Testing.app(), "p", { ...provider, consumerAccounts: ["111122223333", "111122223333"] }),
      /^`consumerAccounts\[1\]`: "111122223333" is listed twice/,
    ],
    [
      "a principal with a path",
      () => new EndpointServiceStack(Testing.app(), "p", { ...provider, allowedRoleArns: ["arn:aws:iam::111122223333:role/team/App"] }),
      /^`allowedRoleArns\[0\]`: .* has an IAM path/,
    ],
    [
      "a `*` principal",
      () => new EndpointServiceStack(Testing.app(), "p", { ...provider, allowedRoleArns: ["*"] }),
      /^`allowedRoleArns\[0\]`: .*never `\*`/,
    ],
    [
      "TLS without a certificate",
      () => new EndpointServiceStack(Testing.app(), "p", { ...provider, listener: { protocol: "TLS" } }),
      /^`listener\.certificateArn`: is missing/,
    ],
    [
      "a private DNS name in China",
      () => new EndpointServiceStack(Testing.app(), "p", { ...provider, region: "cn-north-1", privateDnsName: "a.example.com" }),
      /^`privateDnsName`: endpoint services in the China regions cannot have a private DNS name/,
    ],
    [
      "a supported region of another partition",
      () => new EndpointServiceStack(Testing.app(), "p", { ...provider, supportedRegions: ["cn-north-1"] }),
      /^`supportedRegions\[0\]`: cn-north-1 is not in partition aws/,
    ],
    [
      "a provider role of another partition",
      () =>
        new EndpointServiceStack(Testing.app(), "p", { ...provider, assumeRole: { roleArn: "arn:aws-us-gov:iam::111122223333:role/X" } }),
      /^`assumeRole\.roleArn`: .*partition aws-us-gov/,
    ],
    [
      "a port out of range",
      () => new EndpointServiceStack(Testing.app(), "p", { ...provider, listener: { port: 70000 } }),
      /^`listener\.port`: expected a whole number from 1 to 65535/,
    ],
    [
      "a consumer with a malformed service name",
      () => new EndpointConsumerStack(Testing.app(), "c", { ...consumer, serviceName: "vpce-svc-123" }),
      /^`serviceName`: "vpce-svc-123" is not an endpoint service name/,
    ],
    [
      "a consumer of a service in another region without serviceRegion",
      () =>
        new EndpointConsumerStack(Testing.app(), "c", {
          ...consumer,
          serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
        }),
      /^`serviceName`: is in region us-east-1, but the endpoint expects eu-west-1; set `serviceRegion`/,
    ],
    [
      "a consumer account given as a number",
      () => new EndpointConsumerStack(Testing.app(), "c", { ...consumer, accountId: 111122223333 as unknown as string }),
      /^`accountId`: expected a 12-digit account ID as a string/,
    ],
    [
      "a consumer role name with a slash",
      () => new EndpointConsumerStack(Testing.app(), "c", { ...consumer, roleName: "team/Deployer" }),
      /^`roleName`: expected an IAM role name/,
    ],
  ])("GIVEN %s THEN the error names it", (_case, make, message) => {
    expect(make).toThrow(message);
  });
});
