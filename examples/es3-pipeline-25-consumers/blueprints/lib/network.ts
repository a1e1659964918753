import { RouteTable } from "@cdktf/provider-aws/lib/route-table/index.js";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association/index.js";
import { Subnet } from "@cdktf/provider-aws/lib/subnet/index.js";
import { Vpc } from "@cdktf/provider-aws/lib/vpc/index.js";
import type { Construct } from "constructs";
import { Fn } from "./cdktf.ts";
import { cidrSubnet } from "./cidr.ts";
import { checkIpv6Cidr } from "./dual-stack.ts";
import { BlueprintInputError } from "./errors.ts";
import { type SubnetDemand, subnetBits } from "./subnet-sizing.ts";
import { checkCidr, checkDistinct, checkResourceId } from "./validate.ts";
import { checkZones, isZoneId, type ZoneRules } from "./zone-rules.ts";

/** A new VPC with one private subnet and route table per availability zone. */
export interface NewVpcProps {
  readonly kind: "new";
  /** IPv4 CIDR of the VPC, /16 to /24. @default "10.0.0.0/16" */
  readonly cidr?: string;
  /**
   * 2 or 3 availability zones of the stack's region, as names (`eu-west-1a`)
   * or, to line zones up across accounts, as zone IDs (`euw1-az1`).
   * @default the region's `a` and `b` zones
   */
  readonly availabilityZones?: readonly string[];
  /**
   * Dual-stack: an Amazon-provided IPv6 block (/56) on the VPC and a /64 of it on each subnet, for
   * dual-stack endpoints and load balancers (newer versions' `--ip-address-type dualstack`). @default false
   */
  readonly dualStack?: boolean;
}

/** A subnet of an existing VPC, with its zone so synth needs no AWS lookup. */
export interface ExistingSubnet {
  /** Subnet ID, e.g. `subnet-0123456789abcdef0`. */
  readonly id: string;
  /** The subnet's availability zone name, e.g. `eu-west-1a`. */
  readonly availabilityZone: string;
}

/** An existing VPC, described by its IDs so that synth reads nothing from AWS. */
export interface ExistingVpcProps {
  readonly kind: "existing";
  /** VPC ID, e.g. `vpc-0123456789abcdef0`. */
  readonly vpcId: string;
  /** The VPC's IPv4 CIDR: the only source the endpoints' security group admits. */
  readonly cidr: string;
  /** One subnet per availability zone. @default [] */
  readonly subnets?: readonly ExistingSubnet[];
  /** Route tables, for gateway endpoints. @default [] */
  readonly routeTableIds?: readonly string[];
  /**
   * The VPC's IPv6 block, for dual-stack: the only IPv6 source the security groups admit. Its subnets
   * must have IPv6 blocks too (AWS refuses dual-stack endpoints in IPv4-only subnets). @default none (IPv4 only)
   */
  readonly ipv6Cidr?: string;
}

/** What the endpoints need to know of their VPC. */
export interface NetworkRefs {
  readonly vpcId: string;
  readonly cidr: string;
  /** The VPC's IPv6 block when it is dual-stack (a reference for a new VPC). @default none */
  readonly ipv6Cidr?: string;
  /** One subnet per availability zone. */
  readonly subnetIds: string[];
  /** The zone (name or ID, as given) of each subnet, in the same order. */
  readonly zones: string[];
  readonly routeTableIds: string[];
  /** True when this construct made the VPC (DNS support and hostnames on). */
  readonly created: boolean;
}

const NAME_RULES: ZoneRules = {
  defaults: (region) => [`${region}a`, `${region}b`],
  check: (zones, region, field) => checkZones(zones, region, field, true),
};

/** Makes a private VPC, or passes an existing one through after checking its IDs. */
export function network(
  scope: Construct,
  region: string,
  vpc: NewVpcProps | ExistingVpcProps,
  tags: (name: string) => Record<string, string>,
  zoneRules: ZoneRules = NAME_RULES,
  demand?: SubnetDemand,
): NetworkRefs {
  return vpc.kind === "new" ? newVpc(scope, region, vpc, tags, zoneRules, demand) : existingVpc(region, vpc);
}

function newVpc(
  scope: Construct,
  region: string,
  props: NewVpcProps,
  tags: (name: string) => Record<string, string>,
  zoneRules: ZoneRules,
  demand: SubnetDemand | undefined,
): NetworkRefs {
  const cidr = checkCidr(props.cidr ?? "10.0.0.0/16", "vpc.cidr", 16, 24);
  const zones = [...(props.availabilityZones ?? zoneRules.defaults(region))];
  zoneRules.check(zones, region, "vpc.availabilityZones");
  if (zones.length < 2 || zones.length > 3) {
    throw new BlueprintInputError(
      "vpc.availabilityZones",
      `got ${zones.length} zones; expected 2 or 3, so that endpoints survive the loss of a zone`,
    );
  }
  // sized for what each zone's subnet holds when the caller says (newer versions); a sixteenth of the VPC each before
  const bits = demand ? subnetBits(cidr, zones.length, demand, "vpc.cidr") : 4;
  const dualStack = props.dualStack ?? false;
  const vpc = new Vpc(scope, "vpc", {
    cidrBlock: cidr,
    enableDnsSupport: true,
    enableDnsHostnames: true,
    ...(dualStack ? { assignGeneratedIpv6CidrBlock: true } : {}),
    tags: tags("vpc"),
  });
  const subnetIds: string[] = [];
  const routeTableIds: string[] = [];
  zones.forEach((zone, i) => {
    const byId = isZoneId(zone);
    const suffix = byId ? zone.slice(zone.indexOf("-") + 1) : zone.slice(region.length);
    const subnet = new Subnet(scope, `private-subnet-${suffix}`, {
      vpcId: vpc.id,
      ...(byId ? { availabilityZoneId: zone } : { availabilityZone: zone }),
      cidrBlock: cidrSubnet(cidr, bits, i),
      // a /64 of the VPC's /56 per zone: the only size AWS gives a subnet's IPv6 block
      ...(dualStack ? { ipv6CidrBlock: Fn.cidrsubnet(vpc.ipv6CidrBlock, 8, i) } : {}),
      mapPublicIpOnLaunch: false,
      tags: tags(`private-${zone}`),
    });
    const table = new RouteTable(scope, `private-routes-${suffix}`, { vpcId: vpc.id, tags: tags(`private-${zone}`) });
    new RouteTableAssociation(scope, `private-routes-${suffix}-association`, { subnetId: subnet.id, routeTableId: table.id });
    subnetIds.push(subnet.id);
    routeTableIds.push(table.id);
  });
  return { vpcId: vpc.id, cidr, ...(dualStack ? { ipv6Cidr: vpc.ipv6CidrBlock } : {}), subnetIds, zones, routeTableIds, created: true };
}

function existingVpc(region: string, props: ExistingVpcProps): NetworkRefs {
  const vpcId = checkResourceId(props.vpcId, "vpc.vpcId", "vpc");
  const cidr = checkCidr(props.cidr, "vpc.cidr", 16, 28);
  const subnets = props.subnets ?? [];
  subnets.forEach((s, i) => {
    checkResourceId(s.id, `vpc.subnets[${i}].id`, "subnet");
  });
  checkDistinct(
    subnets.map((s) => s.id),
    "vpc.subnets",
  );
  const zones = subnets.map((s) => s.availabilityZone);
  checkZones(zones, region, "vpc.subnets");
  const routeTableIds = [...(props.routeTableIds ?? [])];
  routeTableIds.forEach((id, i) => {
    checkResourceId(id, `vpc.routeTableIds[${i}]`, "rtb");
  });
  checkDistinct(routeTableIds, "vpc.routeTableIds");
  const ipv6Cidr = props.ipv6Cidr === undefined ? undefined : checkIpv6Cidr(props.ipv6Cidr, "vpc.ipv6Cidr");
  return {
    vpcId,
    cidr,
    ...(ipv6Cidr ? { ipv6Cidr } : {}),
    subnetIds: subnets.map((s) => s.id),
    zones: subnets.map((s) => s.availabilityZone),
    routeTableIds,
    created: false,
  };
}
