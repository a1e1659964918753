import { defaultZoneIds, zoneIdsOf } from "../../blueprints/lib/facts/zones";
import { zoneIdPrefix } from "../../blueprints/lib/partitions";

/** Zone defaults and examples for the questions, from AWS's AZ ID table where it lists the region. */

/** Two zone IDs of `region` from AWS's AZ ID table, as an example for a prompt (`use1-az1,use1-az2`). */
export function zoneExample(region: string): string {
  return hasZoneTable(region) ? defaultZoneIds(region, 2).join(",") : `${region}a,${region}b`;
}

/** Whether AWS's AZ ID table lists the region (a few new regions are not in it yet). */
export function hasZoneTable(region: string): boolean {
  try {
    return zoneIdsOf(region).length > 0;
  } catch {
    return false;
  }
}

/**
 * Default zone IDs of a new VPC: the first two open zones of AWS's AZ ID table
 * (us-west-1 has usw1-az1 and usw1-az3, no az2 for new accounts), else az1 and
 * az2 for a region the table does not list yet.
 */
export function tableZoneIds(region: string): readonly string[] {
  return hasZoneTable(region) ? defaultZoneIds(region) : [1, 2].map((n) => `${zoneIdPrefix(region)}-az${n}`);
}
