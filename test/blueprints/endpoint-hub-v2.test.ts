import { ENDPOINT_HUB_V2 } from "../fixtures/endpoint-hub-v2";
import { type Fixture, synthFixture } from "../support/synth";
import { bodiesOf, type TfJson } from "../support/tf-json";

const byName = (name: string): Fixture => ENDPOINT_HUB_V2.find((f) => f.name === name)!;
const stacksOf = async (name: string) =>
  Object.fromEntries((await synthFixture(byName(name))).map((s) => [s.id, s.json])) as Record<string, TfJson>;
const ref = (value: unknown) => /^\$\{([\w.-]+)\}$/.exec(String(value))?.[1] ?? String(value);
const policyOf = (body: Record<string, unknown>) =>
  JSON.parse(String(body.policy)).Statement as { Sid: string; Condition?: Record<string, Record<string, unknown>> }[];

describe("endpoint-hub v2: snapshots", () => {
  test.each(ENDPOINT_HUB_V2.map((f) => [f.name, f] as const))("%s", async (_name, fixture) => {
    expect((await synthFixture(fixture)).map((s) => ({ stack: s.id, json: s.json }))).toMatchSnapshot();
  });
});

describe("endpoint-hub v2: intent of each variant", () => {
  test("GIVEN a new gateway THEN it has no default route table; the hub attachment is associated with the hub's table and propagates into the spokes' table only", async () => {
    const { hub } = await stacksOf("eh2-ten-spokes-isolated");
    expect(bodiesOf(hub, "aws_ec2_transit_gateway")[0]).toMatchObject({
      default_route_table_association: "disable",
      default_route_table_propagation: "disable",
    });
    const tables = Object.keys(hub.resource?.aws_ec2_transit_gateway_route_table ?? {});
    const [spokeTable, hubTable] = ["spoke-routes", "hub-routes"].map((n) => tables.find((t) => t.includes(n))!);
    expect(bodiesOf(hub, "aws_ec2_transit_gateway_vpc_attachment")[0]).toMatchObject({
      transit_gateway_default_route_table_association: false,
      transit_gateway_default_route_table_propagation: false,
    });
    expect(ref(bodiesOf(hub, "aws_ec2_transit_gateway_route_table_association")[0].transit_gateway_route_table_id)).toBe(
      `aws_ec2_transit_gateway_route_table.${hubTable}.id`,
    );
    expect(ref(bodiesOf(hub, "aws_ec2_transit_gateway_route_table_propagation")[0].transit_gateway_route_table_id)).toBe(
      `aws_ec2_transit_gateway_route_table.${spokeTable}.id`,
    );
  });

  test("GIVEN ten spokes THEN each spoke's attachment is associated with the spokes' table and propagates into the hub's, by a provider in the hub's account; no spoke propagates into the spokes' table", async () => {
    const stacks = await stacksOf("eh2-ten-spokes-isolated");
    const spokes = Object.entries(stacks).filter(([id]) => id.startsWith("spoke-"));
    expect(spokes).toHaveLength(10);
    for (const [id, json] of spokes) {
      const hubProvider = json.provider?.aws.find((p) => p.alias === "hub");
      expect({ id, role: (hubProvider?.assume_role as { role_arn: string }[])?.[0]?.role_arn }).toEqual({
        id,
        role: "arn:aws:iam::999988887777:role/NetworkDeployer",
      });
      const [association] = bodiesOf(json, "aws_ec2_transit_gateway_route_table_association");
      const [propagation] = bodiesOf(json, "aws_ec2_transit_gateway_route_table_propagation");
      expect([association.provider, propagation.provider]).toEqual(["aws.hub", "aws.hub"]);
      expect(String(association.transit_gateway_route_table_id)).toMatch(/spoke-routes/);
      expect(String(propagation.transit_gateway_route_table_id)).toMatch(/hub-routes/);
    }
  });

  test("GIVEN two accounts outside the organization THEN only their spokes accept the RAM share", async () => {
    const stacks = await stacksOf("eh2-ten-spokes-isolated");
    const accepting = Object.entries(stacks)
      .filter(([, json]) => bodiesOf(json, "aws_ram_resource_share_accepter").length > 0)
      .map(([id]) => id);
    expect(accepting).toHaveLength(4);
    const external = (byName("eh2-ten-spokes-isolated").answers.externalAccounts as string[]).map((a) => `arn:aws:iam::${a}:role/`);
    const roleOf = (id: string) => (stacks[id].provider!.aws[0].assume_role as { role_arn: string }[])[0].role_arn;
    for (const id of accepting) expect(external.some((e) => roleOf(id).startsWith(e))).toBe(true);
  });

  test("GIVEN S3 THEN the hub answers for access points and S3 Control too, and every S3 policy keeps principals to the project's accounts' buckets", async () => {
    const stacks = await stacksOf("eh2-ten-spokes-isolated");
    expect(bodiesOf(stacks.hub, "aws_route53_zone").map((z) => z.name)).toEqual(
      expect.arrayContaining([
        "s3.us-east-1.amazonaws.com",
        "s3-accesspoint.us-east-1.amazonaws.com",
        "s3-control.us-east-1.amazonaws.com",
      ]),
    );
    const s3 = Object.values(stacks).flatMap((json) =>
      bodiesOf(json, "aws_vpc_endpoint").filter((e) => String(e.service_name).endsWith(".s3")),
    );
    expect(s3.length).toBeGreaterThan(1);
    for (const endpoint of s3) {
      const own = policyOf(endpoint).find((st) => st.Sid.startsWith("AllowOwnPrincipals"))!;
      expect(own.Condition?.StringEquals).toHaveProperty("aws:ResourceAccount");
    }
  });

  test("GIVEN an existing gateway with its two route tables THEN the hub and the new spoke attachment use them; the existing attachment is left as it is; a full AWS service name gets its zone", async () => {
    const stacks = await stacksOf("eh2-existing-tgw-route-tables");
    const ids = (json: TfJson, type: string) => bodiesOf(json, type).map((b) => b.transit_gateway_route_table_id);
    expect(ids(stacks.hub, "aws_ec2_transit_gateway_route_table_association")).toEqual(["tgw-rtb-0123456789abcdef2"]);
    expect(ids(stacks.hub, "aws_ec2_transit_gateway_route_table_propagation")).toEqual(["tgw-rtb-0123456789abcdef1"]);
    const spokes = Object.entries(stacks).filter(([id]) => id.startsWith("spoke-"));
    const withAssociation = spokes.filter(([, json]) => bodiesOf(json, "aws_ec2_transit_gateway_route_table_association").length > 0);
    expect(withAssociation.map(([id]) => id)).toHaveLength(1);
    expect(bodiesOf(stacks.hub, "aws_route53_zone").map((z) => z.name)).toContain("ssm.eu-central-1.amazonaws.com");
  });

  test("GIVEN 13 services, the attachment and a Resolver address in a /24 THEN each subnet is a /27, and the Resolver's group lets answers back to on-premises", async () => {
    const { hub } = await stacksOf("eh2-small-hub-resolver");
    expect(bodiesOf(hub, "aws_subnet").map((s) => s.cidr_block)).toEqual(["10.0.0.0/27", "10.0.0.32/27"]);
    expect(bodiesOf(hub, "aws_vpc_security_group_egress_rule").map((r) => [r.ip_protocol, r.from_port, r.to_port, r.cidr_ipv4])).toEqual([
      ["tcp", 1024, 65535, "192.168.0.0/16"],
      ["udp", 1024, 65535, "192.168.0.0/16"],
    ]);
    for (const json of Object.values(await stacksOf("eh2-small-hub-resolver"))) expect(json.terraform?.required_version).toBe(">= 1.10");
  });
});
