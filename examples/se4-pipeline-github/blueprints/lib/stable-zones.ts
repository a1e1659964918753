import { BlueprintInputError } from "./errors.ts";
import { checkZoneIds, defaultZoneIds, zoneNamesAreStable } from "./facts/zones.ts";
import { clip } from "./validate.ts";
import { checkZones, isZoneId, type ZoneRules } from "./zone-rules.ts";

/**
 * Zone rules of service-endpoints v3 and later: a zone name (`us-west-1a`)
 * means a different zone in each account of an independently mapped region,
 * and may not exist at all for newer accounts, so new VPCs are placed by zone
 * ID. Names are still accepted where every account maps them the same way.
 */

/** Zone IDs, or zone names where `zoneNamesAreStable(region)`; never a mix (a name and an ID cannot be compared). */
export function checkStableZones(zones: readonly string[], region: string, field: string): void {
  const ids = zones.filter((zone) => typeof zone === "string" && isZoneId(zone));
  if (ids.length === zones.length) {
    checkZoneIds(zones, region, field);
    return;
  }
  const suggestion = `use zone IDs instead, e.g. ${defaultZoneIds(region, 2, field).join(",")} (for zones in use, their IDs: aws ec2 describe-availability-zones --region ${region})`;
  zones.forEach((zone, i) => {
    const isName = typeof zone === "string" && zone.startsWith(region) && /^[a-z]$/.test(zone.slice(region.length));
    if (!isName || ids.length > 0) {
      throw new BlueprintInputError(
        `${field}[${i}]`,
        `"${clip(String(zone))}" is not ${isName ? "a zone ID (names and IDs do not mix)" : `an availability zone of ${region}`}; ${suggestion}`,
      );
    }
    if (!zoneNamesAreStable(region)) {
      throw new BlueprintInputError(
        `${field}[${i}]`,
        `"${clip(String(zone))}" is a zone name, and ${region} maps zone names to different zones in each account; ${suggestion}`,
      );
    }
  });
  checkZones(zones, region, field);
}

/** New VPCs in the region's first two open zone IDs (`defaultZoneIds`), checked with `checkStableZones`. */
export const STABLE_ZONE_RULES: ZoneRules = {
  defaults: (region) => defaultZoneIds(region, 2, "vpc.availabilityZones"),
  check: checkStableZones,
};
