import { EndpointHubSpokeStack, EndpointHubStack, type EndpointHubStackProps, type HubSpoke } from "../../blueprints/endpoint-hub/v1";
import { Testing } from "../../blueprints/lib/cdktf";

describe("endpoint-hub v1: bad props name the prop", () => {
  const spoke = (extra: Partial<HubSpoke> = {}): HubSpoke => ({
    account: "111122223333",
    vpcId: "vpc-0123456789abcdef0",
    cidr: "10.1.0.0/16",
    subnets: ["subnet-0123456789abcdef0"],
    routeTables: ["rtb-0123456789abcdef0"],
    ...extra,
  });
  const hub: EndpointHubStackProps = { region: "eu-west-1", hubAccount: "999988887777", interfaceServices: ["ssm"], spokes: [spoke()] };
  test.each<[string, () => unknown, RegExp]>([
    [
      "a spoke overlapping the hub",
      () => new EndpointHubStack(Testing.app(), "h", { ...hub, spokes: [spoke({ cidr: "10.0.128.0/17" })] }),
      /^`spokes\[0\]\.cidr`: 10\.0\.128\.0\/17 overlaps 10\.0\.0\.0\/16 of the hub VPC/,
    ],
    [
      "two overlapping spokes",
      () =>
        new EndpointHubStack(Testing.app(), "h", {
          ...hub,
          spokes: [spoke(), spoke({ vpcId: "vpc-0123456789abcdef1", cidr: "10.1.2.0/24" })],
        }),
      /^`spokes\[1\]\.cidr`: .* overlaps 10\.1\.0\.0\/16 of spokes\[0\]/,
    ],
    [
      "a spoke account as a number",
      () => new EndpointHubStack(Testing.app(), "h", { ...hub, spokes: [spoke({ account: 111122223333 as unknown as string })] }),
      /^`spokes\[0\]\.account`: expected a 12-digit account ID/,
    ],
    [
      "a malformed route table",
      () => new EndpointHubStack(Testing.app(), "h", { ...hub, spokes: [spoke({ routeTables: ["rtb-1"] })] }),
      /^`spokes\[0\]\.routeTables\[0\]`: expected a rtb ID/,
    ],
    [
      "a spoke without subnets",
      () => new EndpointHubStack(Testing.app(), "h", { ...hub, spokes: [spoke({ subnets: [] })] }),
      /^`spokes\[0\]\.subnets`: expected a non-empty list/,
    ],
    [
      "an interface-only gateway service",
      () => new EndpointHubStack(Testing.app(), "h", { ...hub, spokes: [spoke({ gatewayServices: ["ssm"] })] }),
      /^`spokes\[0\]\.gatewayServices\[0\]`: ssm has no Gateway endpoint/,
    ],
    [
      "spokes without the hub's account",
      () => new EndpointHubStack(Testing.app(), "h", { ...hub, hubAccount: undefined }),
      /^`hubAccount`: is missing/,
    ],
    [
      "a malformed transit gateway",
      () => new EndpointHubStack(Testing.app(), "h", { ...hub, transitGateway: "tgw-xyz" }),
      /^`transitGateway`: expected "new" or a transit gateway ID/,
    ],
    [
      "a name-form zone",
      () => new EndpointHubStack(Testing.app(), "h", { ...hub, availabilityZones: ["eu-west-1a", "eu-west-1b"] }),
      /^`availabilityZones\[0\]`: "eu-west-1a" does not exist in eu-west-1/,
    ],
    [
      "a service without a central zone",
      () => new EndpointHubStack(Testing.app(), "h", { ...hub, interfaceServices: ["notebook"] }),
      /^`interfaceServices\[0\]`: notebook has no private DNS name/,
    ],
    [
      "an on-premises range overlapping the hub",
      () => new EndpointHubStack(Testing.app(), "h", { ...hub, onPremisesCidrs: ["10.0.0.0/8"] }),
      /^`onPremisesCidrs\[0\]`: 10\.0\.0\.0\/8 overlaps the hub VPC/,
    ],
    [
      "a spoke stack with a role name with a slash",
      () =>
        new EndpointHubSpokeStack(Testing.app(), "s", {
          region: "eu-west-1",
          spoke: spoke(),
          hubCidr: "10.0.0.0/16",
          transitGatewayId: "tgw-0123456789abcdef0",
          roleName: "a/b",
        }),
      /^`roleName`: expected an IAM role name/,
    ],
    [
      "an existing attachment with a new gateway",
      () => new EndpointHubStack(Testing.app(), "h", { ...hub, spokes: [spoke({ attachmentId: "tgw-attach-0123456789abcdef0" })] }),
      /^`spokes\[0\]\.attachmentId`: is given, but the transit gateway is new/,
    ],
    [
      "a malformed attachment",
      () => new EndpointHubStack(Testing.app(), "h", { ...hub, spokes: [spoke({ attachmentId: "tgw-0123456789abcdef0" })] }),
      /^`spokes\[0\]\.attachmentId`: expected a transit gateway attachment ID/,
    ],
    [
      "two spokes sharing a route table",
      () =>
        new EndpointHubStack(Testing.app(), "h", {
          ...hub,
          spokes: [spoke(), spoke({ vpcId: "vpc-0123456789abcdef1", cidr: "10.2.0.0/16" })],
        }),
      /^`spokes\.routeTables\[1\]`: "rtb-0123456789abcdef0" is listed twice/,
    ],
  ])("GIVEN %s THEN the error names it", (_case, make, message) => {
    expect(make).toThrow(message);
  });

  test("GIVEN more ranges than a security group holds THEN the error names spokes", () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      spoke({
        vpcId: `vpc-${(i + 1).toString(16).padStart(17, "0")}`,
        cidr: `10.${i + 1}.0.0/16`,
        routeTables: [`rtb-${(i + 1).toString(16).padStart(17, "0")}`],
      }),
    );
    expect(() => new EndpointHubStack(Testing.app(), "h", { ...hub, spokes: many })).toThrow(/^`spokes`: needs 61 inbound rules/);
  });
});
