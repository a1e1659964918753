import { Ec2TransitGateway } from "@cdktf/provider-aws/lib/ec2-transit-gateway/index.js";
import { Ec2TransitGatewayRouteTable } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table/index.js";
import { Ec2TransitGatewayRouteTableAssociation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association/index.js";
import { Ec2TransitGatewayRouteTablePropagation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-propagation/index.js";
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
  /** An existing gateway's route tables (the hub's account owns it): spokes associate with `spokes`, the hub with `hub`. @default none (the gateway's own defaults) */
  readonly routeTables?: TransitRouteTables;
  /** Spoke accounts other than the hub's: the new gateway is shared with them. */
  readonly crossAccounts: readonly string[];
  readonly externalPrincipals: boolean;
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  readonly routeTableIds: readonly string[];
  /** Destinations the hub's route tables send to the gateway: spoke and on-premises ranges. */
  readonly destinations: readonly { readonly cidr: string; readonly what: string }[];
  /** IPv6 destinations (a dual-stack hub's spokes): the attachment carries IPv6, and each gets a route. @default [] */
  readonly ipv6Destinations?: readonly { readonly cidr: string; readonly what: string }[];
  /** Whether the hub's attachment carries IPv6 (its subnets have IPv6 blocks). @default false */
  readonly ipv6?: boolean;
  readonly name: string;
  readonly tags: Tags;
}

/** The gateway's two route tables: spokes see only the hub; the hub sees every spoke. */
export interface TransitRouteTables {
  /** Associated with each spoke's attachment; holds only the hub's routes (the hub attachment propagates into it). */
  readonly spokes: string;
  /** Associated with the hub's attachment; every spoke attachment propagates into it. */
  readonly hub: string;
}

export interface HubTransit {
  readonly transitGatewayId: string;
  /** The route tables spokes associate with and propagate into; none for an existing gateway without them. */
  readonly routeTables?: TransitRouteTables;
  /** The RAM share of a new gateway with other accounts, if any. */
  readonly resourceShare?: RamResourceShare;
}

/**
 * The hub's side of the transit gateway: a new gateway (shared through RAM with
 * the other spoke accounts) or an existing one, the hub VPC's attachment, and a
 * route per spoke (and on-premises) range in each hub route table.
 *
 * Spokes must not reach each other through the gateway. A new gateway therefore
 * has no default route table: a `spokes` table, associated with every spoke's
 * attachment, holds only what the hub attachment propagates (the hub's range);
 * a `hub` table, associated with the hub's attachment, learns every spoke's
 * range. The spokes' stacks associate and propagate their attachments, with a
 * provider in the hub's account (the gateway's owner). An existing gateway is
 * used the same way when its two tables are given; without them, its own
 * defaults decide (the README says so).
 *
 * A new gateway accepts shared attachments automatically only when there are
 * spokes in other accounts: their attachments are made in their own stacks, and
 * the RAM share, limited to the listed accounts, is what admits them.
 */
export function hubTransit(scope: Construct, props: HubTransitProps): HubTransit {
  const { tags } = props;
  let transitGatewayId = props.transitGateway;
  let resourceShare: RamResourceShare | undefined;
  if (props.transitGateway === "new") {
    const gateway = new Ec2TransitGateway(scope, "transit-gateway", {
      description: `Transit gateway of the ${props.name} endpoint hub`,
      autoAcceptSharedAttachments: props.crossAccounts.length > 0 ? "enable" : "disable",
      defaultRouteTableAssociation: "disable",
      defaultRouteTablePropagation: "disable",
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
  const routeTables: TransitRouteTables | undefined =
    props.transitGateway === "new"
      ? {
          spokes: new Ec2TransitGatewayRouteTable(scope, "spoke-routes", { transitGatewayId, tags: tags("spoke-routes") }).id,
          hub: new Ec2TransitGatewayRouteTable(scope, "hub-routes", { transitGatewayId, tags: tags("hub-routes") }).id,
        }
      : props.routeTables;
  const attachment = new Ec2TransitGatewayVpcAttachment(scope, "hub-attachment", {
    transitGatewayId,
    vpcId: props.vpcId,
    subnetIds: [...props.subnetIds],
    dnsSupport: "enable",
    ...(props.ipv6 ? { ipv6Support: "enable" } : {}),
    ...(routeTables ? { transitGatewayDefaultRouteTableAssociation: false, transitGatewayDefaultRouteTablePropagation: false } : {}),
    tags: tags("hub-attachment"),
  });
  if (routeTables) {
    new Ec2TransitGatewayRouteTableAssociation(scope, "hub-attachment-association", {
      transitGatewayAttachmentId: attachment.id,
      transitGatewayRouteTableId: routeTables.hub,
      // a hub of endpoint-hub@1 has its attachment on the gateway's default table: the upgrade moves it
      replaceExistingAssociation: true,
    });
    new Ec2TransitGatewayRouteTablePropagation(scope, "hub-attachment-propagation", {
      transitGatewayAttachmentId: attachment.id,
      transitGatewayRouteTableId: routeTables.spokes,
    });
  }
  props.routeTableIds.forEach((routeTableId, t) => {
    props.destinations.forEach((destination, d) => {
      new Route(scope, `hub-route-${t}-${d}`, {
        routeTableId,
        destinationCidrBlock: destination.cidr,
        transitGatewayId,
        dependsOn: [attachment],
      });
    });
    (props.ipv6Destinations ?? []).forEach((destination, d) => {
      new Route(scope, `hub-route-ipv6-${t}-${d}`, {
        routeTableId,
        destinationIpv6CidrBlock: destination.cidr,
        transitGatewayId,
        dependsOn: [attachment],
      });
    });
  });
  return { transitGatewayId, ...(routeTables ? { routeTables } : {}), ...(resourceShare ? { resourceShare } : {}) };
}
