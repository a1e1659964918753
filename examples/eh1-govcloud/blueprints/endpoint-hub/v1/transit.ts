import { Ec2TransitGateway } from "@cdktf/provider-aws/lib/ec2-transit-gateway/index.js";
import { Ec2TransitGatewayVpcAttachment } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment/index.js";
import { RamPrincipalAssociation } from "@cdktf/provider-aws/lib/ram-principal-association/index.js";
import { RamResourceAssociation } from "@cdktf/provider-aws/lib/ram-resource-association/index.js";
import { RamResourceShare } from "@cdktf/provider-aws/lib/ram-resource-share/index.js";
import { Route } from "@cdktf/provider-aws/lib/route/index.js";
import type { Construct } from "constructs";

type Tags = (suffix: string) => Record<string, string>;

export interface HubTransitProps {
  /** `new`, or the ID of an existing transit gateway. */
  readonly transitGateway: string;
  /** Spoke accounts other than the hub's: the new gateway is shared with them. */
  readonly crossAccounts: readonly string[];
  readonly externalPrincipals: boolean;
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  readonly routeTableIds: readonly string[];
  /** Destinations the hub's route tables send to the gateway: spoke and on-premises ranges. */
  readonly destinations: readonly { readonly cidr: string; readonly what: string }[];
  readonly name: string;
  readonly tags: Tags;
}

export interface HubTransit {
  readonly transitGatewayId: string;
  /** The RAM share of a new gateway with other accounts, if any. */
  readonly resourceShare?: RamResourceShare;
}

/**
 * The hub's side of the transit gateway: a new gateway (shared through RAM with
 * the other spoke accounts) or an existing one, the hub VPC's attachment, and a
 * route per spoke (and on-premises) range in each hub route table.
 *
 * A new gateway accepts shared attachments automatically only when there are
 * spokes in other accounts: their attachments are made in their own stacks, and
 * an accepter here would need the attachment IDs, a reference back from spoke to
 * hub. The RAM share, limited to the listed accounts, is what admits them.
 * Default route table association and propagation stay on: the spokes' route
 * tables send only the hub's range to the gateway, so spokes do not reach each other.
 */
export function hubTransit(scope: Construct, props: HubTransitProps): HubTransit {
  const { tags } = props;
  let transitGatewayId = props.transitGateway;
  let resourceShare: RamResourceShare | undefined;
  if (props.transitGateway === "new") {
    const gateway = new Ec2TransitGateway(scope, "transit-gateway", {
      description: `Transit gateway of the ${props.name} endpoint hub`,
      autoAcceptSharedAttachments: props.crossAccounts.length > 0 ? "enable" : "disable",
      defaultRouteTableAssociation: "enable",
      defaultRouteTablePropagation: "enable",
      dnsSupport: "enable",
      vpnEcmpSupport: "enable",
      tags: tags("tgw"),
    });
    transitGatewayId = gateway.id;
    if (props.crossAccounts.length > 0) {
      resourceShare = new RamResourceShare(scope, "transit-gateway-share", {
        name: `${props.name}-tgw`,
        allowExternalPrincipals: props.externalPrincipals,
        tags: tags("tgw-share"),
      });
      new RamResourceAssociation(scope, "transit-gateway-share-gateway", {
        resourceArn: gateway.arn,
        resourceShareArn: resourceShare.arn,
      });
      for (const account of props.crossAccounts) {
        new RamPrincipalAssociation(scope, `transit-gateway-share-${account}`, {
          principal: account,
          resourceShareArn: resourceShare.arn,
        });
      }
    }
  }
  const attachment = new Ec2TransitGatewayVpcAttachment(scope, "hub-attachment", {
    transitGatewayId,
    vpcId: props.vpcId,
    subnetIds: [...props.subnetIds],
    dnsSupport: "enable",
    tags: tags("hub-attachment"),
  });
  props.routeTableIds.forEach((routeTableId, t) => {
    props.destinations.forEach((destination, d) => {
      new Route(scope, `hub-route-${t}-${d}`, {
        routeTableId,
        destinationCidrBlock: destination.cidr,
        transitGatewayId,
        dependsOn: [attachment],
      });
    });
  });
  return { transitGatewayId, ...(resourceShare ? { resourceShare } : {}) };
}
