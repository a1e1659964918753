/**
 * Availability Zone IDs per region: data and the checks that use it.
 *
 * Sources, read 2026-11-27:
 * - Commercial regions: "AWS Availability Zones", AWS Regions and Availability Zones guide,
 *   https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html
 *   (the per-region AZ ID tables, and the footnote "Newer accounts can access two Availability
 *   Zones in US West (N. California)").
 * - Which regions map zone names per account: "AZ IDs", same guide, section "Regions with
 *   independently mapped Availability Zones",
 *   https://docs.aws.amazon.com/global-infrastructure/latest/regions/az-ids.html
 * - GovCloud (usgw1-az1..3, usge1-az1..3) and cn-north-1's cnn1-az1, cnn1-az2: "Endpoints and
 *   quotas for EMR Serverless", https://docs.aws.amazon.com/emr-serverless/latest/userguide/endpoints-quotas.html
 *   (its Region column names the zone IDs). The global page does not cover GovCloud or China.
 * - China: "Availability Zones for the China Regions" (three in each), Getting Started with
 *   Amazon Web Services in China, https://docs.amazonaws.cn/en_us/aws/latest/userguide/general-info.html.
 *   The third zone IDs (cnn1-az4, cnnw1-az3) come from describe-availability-zones output
 *   quoted in public repositories and from eksctl, which avoids cnn1-az4 (weaveworks/eksctl
 *   pkg/az, issue #3916): listed last, so defaults never pick them.
 *
 * The table lists the zones new resources can go in. usw1-az2 and apne1-az3 are in AWS's
 * table but closed to newer accounts ("Constrained Availability Zones", same page); they are
 * kept apart so the error can say so. me-west-1 and sa-west-1 are in the SDK's region data
 * but not in AWS's AZ table yet, so they have no entry.
 */
import { BlueprintInputError } from "../errors.ts";
import { isKnownRegion, regionInfo } from "../partitions.ts";
import { clip } from "../validate.ts";

/** Zone IDs open to new resources, per region, in AWS's order (the defaults take the first). */
export const ZONE_IDS: Readonly<Record<string, readonly string[]>> = {
  // North America
  "us-east-1": ["use1-az1", "use1-az2", "use1-az3", "use1-az4", "use1-az5", "use1-az6"],
  "us-east-2": ["use2-az1", "use2-az2", "use2-az3"],
  "us-west-1": ["usw1-az1", "usw1-az3"],
  "us-west-2": ["usw2-az1", "usw2-az2", "usw2-az3", "usw2-az4"],
  "ca-central-1": ["cac1-az1", "cac1-az2", "cac1-az4"],
  "ca-west-1": ["caw1-az1", "caw1-az2", "caw1-az3"],
  "mx-central-1": ["mxc1-az1", "mxc1-az2", "mxc1-az3"],
  // Africa
  "af-south-1": ["afs1-az1", "afs1-az2", "afs1-az3"],
  // Asia Pacific
  "ap-east-1": ["ape1-az1", "ape1-az2", "ape1-az3"],
  "ap-east-2": ["ape2-az1", "ape2-az2", "ape2-az3"],
  "ap-northeast-1": ["apne1-az1", "apne1-az2", "apne1-az4"],
  "ap-northeast-2": ["apne2-az1", "apne2-az2", "apne2-az3", "apne2-az4"],
  "ap-northeast-3": ["apne3-az1", "apne3-az2", "apne3-az3"],
  "ap-south-1": ["aps1-az1", "aps1-az2", "aps1-az3"],
  "ap-south-2": ["aps2-az1", "aps2-az2", "aps2-az3"],
  "ap-southeast-1": ["apse1-az1", "apse1-az2", "apse1-az3"],
  "ap-southeast-2": ["apse2-az1", "apse2-az2", "apse2-az3"],
  "ap-southeast-3": ["apse3-az1", "apse3-az2", "apse3-az3"],
  "ap-southeast-4": ["apse4-az1", "apse4-az2", "apse4-az3"],
  "ap-southeast-5": ["apse5-az1", "apse5-az2", "apse5-az3"],
  "ap-southeast-6": ["apse6-az1", "apse6-az2", "apse6-az3"],
  "ap-southeast-7": ["apse7-az1", "apse7-az2", "apse7-az3"],
  // Europe
  "eu-central-1": ["euc1-az1", "euc1-az2", "euc1-az3"],
  "eu-central-2": ["euc2-az1", "euc2-az2", "euc2-az3"],
  "eu-north-1": ["eun1-az1", "eun1-az2", "eun1-az3"],
  "eu-south-1": ["eus1-az1", "eus1-az2", "eus1-az3"],
  "eu-south-2": ["eus2-az1", "eus2-az2", "eus2-az3"],
  "eu-west-1": ["euw1-az1", "euw1-az2", "euw1-az3"],
  "eu-west-2": ["euw2-az1", "euw2-az2", "euw2-az3", "euw2-az4"],
  "eu-west-3": ["euw3-az1", "euw3-az2", "euw3-az3"],
  // Middle East
  "il-central-1": ["ilc1-az1", "ilc1-az2", "ilc1-az3"],
  "me-central-1": ["mec1-az1", "mec1-az2", "mec1-az3"],
  "me-south-1": ["mes1-az1", "mes1-az2", "mes1-az3"],
  // South America
  "sa-east-1": ["sae1-az1", "sae1-az2", "sae1-az3"],
  // AWS GovCloud (US)
  "us-gov-east-1": ["usge1-az1", "usge1-az2", "usge1-az3"],
  "us-gov-west-1": ["usgw1-az1", "usgw1-az2", "usgw1-az3"],
  // China
  "cn-north-1": ["cnn1-az1", "cnn1-az2", "cnn1-az4"],
  "cn-northwest-1": ["cnnw1-az1", "cnnw1-az2", "cnnw1-az3"],
};

/**
 * Zone IDs AWS lists for a region that newer accounts cannot use: a stack that names them
 * fails to apply in those accounts.
 */
export const CONSTRAINED_ZONE_IDS: Readonly<Record<string, readonly string[]>> = {
  "us-west-1": ["usw1-az2"],
  "ap-northeast-1": ["apne1-az3"],
};

/**
 * Regions where zone names (`us-east-1a`) are mapped to zones per account, quoted from the
 * AZ IDs page: "In the following Regions, we independently map Availability Zones to codes for
 * each AWS account. All other Regions use a uniform mapping." Accounts created from November
 * 2025 get a uniform mapping here too ("AWS Availability Zones"), but older accounts keep
 * theirs, so a name in these regions can still mean different zones in two accounts.
 */
export const INDEPENDENTLY_MAPPED_REGIONS: readonly string[] = [
  "us-east-1",
  "us-west-1",
  "us-west-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-northeast-1",
  "eu-west-1",
  "sa-east-1",
  "us-gov-west-1",
];

/** The zone IDs new resources can use in `region`; throws when the table has no entry for it. */
export function zoneIdsOf(region: string, field = "region"): readonly string[] {
  // Own keys only: "constructor" and friends are not regions.
  if (Object.hasOwn(ZONE_IDS, region)) return ZONE_IDS[region]!;
  if (!isKnownRegion(region)) regionInfo(region, field); // throws the usual "not a known AWS region"
  throw new BlueprintInputError(
    field,
    `the Availability Zone IDs of ${clip(region)} are not recorded (AWS's AZ ID table does not list it yet); expected a region whose zone IDs AWS documents, such as us-east-1, eu-west-1, cn-north-1 or us-gov-west-1`,
  );
}

/** The first `count` zone IDs of `region`: deterministic, and never a constrained zone. */
export function defaultZoneIds(region: string, count = 2, field = "availabilityZones"): readonly string[] {
  const ids = zoneIdsOf(region);
  if (!Number.isInteger(count) || count < 1 || count > ids.length) {
    throw new BlueprintInputError(field, `cannot pick ${count} zones in ${region}; expected 1 to ${ids.length} (${ids.join(", ")})`);
  }
  return ids.slice(0, count);
}

/**
 * Checks zone IDs for a new VPC: each one open to new resources in `region`, each once, and
 * at least 2 (an endpoint survives the loss of a zone) and at most as many as the region has.
 */
export function checkZoneIds(zones: readonly unknown[], region: string, field: string): readonly string[] {
  const ids = zoneIdsOf(region);
  const expected = `expected one of ${ids.join(", ")}`;
  const seen = new Map<string, number>();
  zones.forEach((zone, i) => {
    const at = `${field}[${i}]`;
    if (typeof zone !== "string" || !ids.includes(zone)) {
      const shown = clip(String(zone));
      if (typeof zone === "string" && Object.hasOwn(CONSTRAINED_ZONE_IDS, region) && CONSTRAINED_ZONE_IDS[region]!.includes(zone)) {
        throw new BlueprintInputError(at, `"${shown}" is a constrained zone of ${region}, closed to newer accounts; ${expected}`);
      }
      throw new BlueprintInputError(at, `"${shown}" does not exist in ${region}; ${expected}`);
    }
    const first = seen.get(zone);
    if (first !== undefined) {
      throw new BlueprintInputError(at, `"${zone}" is listed twice (also ${field}[${first}]); expected each zone once`);
    }
    seen.set(zone, i);
  });
  if (zones.length < 2 || zones.length > ids.length) {
    throw new BlueprintInputError(
      field,
      `got ${zones.length} zone IDs; expected 2 to ${ids.length} of ${ids.join(", ")}, so that endpoints survive the loss of a zone`,
    );
  }
  return zones as readonly string[];
}

/**
 * True when a zone name (`eu-west-1a`) names the same zone in every account of `region`, so a
 * name can stand in for a zone ID across accounts. False for the independently mapped regions
 * and for regions without a table entry (nothing is known about them).
 */
export function zoneNamesAreStable(region: string): boolean {
  return Object.hasOwn(ZONE_IDS, region) && !INDEPENDENTLY_MAPPED_REGIONS.includes(region);
}
