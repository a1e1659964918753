import { BlueprintInputError } from "./errors.ts";
import { zoneIdPrefix } from "./partitions.ts";
import { clip } from "./validate.ts";

/**
 * How a new VPC picks and checks its zones. Released versions use the defaults
 * (the `a` and `b` names, names or IDs of the region's shape); a newer version
 * passes its own rules (e.g. `zoneIdRules` in `stable-zones.ts`).
 */
export interface ZoneRules {
  /** The zones of a new VPC when none are given. */
  readonly defaults: (region: string) => readonly string[];
  /** Throws a `BlueprintInputError` naming `${field}[i]` for a zone that may not be used. */
  readonly check: (zones: readonly string[], region: string, field: string) => void;
}

export const isZoneId = (zone: string) => /^[a-z0-9]+-az\d+$/.test(zone);

export function checkZones(zones: readonly string[], region: string, field: string, idsAllowed = false): void {
  const seen = new Map<string, number>();
  const prefix = zoneIdPrefix(region);
  zones.forEach((zone, i) => {
    const isName = typeof zone === "string" && zone.startsWith(region) && /^[a-z]$/.test(zone.slice(region.length));
    const isId = idsAllowed && typeof zone === "string" && new RegExp(`^${prefix}-az\\d+$`).test(zone);
    if (!isName && !isId) {
      throw new BlueprintInputError(
        `${field}[${i}]`,
        `"${clip(String(zone))}" is not an availability zone of ${region}; expected a zone name such as ${region}a${idsAllowed ? ` or a zone ID such as ${prefix}-az1` : ""}`,
      );
    }
    const first = seen.get(zone);
    if (first !== undefined) {
      throw new BlueprintInputError(
        `${field}[${i}]`,
        `is in ${zone} like ${field}[${first}]; an interface endpoint takes one subnet per availability zone`,
      );
    }
    seen.set(zone, i);
  });
}
