import { Ec2TransitGatewayRouteTableAssociation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association/index.js";
import { Ec2TransitGatewayRouteTablePropagation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-propagation/index.js";
import { Ec2TransitGatewayVpcAttachment } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment/index.js";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { RamResourceShareAccepter } from "@cdktf/provider-aws/lib/ram-resource-share-accepter/index.js";
import { Route } from "@cdktf/provider-aws/lib/route/index.js";
import { Route53ZoneAssociation } from "@cdktf/provider-aws/lib/route53-zone-association/index.js";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint/index.js";
import type { Construct } from "constructs";
import { TerraformStack } from "../../lib/cdktf.ts";
import { ipv6SourceOf } from "../../lib/dual-stack.ts";
import { regionInfo } from "../../lib/partitions.ts";
import { endpointPolicy } from "../../lib/perimeter/index.ts";
import { policyJson } from "../../lib/policies.ts";
import { serviceName } from "../../lib/service-names.ts";
import { checkSpoke } from "../../lib/spokes.ts";
import { configureStack } from "../../lib/stack.ts";
import { blueprintTags } from "../../lib/tags.ts";
import { requireTerraform } from "../../lib/terraform-version.ts";
import { checkAccountIds, checkCidr, checkRoleName, checkTags } from "../../lib/validate.ts";
import { BLUEPRINT, VERSION } from "./endpoint-hub.ts";
import type { EndpointHubSpokeStackProps } from "./props.ts";

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
    // dual-stack: the spoke states its IPv6 block (its subnets have IPv6 blocks), the hub's comes from the hub stack
    const hubIpv6 = props.hubIpv6Cidr;
    if (hubIpv6 !== undefined) ipv6SourceOf("dualstack", spoke.ipv6Cidr, "spoke.ipv6Cidr");
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
    requireTerraform(this);
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
        ...(hubIpv6 !== undefined ? { ipv6Support: "enable" } : {}),
        ...(accepter ? { dependsOn: [accepter] } : {}),
        tags: tag("attachment"),
      });
    }
    if (this.attachment && props.transitRouteTables) {
      // the gateway's owner (the hub's account) associates the attachment and takes its propagation
      const hub = new AwsProvider(this, "hub-account", {
        alias: "hub",
        region,
        defaultTags: [{ tags: { ...blueprintTags(BLUEPRINT, VERSION), ...userTags } }],
        ...(props.hubAssumeRole
          ? {
              assumeRole: [
                {
                  roleArn: props.hubAssumeRole.roleArn,
                  sessionName: props.hubAssumeRole.sessionName ?? "create-privatelink",
                  ...(props.hubAssumeRole.externalId ? { externalId: props.hubAssumeRole.externalId } : {}),
                },
              ],
            }
          : {}),
      });
      new Ec2TransitGatewayRouteTableAssociation(this, "attachment-association", {
        provider: hub,
        transitGatewayAttachmentId: this.attachment.id,
        transitGatewayRouteTableId: props.transitRouteTables.spokes,
        // a spoke of endpoint-hub@1 has its attachment on the gateway's default table: the upgrade moves it
        replaceExistingAssociation: true,
      });
      new Ec2TransitGatewayRouteTablePropagation(this, "attachment-propagation", {
        provider: hub,
        transitGatewayAttachmentId: this.attachment.id,
        transitGatewayRouteTableId: props.transitRouteTables.hub,
      });
    }
    for (const routeTableId of spoke.routeTables) {
      new Route(this, `hub-route-${routeTableId}`, {
        routeTableId,
        destinationCidrBlock: hubCidr,
        transitGatewayId: props.transitGatewayId,
        ...(this.attachment ? { dependsOn: [this.attachment] } : {}),
      });
      if (hubIpv6 !== undefined)
        new Route(this, `hub-route-ipv6-${routeTableId}`, {
          routeTableId,
          destinationIpv6CidrBlock: hubIpv6,
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
        // trusted resources on S3: the hub's and spokes' principals reach only their accounts' buckets (and AWS-owned ones)
        policy: policyJson(
          endpointPolicy({ service: key, region, principals: { accounts: policyAccounts }, trustedResources: key === "s3" }),
        ),
        tags: tag(`${key}-gateway`),
      });
    }
    for (const [key, zoneId] of Object.entries(props.hubZones?.[spoke.vpcId] ?? {})) {
      new Route53ZoneAssociation(this, `zone-association-${key.replace(/[^A-Za-z0-9-]/g, "-")}`, { zoneId, vpcId: spoke.vpcId });
    }
  }
}
