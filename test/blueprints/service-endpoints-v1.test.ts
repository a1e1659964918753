import { SERVICE_ENDPOINTS_V1 } from "../fixtures/service-endpoints-v1";
import { type Fixture, type SynthesizedStack, synthFixture } from "../support/synth";
import { allResources, bodiesOf, type TfJson, UNTAGGABLE } from "../support/tf-json";

const byName = (name: string): Fixture => SERVICE_ENDPOINTS_V1.find((f) => f.name === name)!;
const synthOne = async (name: string): Promise<TfJson> => (await synthFixture(byName(name)))[0].json;
const policyOf = (body: Record<string, unknown>) => JSON.parse(body.policy as string);

describe("service-endpoints v1: snapshots (a released version's output is frozen)", () => {
  test.each(SERVICE_ENDPOINTS_V1.map((f) => [f.name, f] as const))("%s", async (_name, fixture) => {
    const stacks: SynthesizedStack[] = await synthFixture(fixture);
    expect(stacks.map((s) => s.json)).toMatchSnapshot();
  });
});

describe("service-endpoints v1: secure defaults on every fixture", () => {
  test.each(SERVICE_ENDPOINTS_V1.map((f) => [f.name, f] as const))("%s", async (_name, fixture) => {
    const [{ json }] = await synthFixture(fixture);
    const vpc = bodiesOf(json, "aws_vpc")[0];
    const cidr = vpc ? (vpc.cidr_block as string) : (fixture.answers.vpcCidr as string);

    // THEN every endpoint has an explicit policy that is not allow-all
    for (const endpoint of bodiesOf(json, "aws_vpc_endpoint")) {
      const statement = policyOf(endpoint).Statement[0];
      expect(statement.Condition).toBeDefined();
      expect(Object.keys(statement.Condition.StringEquals)).toEqual(["aws:PrincipalAccount"]);
      // AND interface endpoints say so explicitly (the provider's default is Gateway)
      expect(["Interface", "Gateway"]).toContain(endpoint.vpc_endpoint_type);
      if (endpoint.vpc_endpoint_type === "Interface") expect((endpoint.subnet_ids as string[]).length).toBeGreaterThanOrEqual(2);
      if (endpoint.vpc_endpoint_type === "Gateway") expect((endpoint.route_table_ids as string[]).length).toBeGreaterThan(0);
    }
    // AND the security group admits only service ports from the VPC CIDR, and has no egress
    for (const group of bodiesOf(json, "aws_security_group")) {
      expect(group.description).toMatch(/\S/);
      expect(group.ingress).toBeUndefined();
      expect(group.egress).toBeUndefined();
    }
    for (const rule of bodiesOf(json, "aws_vpc_security_group_ingress_rule")) {
      expect(rule).toMatchObject({ ip_protocol: "tcp", cidr_ipv4: cidr });
      expect(rule.from_port).toBe(rule.to_port);
      expect([443, 9142]).toContain(rule.from_port);
      expect(rule.description).toMatch(/\S/);
    }
    expect(bodiesOf(json, "aws_vpc_security_group_egress_rule")).toEqual([]);
    expect(JSON.stringify(json)).not.toMatch(/0\.0\.0\.0\/0|::\/0/);
    // AND a new VPC has DNS support and hostnames on (private DNS needs both)
    if (vpc) expect(vpc).toMatchObject({ enable_dns_support: true, enable_dns_hostnames: true });
    // AND every taggable resource carries the blueprint's tags
    for (const { type, body } of allResources(json)) {
      if (UNTAGGABLE.has(type)) continue;
      expect({ type, tags: body.tags }).toMatchObject({
        type,
        tags: { ManagedBy: "create-privatelink", Blueprint: "service-endpoints@v1" },
      });
    }
  });
});

describe("service-endpoints v1: intent of each variant", () => {
  test("GIVEN one service WHEN synthesized THEN one interface endpoint with private DNS, in two zones, and the outputs", async () => {
    const json = await synthOne("se1-one-service");
    const [endpoint] = bodiesOf(json, "aws_vpc_endpoint");
    expect(bodiesOf(json, "aws_vpc_endpoint")).toHaveLength(1);
    expect(endpoint).toMatchObject({
      service_name: "com.amazonaws.eu-west-1.ssm",
      vpc_endpoint_type: "Interface",
      private_dns_enabled: true,
    });
    expect(bodiesOf(json, "aws_subnet").map((s) => s.availability_zone)).toEqual(["eu-west-1a", "eu-west-1b"]);
    expect(bodiesOf(json, "aws_subnet").map((s) => s.cidr_block)).toEqual(["10.0.0.0/20", "10.0.16.0/20"]);
    expect(policyOf(endpoint).Statement[0].Condition).toEqual({ StringEquals: { "aws:PrincipalAccount": ["111122223333"] } });
    expect(Object.keys(json.output ?? {}).sort()).toEqual([
      "gateway_endpoint_ids",
      "interface_endpoint_dns",
      "interface_endpoint_ids",
      "security_group_id",
      "subnet_ids",
      "vpc_id",
    ]);
  });

  test("GIVEN twenty services in three zones THEN twenty interface endpoints, each in three subnets, one ingress rule on 443", async () => {
    const json = await synthOne("se1-twenty-services");
    const endpoints = bodiesOf(json, "aws_vpc_endpoint");
    expect(endpoints).toHaveLength(20);
    expect(endpoints.every((e) => (e.subnet_ids as string[]).length === 3)).toBe(true);
    expect(bodiesOf(json, "aws_vpc_security_group_ingress_rule")).toEqual([
      expect.objectContaining({ from_port: 443, to_port: 443, cidr_ipv4: "10.20.0.0/16" }),
    ]);
  });

  test("GIVEN gateway services only THEN gateway endpoints on every route table and no security group", async () => {
    const json = await synthOne("se1-gateway-only");
    const endpoints = bodiesOf(json, "aws_vpc_endpoint");
    expect(endpoints.map((e) => [e.service_name, e.vpc_endpoint_type])).toEqual([
      ["com.amazonaws.eu-central-1.dynamodb", "Gateway"],
      ["com.amazonaws.eu-central-1.s3", "Gateway"],
    ]);
    expect(endpoints.every((e) => (e.route_table_ids as string[]).length === 2)).toBe(true);
    expect(bodiesOf(json, "aws_security_group")).toEqual([]);
  });

  test("GIVEN S3 as interface and gateway THEN the interface serves on-premises resolvers only and waits for the gateway; Keyspaces gets 9142", async () => {
    const json = await synthOne("se1-interface-and-gateway");
    const s3Interface = bodiesOf(json, "aws_vpc_endpoint").find(
      (e) => e.vpc_endpoint_type === "Interface" && e.service_name === "com.amazonaws.eu-west-2.s3",
    )!;
    expect(s3Interface.dns_options).toEqual({ private_dns_only_for_inbound_resolver_endpoint: true });
    expect((s3Interface.depends_on as string[])[0]).toMatch(/^aws_vpc_endpoint\..*gateway-s3/);
    const ports = bodiesOf(json, "aws_vpc_security_group_ingress_rule").map((r) => r.from_port);
    expect(ports).toEqual([443, 9142]);
    expect((json.terraform as { backend: unknown }).backend).toEqual({
      s3: { bucket: "acme-terraform-state", key: "network/endpoints.tfstate", region: "eu-west-2", encrypt: true, use_lockfile: true },
    });
    expect(policyOf(s3Interface).Statement[0].Condition.StringEquals["aws:PrincipalAccount"]).toEqual(["111122223333", "444455556666"]);
    expect(bodiesOf(json, "aws_vpc")[0].tags).toMatchObject({ Team: "platform", CostCenter: "1234" });
  });

  test("GIVEN an existing VPC THEN nothing of the VPC is created and its IDs are used as given", async () => {
    const json = await synthOne("se1-existing-vpc");
    for (const type of ["aws_vpc", "aws_subnet", "aws_route_table"]) expect(bodiesOf(json, type)).toEqual([]);
    const endpoints = bodiesOf(json, "aws_vpc_endpoint");
    const custom = endpoints.find((e) => (e.service_name as string).includes("vpce-svc"))!;
    expect(custom).toMatchObject({ vpc_id: "vpc-0a1b2c3d4e5f60718", private_dns_enabled: false, vpc_endpoint_type: "Interface" });
    expect(custom.subnet_ids).toEqual(["subnet-0a1b2c3d4e5f60711", "subnet-0a1b2c3d4e5f60722", "subnet-0a1b2c3d4e5f60733"]);
    expect(endpoints.find((e) => e.vpc_endpoint_type === "Gateway")!.route_table_ids).toEqual([
      "rtb-0a1b2c3d4e5f60744",
      "rtb-0a1b2c3d4e5f60755",
    ]);
    // leading zeros of account IDs are kept
    expect(policyOf(custom).Statement[0].Condition.StringEquals["aws:PrincipalAccount"]).toEqual(["011122223333"]);
  });

  test("GIVEN cn-north-1 THEN China service names follow AWS's list, and the gateway keeps com.amazonaws", async () => {
    const json = await synthOne("se1-china");
    expect(
      bodiesOf(json, "aws_vpc_endpoint")
        .map((e) => e.service_name)
        .sort(),
    ).toEqual([
      "cn.com.amazonaws.cn-north-1.ec2",
      "cn.com.amazonaws.cn-north-1.ecr.api",
      "com.amazonaws.cn-north-1.logs",
      "com.amazonaws.cn-north-1.s3",
      "com.amazonaws.cn-north-1.ssm",
    ]);
  });

  test("GIVEN us-gov-west-1 THEN names keep com.amazonaws and the provider targets GovCloud", async () => {
    const json = await synthOne("se1-govcloud");
    expect(bodiesOf(json, "aws_vpc_endpoint").map((e) => e.service_name)).toContain("com.amazonaws.us-gov-west-1.kms");
    expect(json.provider?.aws[0]).toMatchObject({ region: "us-gov-west-1" });
  });

  test("GIVEN the defaults THEN Session Manager endpoints and an S3 gateway, with policies for the deploying account read at plan time", async () => {
    const json = await synthOne("se1-defaults");
    expect(
      bodiesOf(json, "aws_vpc_endpoint")
        .map((e) => e.service_name)
        .sort(),
    ).toEqual([
      "com.amazonaws.us-east-1.ec2messages",
      "com.amazonaws.us-east-1.s3",
      "com.amazonaws.us-east-1.ssm",
      "com.amazonaws.us-east-1.ssmmessages",
    ]);
    expect(Object.keys(json.data ?? {})).toEqual(["aws_caller_identity"]);
    const [endpoint] = bodiesOf(json, "aws_vpc_endpoint");
    expect(policyOf(endpoint).Statement[0].Condition.StringEquals["aws:PrincipalAccount"]).toEqual([
      expect.stringMatching(/^\$\{data\.aws_caller_identity\..*\.account_id\}$/),
    ]);
  });
});
