import type { HubSpoke } from "../../blueprints/endpoint-hub/v1";
import { privateDnsZone } from "../../blueprints/lib/facts/private-dns";
import { type LintDocument, lint } from "../../blueprints/lib/lint";
import { resolveService } from "../../blueprints/lib/service-names";
import { defaultSuppressions } from "../../generator/advisories";
import { ENDPOINT_HUB_V1 } from "../fixtures/endpoint-hub-v1";
import { type Fixture, fixtureAnswers, synthFixture } from "../support/synth";
import { allResources, bodiesOf, resourcesOf, type TfJson, UNTAGGABLE } from "../support/tf-json";

const byName = (name: string): Fixture => ENDPOINT_HUB_V1.find((f) => f.name === name)!;
const stacksOf = async (fixture: Fixture) =>
  Object.fromEntries((await synthFixture(fixture)).map((s) => [s.id, s.json])) as Record<string, TfJson>;
const answersOf = async (fixture: Fixture) =>
  (await fixtureAnswers(fixture)).answers as unknown as {
    spokes: HubSpoke[];
    hubAccount: string | null;
    services: string[];
    vpcCidr: string;
    region: string;
    resolverInbound: string[];
  };
const ref = (type: string, id: string, attribute: string) => `\${${type}.${id}.${attribute}}`;
const fixtures = ENDPOINT_HUB_V1.map((f) => [f.name, f] as const);

describe("endpoint-hub v1: snapshots (released output is frozen)", () => {
  test.each(fixtures)("%s", async (_name, fixture) => {
    expect((await synthFixture(fixture)).map((s) => ({ stack: s.id, json: s.json }))).toMatchSnapshot();
  });
});

describe("endpoint-hub v1: intent on every fixture", () => {
  test.each(fixtures)(
    "%s: every spoke VPC is associated with every service zone but those of its own gateway endpoints, cross-account ones after their authorization",
    async (_n, f) => {
      const stacks = await stacksOf(f);
      const answers = await answersOf(f);
      const zoneOf = new Map(Object.entries(resourcesOf(stacks.hub, "aws_route53_zone")).map(([id, z]) => [z.name, id]));
      const keys = answers.services.filter((s) => !resolveService(s, answers.region).custom);
      expect(zoneOf.size).toBe(keys.length);
      const authorizations = Object.entries(resourcesOf(stacks.hub, "aws_route53_vpc_association_authorization"));
      const hubAssociations = bodiesOf(stacks.hub, "aws_route53_zone_association");
      for (const spoke of answers.spokes) {
        const spokeAssociations = bodiesOf(stacks[`spoke-${spoke.vpcId}`], "aws_route53_zone_association");
        const served = keys.filter((key) => !spoke.gatewayServices?.includes(key));
        for (const key of keys) {
          const zoneId = ref("aws_route53_zone", zoneOf.get(privateDnsZone(key, answers.region).zoneName)!, "zone_id");
          const association = expect.objectContaining({ zone_id: zoneId, vpc_id: spoke.vpcId });
          const authorization = authorizations.find(([, a]) => a.zone_id === zoneId && a.vpc_id === spoke.vpcId);
          if (!served.includes(key)) {
            // THEN the spoke's own (free) gateway endpoint keeps serving it: no association, no authorization
            expect(hubAssociations).not.toContainEqual(association);
            expect(authorization).toBeUndefined();
          } else if (spoke.account === answers.hubAccount) {
            expect(hubAssociations).toContainEqual(association);
          } else {
            // THEN the hub authorizes the spoke's VPC for the zone, and the spoke's association reads the
            // zone ID from that authorization (a cross-stack reference: it runs after)
            const [outputName] = Object.entries(stacks.hub.output ?? {}).find(
              ([, o]) => o.value === ref("aws_route53_vpc_association_authorization", authorization![0], "zone_id"),
            )!;
            expect(spokeAssociations).toContainEqual(
              expect.objectContaining({
                vpc_id: spoke.vpcId,
                zone_id: `\${data.terraform_remote_state.cross-stack-reference-input-hub.outputs.${outputName}}`,
              }),
            );
          }
        }
        expect(spokeAssociations).toHaveLength(spoke.account === answers.hubAccount ? 0 : served.length);
      }
    },
  );

  test.each(fixtures)(
    "%s: no hub endpoint has private DNS; the group admits only the service ports from hub, spoke (and on-premises) CIDRs",
    async (_n, f) => {
      const stacks = await stacksOf(f);
      const answers = await answersOf(f);
      const endpoints = bodiesOf(stacks.hub, "aws_vpc_endpoint");
      expect(endpoints).toHaveLength(answers.services.length);
      for (const endpoint of endpoints) expect(endpoint).toMatchObject({ vpc_endpoint_type: "Interface", private_dns_enabled: false });
      const ports = [...new Set(answers.services.map((s) => resolveService(s, answers.region).port))];
      const allowed = [answers.vpcCidr, ...answers.spokes.map((s) => s.cidr), ...answers.resolverInbound];
      const group = Object.keys(resourcesOf(stacks.hub, "aws_security_group")).find((id) => id.includes("endpoints-sg"))!;
      const rules = bodiesOf(stacks.hub, "aws_vpc_security_group_ingress_rule").filter(
        (r) => r.security_group_id === ref("aws_security_group", group, "id"),
      );
      expect(rules).toHaveLength(ports.length * allowed.length);
      for (const rule of rules) {
        expect(rule).toMatchObject({ ip_protocol: "tcp", from_port: rule.to_port, description: expect.stringMatching(/\S/) });
        expect(ports).toContain(rule.from_port);
        expect(allowed).toContain(rule.cidr_ipv4);
      }
      expect(JSON.stringify(stacks)).not.toMatch(/0\.0\.0\.0\/0|::\/0/);
    },
  );

  test.each(fixtures)("%s: every stack passes the lint, and every taggable resource is tagged", async (_n, f) => {
    const synthesized = await synthFixture(f);
    const documents: LintDocument[] = synthesized.map((s) => ({ file: s.id, json: s.json as LintDocument["json"] }));
    // the defects of v1 the lint finds are suppressed by the advisories the project has, as in a generated project
    const { answers } = await fixtureAnswers(f);
    const suppressions = defaultSuppressions("endpoint-hub", 1, answers as unknown as Readonly<Record<string, unknown>>);
    expect(lint(documents, suppressions).findings).toEqual([]);
    for (const { json } of synthesized) {
      for (const { type, body } of allResources(json)) {
        if (!UNTAGGABLE.has(type) && !HUB_UNTAGGABLE.has(type))
          expect({ type, tags: body.tags }).toMatchObject({ type, tags: { ManagedBy: "create-privatelink" } });
      }
    }
  });
});

/** Types without `tags` in hashicorp/aws 5.100.0 that the hub uses, besides the shared list. */
const HUB_UNTAGGABLE = new Set([
  "aws_route",
  "aws_route53_zone_association",
  "aws_route53_vpc_association_authorization",
  "aws_ram_resource_association",
  "aws_ram_principal_association",
  "aws_ram_resource_share_accepter",
]);

describe("endpoint-hub v1: intent of each variant", () => {
  test("GIVEN spokes of the hub's account THEN a new, unshared gateway that does not auto-accept, and associations in the hub", async () => {
    const stacks = await stacksOf(byName("eh1-two-spokes-same-account"));
    expect(bodiesOf(stacks.hub, "aws_ec2_transit_gateway")).toEqual([
      expect.objectContaining({ auto_accept_shared_attachments: "disable" }),
    ]);
    expect(bodiesOf(stacks.hub, "aws_ram_resource_share")).toEqual([]);
    expect(bodiesOf(stacks.hub, "aws_route53_vpc_association_authorization")).toEqual([]);
    expect(bodiesOf(stacks.hub, "aws_route53_zone_association")).toHaveLength(2 * 3);
    // the hub's two route tables each route both spokes to the gateway, after the attachment
    expect(bodiesOf(stacks.hub, "aws_route").map((r) => r.destination_cidr_block)).toEqual([
      "10.11.0.0/16",
      "10.12.0.0/16",
      "10.11.0.0/16",
      "10.12.0.0/16",
    ]);
    const spoke = stacks["spoke-vpc-0000000000000a001"];
    expect(spoke.provider?.aws[0]).toMatchObject({ assume_role: [{ role_arn: "arn:aws:iam::999988887777:role/PrivateLinkDeployer" }] });
    expect(bodiesOf(spoke, "aws_route")).toEqual([
      expect.objectContaining({
        destination_cidr_block: "10.0.0.0/16",
        route_table_id: "rtb-0000000000000a201",
        depends_on: [expect.stringMatching(/^aws_ec2_transit_gateway_vpc_attachment\./)],
      }),
    ]);
    expect(bodiesOf(spoke, "aws_vpc_endpoint")).toEqual([
      expect.objectContaining({
        vpc_endpoint_type: "Gateway",
        service_name: "com.amazonaws.eu-west-1.s3",
        route_table_ids: ["rtb-0000000000000a201"],
      }),
    ]);
    expect(bodiesOf(stacks["spoke-vpc-0000000000000a002"], "aws_route")).toHaveLength(2);
    // zone IDs, not names: the same zones in every account
    expect(bodiesOf(stacks.hub, "aws_subnet").map((s) => s.availability_zone_id)).toEqual(["euw1-az1", "euw1-az2"]);
    expect(
      bodiesOf(stacks.hub, "aws_route53_zone")
        .map((z) => z.name)
        .sort(),
    ).toEqual(["ec2messages.eu-west-1.amazonaws.com", "ssm.eu-west-1.amazonaws.com", "ssmmessages.eu-west-1.amazonaws.com"]);
  });

  test("GIVEN ten cross-account spokes THEN the gateway is shared with each account once, external principals accept it, wildcard zones for S3 and ECR", async () => {
    const stacks = await stacksOf(byName("eh1-ten-spokes-cross-account"));
    expect(Object.keys(stacks)).toHaveLength(11);
    expect(bodiesOf(stacks.hub, "aws_ec2_transit_gateway")[0]).toMatchObject({ auto_accept_shared_attachments: "enable" });
    expect(bodiesOf(stacks.hub, "aws_ram_resource_share")[0]).toMatchObject({ allow_external_principals: true });
    expect(bodiesOf(stacks.hub, "aws_ram_principal_association").map((p) => p.principal)).toHaveLength(5);
    // 10 spokes x 5 zones, less the S3 zone for the 5 spokes with their own S3 gateway endpoint
    expect(bodiesOf(stacks.hub, "aws_route53_vpc_association_authorization")).toHaveLength(10 * 5 - 5);
    const names = bodiesOf(stacks.hub, "aws_route53_record").map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "s3.us-east-1.amazonaws.com",
        "*.s3.us-east-1.amazonaws.com",
        "*.dkr.ecr.us-east-1.amazonaws.com",
        "api.ecr.us-east-1.amazonaws.com",
      ]),
    );
    expect(names).not.toContain("*.api.ecr.us-east-1.amazonaws.com");
    for (const record of bodiesOf(stacks.hub, "aws_route53_record"))
      expect(record.alias).toMatchObject({
        name: expect.stringMatching(/\.dns_entry\[0\]\.dns_name\}$/),
        zone_id: expect.stringMatching(/\.dns_entry\[0\]\.hosted_zone_id\}$/),
      });
    const spoke = stacks["spoke-vpc-0000000000000a001"];
    const [accepter] = Object.keys(resourcesOf(spoke, "aws_ram_resource_share_accepter"));
    expect(bodiesOf(spoke, "aws_ec2_transit_gateway_vpc_attachment")[0]).toMatchObject({
      depends_on: [`aws_ram_resource_share_accepter.${accepter}`],
      transit_gateway_id: expect.stringMatching(/terraform_remote_state\.cross-stack-reference-input-hub/),
    });
    expect(spoke.provider?.aws[0]).toMatchObject({
      assume_role: [{ role_arn: "arn:aws:iam::111100000000:role/OrganizationAccountAccessRole" }],
    });
    expect(
      bodiesOf(spoke, "aws_vpc_endpoint")
        .map((e) => e.service_name)
        .sort(),
    ).toEqual(["com.amazonaws.us-east-1.dynamodb", "com.amazonaws.us-east-1.s3"]);
    expect((spoke.terraform as { backend: { s3: { key: string } } }).backend.s3.key).toBe(
      "eh1-ten-spokes-cross-account/spoke-vpc-0000000000000a001.tfstate",
    );
  });

  test("GIVEN an existing gateway THEN nothing is created or shared for it; the hub attaches to it, an attached spoke only routes", async () => {
    const stacks = await stacksOf(byName("eh1-existing-tgw"));
    expect(bodiesOf(stacks.hub, "aws_ec2_transit_gateway")).toEqual([]);
    expect(bodiesOf(stacks.hub, "aws_ram_resource_share")).toEqual([]);
    expect(bodiesOf(stacks.hub, "aws_ec2_transit_gateway_vpc_attachment")[0]).toMatchObject({
      transit_gateway_id: "tgw-0123456789abcdef0",
    });
    expect(bodiesOf(stacks["spoke-vpc-0000000000000a002"], "aws_ec2_transit_gateway_vpc_attachment")[0]).toMatchObject({
      transit_gateway_id: "tgw-0123456789abcdef0",
    });
    // a spoke already attached keeps its attachment: routes only, nothing to wait for
    expect(bodiesOf(stacks["spoke-vpc-0000000000000a001"], "aws_ec2_transit_gateway_vpc_attachment")).toEqual([]);
    expect(bodiesOf(stacks["spoke-vpc-0000000000000a001"], "aws_route")).toEqual([
      {
        destination_cidr_block: "10.0.0.0/16",
        route_table_id: "rtb-0000000000000a201",
        transit_gateway_id: "tgw-0123456789abcdef0",
        "//": expect.anything(),
      },
    ]);
    expect(bodiesOf(stacks.hub, "aws_route53_record").map((r) => r.name)).toContain("*.execute-api.eu-central-1.amazonaws.com");
  });

  test("GIVEN on-premises ranges THEN an inbound Resolver endpoint in both subnets admits DNS from them only, and the hub routes them to the gateway", async () => {
    const { hub } = await stacksOf(byName("eh1-resolver-inbound"));
    const [resolver] = bodiesOf(hub, "aws_route53_resolver_endpoint");
    expect(resolver).toMatchObject({ direction: "INBOUND" });
    expect(resolver.ip_address).toHaveLength(2);
    const [group] = Object.keys(resourcesOf(hub, "aws_security_group")).filter((id) => id.includes("resolver-sg"));
    const dns = bodiesOf(hub, "aws_vpc_security_group_ingress_rule").filter(
      (r) => r.security_group_id === ref("aws_security_group", group, "id"),
    );
    expect(dns.map((r) => `${r.ip_protocol} ${r.from_port} ${r.cidr_ipv4}`).sort()).toEqual([
      "tcp 53 172.16.0.0/12",
      "tcp 53 192.168.0.0/16",
      "udp 53 172.16.0.0/12",
      "udp 53 192.168.0.0/16",
    ]);
    expect(bodiesOf(hub, "aws_route").map((r) => r.destination_cidr_block)).toEqual(
      expect.arrayContaining(["192.168.0.0/16", "172.16.0.0/12"]),
    );
  });

  test("GIVEN GovCloud THEN aws-us-gov roles and policies, usgw1 zone IDs, amazonaws.com zones", async () => {
    const stacks = await stacksOf(byName("eh1-govcloud"));
    expect(bodiesOf(stacks.hub, "aws_subnet").map((s) => s.availability_zone_id)).toEqual(["usgw1-az1", "usgw1-az2"]);
    expect(bodiesOf(stacks.hub, "aws_route53_zone").map((z) => z.name)).toEqual([
      "ssm.us-gov-west-1.amazonaws.com",
      "sts.us-gov-west-1.amazonaws.com",
    ]);
    expect(stacks["spoke-vpc-0000000000000a001"].provider?.aws[0]).toMatchObject({
      assume_role: [{ role_arn: "arn:aws-us-gov:iam::111122223333:role/PrivateLinkDeployer" }],
    });
    expect(bodiesOf(stacks.hub, "aws_ram_resource_share")[0]).toMatchObject({ allow_external_principals: false });
    expect(String(bodiesOf(stacks.hub, "aws_vpc_endpoint")[1].policy)).toContain("arn:aws-us-gov:iam::");
  });
});
