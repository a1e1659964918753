import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity/index.js";
import type { Route53ResolverEndpoint } from "@cdktf/provider-aws/lib/route53-resolver-endpoint/index.js";
import type { SecurityGroup } from "@cdktf/provider-aws/lib/security-group/index.js";
import type { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint/index.js";
import { Construct } from "constructs";
import { checkIpAddressType, ipv6SourceOf, serviceIpAddressType } from "../../lib/dual-stack.ts";
import { BlueprintInputError } from "../../lib/errors.ts";
import { hasPrivateDnsZone } from "../../lib/facts/private-dns.ts";
import { DYNAMODB_ACCOUNT_ENDPOINT } from "../../lib/facts/privatelink-names.ts";
import { checkZoneIds, defaultZoneIds } from "../../lib/facts/zones.ts";
import { awsService } from "../../lib/lint/rules-perimeter.ts";
import { network } from "../../lib/network.ts";
import { output } from "../../lib/outputs.ts";
import { regionInfo } from "../../lib/partitions.ts";
import type { PrincipalScope } from "../../lib/policies.ts";
import { isEndpointServiceName, resolveService } from "../../lib/service-names.ts";
import { findService } from "../../lib/services.ts";
import { checkOnPremisesCidrs, checkSpokes, checkTransitGatewayId } from "../../lib/spokes.ts";
import { blueprintTags } from "../../lib/tags.ts";
import { checkAccountId, checkCidr, checkDistinct, checkResourceId, checkTags } from "../../lib/validate.ts";
import { type AdmittedRange, hubEndpoints, hubSecurityGroup } from "./endpoints.ts";
import type { EndpointHubProps } from "./props.ts";
import { resolverInbound } from "./resolver.ts";
import { hubTransit } from "./transit.ts";
import { type ServiceZone, serviceZones, spokeAssociations } from "./zones.ts";

export const BLUEPRINT = "endpoint-hub";
export const VERSION = 2;
/**
 * DynamoDB's guide ("AWS PrivateLink for DynamoDB", considerations) says not to override its DNS names with
 * private hosted zones (they may change, and requests fall back to public addresses), and the SDKs' default
 * account-based endpoints (`<account>.ddb.<region>.amazonaws.com`) would pass a `dynamodb.<region>` zone by.
 */
const DYNAMODB_NOT_IN_HUB = `is DynamoDB, whose names a hub's hosted zone must not stand in for (AWS's DynamoDB guide: DNS overrides can route requests over public addresses, and the SDKs' account-based endpoints, ${DYNAMODB_ACCOUNT_ENDPOINT}, pass them by): give the spokes a DynamoDB gateway endpoint (gatewayServices: dynamodb, free), or deploy its interface endpoint where it is used and call its vpce-… URL (blueprint service-endpoints)`;

/** FIPS endpoints' private DNS names are not published per service (Batch's, for one, is not `<service>-fips.<region>.amazonaws.com`). */
const FIPS_NOT_IN_HUB = (ref: string) =>
  `${ref} is a FIPS endpoint, whose private DNS names AWS does not publish per service, so a hub cannot name the zone that stands in for them: deploy it in each VPC that needs it, with private DNS on (blueprint service-endpoints)`;

/** Inbound rules per security group (the default VPC quota). */
export const MAX_SG_RULES = 60;

/**
 * Interface endpoints in one central VPC, shared with spoke VPCs of any number
 * of accounts over a transit gateway. Private DNS on an endpoint only answers
 * in its own VPC, so it is off; a private hosted zone per service, named like
 * AWS's private DNS, points at the endpoint and is associated with every spoke.
 */
export class EndpointHub extends Construct {
  public readonly endpoints: Record<string, VpcEndpoint>;
  public readonly zones: readonly ServiceZone[];
  public readonly securityGroup: SecurityGroup;
  public readonly transitGatewayId: string;
  /** Zone IDs read from the association authorizations, by spoke VPC ID and service: for the spokes' stacks. */
  public readonly authorizedZones: Record<string, Record<string, string>>;
  /** ARN of the RAM share of a new transit gateway, when it is shared with other accounts. */
  public readonly resourceShareArn?: string;
  public readonly resolver?: Route53ResolverEndpoint;
  /** The hub VPC's CIDR. */
  public readonly cidr: string;
  /** The gateway's route tables, for the spokes' stacks; none for an existing gateway without them. */
  public readonly transitRouteTables?: { readonly spokes: string; readonly hub: string };
  /** The hub VPC's IPv6 block when it is dual-stack. */
  public readonly ipv6Cidr?: string;

  constructor(scope: Construct, id: string, props: EndpointHubProps) {
    super(scope, id);
    const region = regionInfo(props.region).region;
    const name = props.name ?? id;
    const userTags = checkTags(props.tags ?? {}, "tags");
    const tags = (suffix: string) => ({ Name: `${name}-${suffix}`, ...blueprintTags(BLUEPRINT, VERSION), ...userTags });
    const cidr = checkCidr(props.cidr ?? "10.0.0.0/16", "cidr", 16, 24);
    const zones = checkZoneIds(props.availabilityZones ?? defaultZoneIds(region, 2), region, "availabilityZones");
    const onPremises = checkOnPremisesCidrs(props.onPremisesCidrs ?? [], "onPremisesCidrs", cidr);
    const spokes = checkSpokes(props.spokes ?? [], "spokes", region, cidr, onPremises);
    const transitGateway = props.transitGateway ?? "new";
    if (transitGateway !== "new") checkTransitGatewayId(transitGateway, "transitGateway");
    const routeTables = props.transitRouteTables;
    if (routeTables !== undefined) {
      if (transitGateway === "new")
        throw new BlueprintInputError(
          "transitRouteTables",
          "is given for a new transit gateway, which makes its own; give the existing gateway's ID in `transitGateway`",
        );
      checkResourceId(routeTables.spokes, "transitRouteTables.spokes", "tgw-rtb");
      checkResourceId(routeTables.hub, "transitRouteTables.hub", "tgw-rtb");
      if (routeTables.spokes === routeTables.hub)
        throw new BlueprintInputError("transitRouteTables.hub", "is the spokes' table too; spokes would reach each other: give two tables");
    }
    spokes.forEach((spoke, i) => {
      if (transitGateway === "new" && spoke.attachmentId !== undefined)
        throw new BlueprintInputError(
          `spokes[${i}].attachmentId`,
          "is given, but the transit gateway is new and has no attachments yet; drop it, or give the existing gateway's ID in `transitGateway`",
        );
    });
    const ipAddressType = checkIpAddressType(props.ipAddressType ?? "ipv4", "ipAddressType");
    spokes.forEach((spoke, i) => {
      ipv6SourceOf(ipAddressType, spoke.ipv6Cidr, `spokes[${i}].ipv6Cidr`);
      if (ipAddressType === "ipv4" && spoke.ipv6Cidr !== undefined)
        throw new BlueprintInputError(
          `spokes[${i}].ipv6Cidr`,
          'is given, but the hub is not dual-stack; set ipAddressType "dualstack", or drop it',
        );
    });
    const hubAccount = props.hubAccount === undefined ? undefined : checkAccountId(props.hubAccount, "hubAccount");
    if (hubAccount === undefined && spokes.length > 0) {
      throw new BlueprintInputError(
        "hubAccount",
        "is missing; expected the hub's 12-digit account ID, which tells spokes of the hub's account from those of other accounts",
      );
    }
    const refs = [...(props.interfaceServices ?? [])];
    if (refs.length === 0) throw new BlueprintInputError("interfaceServices", 'is empty; expected at least one service, e.g. ["ssm"]');
    const services = refs.map((ref, i) => {
      // a full AWS service name (com.amazonaws.<region>.ssm) is its catalog service: it gets its zone too
      const named = awsService(ref);
      const service = resolveService(
        named?.region === region && findService(named.service) ? named.service : ref,
        region,
        `interfaceServices[${i}]`,
      );
      if (service.key === "dynamodb" || named?.service === "dynamodb")
        throw new BlueprintInputError(`interfaceServices[${i}]`, DYNAMODB_NOT_IN_HUB);
      if (named?.service.endsWith("-fips")) throw new BlueprintInputError(`interfaceServices[${i}]`, FIPS_NOT_IN_HUB(ref));
      if (service.custom && !isEndpointServiceName(service.serviceName)) {
        throw new BlueprintInputError(
          `interfaceServices[${i}]`,
          `${ref} is not in the catalog, and a hub cannot name the private hosted zone that stands in for its private DNS; give its catalog key, or deploy its endpoint in each VPC (blueprint service-endpoints)`,
        );
      }
      if (!service.custom && !hasPrivateDnsZone(service.key)) {
        throw new BlueprintInputError(
          `interfaceServices[${i}]`,
          `${ref} has no private DNS name a central hosted zone can stand in for; deploy its endpoint in each VPC instead (blueprint service-endpoints)`,
        );
      }
      return service;
    });
    checkDistinct(
      services.map((s) => s.serviceName),
      "interfaceServices",
    );
    const admitted: AdmittedRange[] = [
      { cidr, what: "the hub VPC" },
      ...spokes.map((s) => ({ cidr: s.cidr, what: `spoke ${s.vpcId} of ${s.account}` })),
      ...onPremises.map((c) => ({ cidr: c, what: "on-premises" })),
    ];
    const ipv6Spokes = spokes.flatMap((s) =>
      s.ipv6Cidr ? [{ cidr: s.ipv6Cidr, what: `spoke ${s.vpcId} of ${s.account}`, ipv6: true }] : [],
    );
    // the hub's own IPv6 block is a reference to the new VPC's: counted here, added once the VPC exists
    const ipv6Ranges = ipAddressType === "dualstack" ? 1 + ipv6Spokes.length : 0;
    const ports = new Set(services.map((s) => s.port)).size;
    const ranges = admitted.length + ipv6Ranges;
    if (ranges * ports > MAX_SG_RULES) {
      throw new BlueprintInputError(
        "spokes",
        `needs ${ranges * ports} inbound rules (${ranges} ranges x ${ports} ports); a security group holds ${MAX_SG_RULES}: split the spokes across two hubs or summarize their ranges`,
      );
    }
    const accounts = [...new Set([hubAccount ?? new DataAwsCallerIdentity(this, "current").accountId, ...spokes.map((s) => s.account)])];
    const principals: PrincipalScope = { accounts };

    // each zone's subnet holds an interface per endpoint, the gateway attachment's and, on-premises, a Resolver address
    const demand = {
      interfaces: services.length + 1 + (onPremises.length > 0 ? 1 : 0),
      what: `${services.length} interface endpoint(s), 1 Transit Gateway attachment${onPremises.length > 0 ? ", 1 Resolver address" : ""}`,
    };
    const dualStack = ipAddressType === "dualstack";
    const net = network(
      this,
      region,
      { kind: "new", cidr, availabilityZones: zones, ...(dualStack ? { dualStack } : {}) },
      tags,
      undefined,
      demand,
    );
    this.cidr = cidr;
    if (net.ipv6Cidr) this.ipv6Cidr = net.ipv6Cidr;
    const ipv6Admitted = net.ipv6Cidr ? [{ cidr: net.ipv6Cidr, what: "the hub VPC", ipv6: true }, ...ipv6Spokes] : [];
    this.securityGroup = hubSecurityGroup(this, net.vpcId, services, [...admitted, ...ipv6Admitted], name, tags);
    // dual-stack only where the service takes IPv6 (AWS's table): elsewhere AWS refuses the endpoint at apply
    const types = Object.fromEntries(services.map((s) => [s.key, serviceIpAddressType(ipAddressType, s)]));
    this.endpoints = hubEndpoints(this, services, net, this.securityGroup, principals, region, tags, types);
    const dualStackKeys = new Set(services.filter((s) => types[s.key] === "dualstack").map((s) => s.key));
    this.zones = serviceZones(this, services, this.endpoints, net.vpcId, region, tags, dualStackKeys);
    this.authorizedZones = spokeAssociations(this, this.zones, spokes, hubAccount);
    const transit = hubTransit(this, {
      transitGateway,
      ...(routeTables ? { routeTables } : {}),
      crossAccounts: [...new Set(spokes.filter((s) => s.account !== hubAccount).map((s) => s.account))],
      externalPrincipals: props.externalPrincipals ?? false,
      vpcId: net.vpcId,
      subnetIds: net.subnetIds,
      routeTableIds: net.routeTableIds,
      destinations: admitted.slice(1),
      ...(dualStack ? { ipv6: true, ipv6Destinations: ipv6Spokes } : {}),
      name,
      tags,
    });
    this.transitGatewayId = transit.transitGatewayId;
    if (transit.routeTables) this.transitRouteTables = transit.routeTables;
    if (transit.resourceShare) this.resourceShareArn = transit.resourceShare.arn;
    if (onPremises.length > 0) this.resolver = resolverInbound(this, net.vpcId, net.subnetIds, onPremises, name, tags);

    output(this, "vpc_id", net.vpcId, "The hub VPC");
    output(this, "transit_gateway_id", this.transitGatewayId, "Transit gateway of the hub and its spokes");
    output(
      this,
      "hosted_zone_ids",
      Object.fromEntries(this.zones.map((z) => [z.key, z.zone.zoneId])),
      "Private hosted zones by service (associate more VPCs with these)",
    );
    output(
      this,
      "interface_endpoint_ids",
      Object.fromEntries(Object.entries(this.endpoints).map(([k, e]) => [k, e.id])),
      "Interface endpoint IDs by service",
    );
    if (this.resolver) output(this, "resolver_inbound_ips", this.resolver.ipAddress, "Forward the services' names here from on-premises");
  }
}
