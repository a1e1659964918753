import { partition } from "@aws-sdk/util-endpoints";
import { BlueprintInputError } from "./errors.ts";
import { byCodePoint } from "./order.ts";
import { clip } from "./validate.ts";

/** The AWS partitions this project supports. */
export type PartitionName = "aws" | "aws-cn" | "aws-us-gov";

export interface RegionInfo {
  /** The region code, e.g. `eu-west-1`. */
  readonly region: string;
  /** The partition the region belongs to, e.g. `aws-cn`. */
  readonly partition: PartitionName;
  /** The human name of the region, e.g. `Europe (Ireland)`. */
  readonly description: string;
  /** DNS suffix of the partition, e.g. `amazonaws.com.cn`. */
  readonly dnsSuffix: string;
}

const SUPPORTED: readonly PartitionName[] = ["aws", "aws-cn", "aws-us-gov"];
const REGION_SHAPE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * Region and partition facts come from `@aws-sdk/util-endpoints`, the data the
 * AWS SDKs resolve endpoints with, so new regions arrive with a dependency bump.
 * Only regions the data names are accepted: `partition()` also answers for
 * unknown names that merely look like regions, without a description.
 */
export function regionInfo(region: string, field = "region"): RegionInfo {
  const found = REGION_SHAPE.test(region) ? partition(region) : undefined;
  const description = (found as { description?: string } | undefined)?.description;
  if (!found || !description) {
    throw new BlueprintInputError(
      field,
      `"${clip(String(region))}" is not a known AWS region; expected a region code such as us-east-1, eu-west-1, cn-north-1 or us-gov-west-1`,
    );
  }
  if (!SUPPORTED.includes(found.name as PartitionName)) {
    throw new BlueprintInputError(
      field,
      `region "${clip(region)}" is in partition ${found.name}, which is not supported; expected a region of ${SUPPORTED.join(", ")}`,
    );
  }
  return { region, partition: found.name as PartitionName, description, dnsSuffix: found.dnsSuffix };
}

/** True when `region` is a known region of a supported partition. */
export function isKnownRegion(region: string): boolean {
  try {
    regionInfo(region);
    return true;
  } catch {
    return false;
  }
}

const AREAS = ["af", "ap", "ca", "cn", "eu", "il", "me", "mx", "sa", "us", "us-gov"];
const DIRECTIONS = ["central", "east", "north", "northeast", "northwest", "south", "southeast", "southwest", "west"];

/**
 * Every known region of the supported partitions, sorted. The SDK data has no
 * listing function, so this asks it about every name of the form AWS uses
 * (`<area>-<direction>-<n>`) and keeps the ones it knows.
 */
export function knownRegions(): RegionInfo[] {
  const found: RegionInfo[] = [];
  for (const area of AREAS) {
    for (const direction of DIRECTIONS) {
      for (let n = 1; n <= 9; n++) {
        const region = `${area}-${direction}-${n}`;
        if (isKnownRegion(region)) found.push(regionInfo(region));
      }
    }
  }
  return found.sort((a, b) => byCodePoint(a.region, b.region));
}

const DIRECTION_CODES: Record<string, string> = {
  north: "n",
  south: "s",
  east: "e",
  west: "w",
  central: "c",
  northeast: "ne",
  northwest: "nw",
  southeast: "se",
  southwest: "sw",
};

/**
 * The prefix of a region's availability zone IDs (`use1` for us-east-1,
 * `usgw1` for us-gov-west-1, `apse2` for ap-southeast-2): AZ IDs name the same
 * physical zone in every account, where zone names are shuffled per account.
 */
export function zoneIdPrefix(region: string): string {
  const parts = region.split("-");
  const number = parts.pop()!;
  const direction = parts.pop()!;
  const area = parts.join("").replace("gov", "g");
  return `${area}${DIRECTION_CODES[direction] ?? direction[0]}${number}`;
}
