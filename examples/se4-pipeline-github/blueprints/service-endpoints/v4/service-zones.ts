import { BlueprintInputError } from "../../lib/errors.ts";
import type { NetworkRefs } from "../../lib/network.ts";
import type { ResolvedService } from "../../lib/service-names.ts";
import { clip } from "../../lib/validate.ts";

/**
 * The subnets an interface endpoint may use: all of the VPC's, unless AWS said
 * (recorded by `--lookup` as `serviceZones`) that the service is offered in
 * fewer zones; then only those, and at least two, so that creating the
 * endpoint never fails with "does not support the availability zone of the
 * subnet" at apply.
 */
export function subnetsFor(
  service: ResolvedService,
  net: NetworkRefs,
  serviceZones: Readonly<Record<string, readonly string[]>> | undefined,
): string[] {
  const offered = serviceZones?.[service.key] ?? serviceZones?.[service.serviceName];
  if (offered === undefined) return net.subnetIds;
  const subnets = net.subnetIds.filter((_, i) => offered.includes(net.zones[i]));
  if (subnets.length < 2) {
    throw new BlueprintInputError(
      `serviceZones.${clip(service.key, 60)}`,
      `${service.serviceName} is offered in ${offered.join(", ") || "none"} of this region's zones, which leaves ${subnets.length} of the VPC's zones (${net.zones.join(", ")}); an endpoint needs two: choose zones that offer it`,
    );
  }
  return subnets;
}

/** `serviceZones` as given: zone lists keyed by service, each zone once. */
export function checkServiceZones(value: Readonly<Record<string, readonly string[]>> | undefined): void {
  for (const [key, zones] of Object.entries(value ?? {})) {
    if (!Array.isArray(zones) || zones.some((z) => typeof z !== "string") || new Set(zones).size !== zones.length) {
      throw new BlueprintInputError(`serviceZones.${clip(key, 60)}`, "expected a list of distinct zone IDs or names");
    }
  }
}
