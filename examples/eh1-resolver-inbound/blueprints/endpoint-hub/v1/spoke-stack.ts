import { Ec2TransitGatewayVpcAttachment } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment";
import { RamResourceShareAccepter } from "@cdktf/provider-aws/lib/ram-resource-share-accepter";
import { Route } from "@cdktf/provider-aws/lib/route";
import { Route53ZoneAssociation } from "@cdktf/provider-aws/lib/route53-zone-association";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import type { Construct } from "constructs";
import { TerraformStack } from "../../lib/cdktf";
import { regionInfo } from "../../lib/partitions";
import { endpointPolicy } from "../../lib/perimeter";
import { policyJson } from "../../lib/policies";
import { serviceName } from "../../lib/service-names";
import { checkSpoke } from "../../lib/spokes";
import { configureStack } from "../../lib/stack";
import { blueprintTags } from "../../lib/tags";
import { checkAccountIds, checkCidr, checkRoleName, checkTags } from "../../lib/validate";
import { BLUEPRINT, VERSION } from "./endpoint-hub";
import type { EndpointHubSpokeStackProps } from "./props";

/**
 * A spoke account's stack for one spoke VPC: its provider assumes `roleName` in
 * the spoke's account. It attaches the VPC to the hub's transit gateway (unless
 * the spoke names its existing attachment), routes
 * the hub's range there from each route table, makes the spoke's own gateway
 * endpoints, and associates the VPC with the hub's hosted zones that the hub
 * authorized for it (zone IDs read from the authorizations, so they come first).
 */
export class EndpointHubSpokeStack extends TerraformStack {
  /** The new attachment; none when the spoke names its existing one. */
  public readonly attachment?: Ec2TransitGatewayVpcAttachment;

  constructor(scope: Construct, id: string, props: EndpointHubSpokeStackProps) {
    super(scope, id);
    const { region, backend, tags, assumeRole, roleName, externalId } = props;
    const partition = regionInfo(region).partition;
    const spoke = checkSpoke(props.spoke, "spoke", region);
    const role = checkRoleName(roleName ?? "PrivateLinkDeployer", "roleName");
    const hubCidr = checkCidr(props.hubCidr, "hubCidr", 16, 24);
    configureStack(
      this,
      {
        region,
        backend,
        tags,
        assumeRole: assumeRole ?? { roleArn: `arn:${partition}:iam::${spoke.account}:role/${role}`, ...(externalId ? { externalId } : {}) },
      },
      blueprintTags(BLUEPRINT, VERSION),
    );
    const name = props.name ?? id;
    const userTags = checkTags(tags ?? {}, "tags");
    const tag = (suffix: string) => ({ Name: `${name}-${suffix}`, ...blueprintTags(BLUEPRINT, VERSION), ...userTags });

    const accepter = props.resourceShareArn
      ? new RamResourceShareAccepter(this, "transit-gateway-share-accepter", { shareArn: props.resourceShareArn })
      : undefined;
    if (spoke.attachmentId === undefined) {
      this.attachment = new Ec2TransitGatewayVpcAttachment(this, "attachment", {
        transitGatewayId: props.transitGatewayId,
        vpcId: spoke.vpcId,
        subnetIds: [...spoke.subnets],
        dnsSupport: "enable",
        ...(accepter ? { dependsOn: [accepter] } : {}),
        tags: tag("attachment"),
      });
    }
    for (const routeTableId of spoke.routeTables) {
      new Route(this, `hub-route-${routeTableId}`, {
        routeTableId,
        destinationCidrBlock: hubCidr,
        transitGatewayId: props.transitGatewayId,
        ...(this.attachment ? { dependsOn: [this.attachment] } : {}),
      });
    }
    const policyAccounts = checkAccountIds(props.policyAccounts ?? [spoke.account], "policyAccounts");
    for (const [i, key] of (spoke.gatewayServices ?? []).entries()) {
      const service = serviceName(key, region, `spoke.gatewayServices[${i}]`, "Gateway");
      new VpcEndpoint(this, `gateway-${key}`, {
        vpcId: spoke.vpcId,
        serviceName: service,
        vpcEndpointType: "Gateway",
        routeTableIds: [...spoke.routeTables],
        policy: policyJson(endpointPolicy({ service: key, region, principals: { accounts: policyAccounts } })),
        tags: tag(`${key}-gateway`),
      });
    }
    for (const [key, zoneId] of Object.entries(props.hubZones?.[spoke.vpcId] ?? {})) {
      new Route53ZoneAssociation(this, `zone-association-${key.replace(/[^A-Za-z0-9-]/g, "-")}`, { zoneId, vpcId: spoke.vpcId });
    }
  }
}
