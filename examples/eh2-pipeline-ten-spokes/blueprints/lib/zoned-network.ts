import type { Construct } from "constructs";
import { type NetworkRefs, network } from "./network.ts";
import type { SubnetDemand } from "./subnet-sizing.ts";
import type { CheckedZonedVpc } from "./zoned-vpc.ts";

// The checks and types live apart from the construct, so that the generator's questions use them without loading cdktf.
export { type CheckedZonedVpc, checkZonedVpc, parseZonedSubnet, type ZonedSubnet, type ZonedVpcProps } from "./zoned-vpc.ts";

/**
 * Makes the new VPC (one subnet per zone ID, `availability_zone_id`, sized for `demand` when given) or
 * passes the existing one through. `dualStack` gives a new VPC an Amazon-provided IPv6 block and its subnets a /64 each.
 */
export function zonedNetwork(
  scope: Construct,
  region: string,
  vpc: CheckedZonedVpc,
  tags: (name: string) => Record<string, string>,
  demand?: SubnetDemand,
  dualStack = false,
): NetworkRefs {
  if (vpc.kind === "new") {
    const props = { kind: "new" as const, cidr: vpc.cidr, availabilityZones: vpc.availabilityZoneIds, ...(dualStack ? { dualStack } : {}) };
    return network(scope, region, props, tags, undefined, demand);
  }
  return {
    vpcId: vpc.vpcId,
    cidr: vpc.cidr,
    ...(vpc.ipv6Cidr ? { ipv6Cidr: vpc.ipv6Cidr } : {}),
    subnetIds: vpc.subnets.map((s) => s.id),
    zones: vpc.subnets.map((s) => s.availabilityZoneId),
    routeTableIds: [],
    created: false,
  };
}
