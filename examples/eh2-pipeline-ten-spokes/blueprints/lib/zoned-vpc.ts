import { checkIpv6Cidr } from "./dual-stack.ts";
import { BlueprintInputError } from "./errors.ts";
import { checkZoneIds, defaultZoneIds } from "./facts/zones.ts";
import { checkCidr, checkDistinct, checkResourceId, clip } from "./validate.ts";

/** A subnet of an existing VPC, placed by zone ID so that synth needs no AWS lookup. */
export interface ZonedSubnet {
  /** Subnet ID, e.g. `subnet-0123456789abcdef0`. */
  readonly id: string;
  /** The subnet's zone ID, e.g. `euw1-az1` (the same zone in every account). */
  readonly availabilityZoneId: string;
}

/**
 * A VPC whose zones are zone IDs: a new one (`cidr`, `availabilityZoneIds`) or,
 * with `vpcId`, an existing one described by its IDs (nothing is read from AWS).
 */
export interface ZonedVpcProps {
  /** IPv4 CIDR: of the new VPC (/16 to /24), or of the existing one (/16 to /28). @default "10.0.0.0/16" for a new VPC */
  readonly cidr?: string;
  /** Zone IDs of a new VPC's subnets, 2 or more. @default the region's first two zone IDs (`defaultZoneIds`) */
  readonly availabilityZoneIds?: readonly string[];
  /** An existing VPC's ID; without it a new VPC is made. @default none (a new VPC) */
  readonly vpcId?: string;
  /** An existing VPC's subnets, one per zone; required with `vpcId`. @default [] */
  readonly subnets?: readonly ZonedSubnet[];
  /** An existing VPC's IPv6 block, for dual-stack (its subnets need IPv6 blocks too). @default none (IPv4 only) */
  readonly ipv6Cidr?: string;
}

/** The checked, defaulted form of a ZonedVpcProps. */
export type CheckedZonedVpc =
  | { readonly kind: "new"; readonly cidr: string; readonly availabilityZoneIds: readonly string[] }
  | {
      readonly kind: "existing";
      readonly vpcId: string;
      readonly cidr: string;
      readonly subnets: readonly ZonedSubnet[];
      readonly ipv6Cidr?: string;
    };

/** Checks a zoned VPC and fills its defaults; errors name `field.<prop>`. Prompts and constructs both call it. */
export function checkZonedVpc(props: ZonedVpcProps, region: string, field: string): CheckedZonedVpc {
  if (props === null || typeof props !== "object" || Array.isArray(props))
    throw new BlueprintInputError(field, "expected an object with cidr and availabilityZoneIds, or vpcId, cidr and subnets");
  if (props.vpcId === undefined) {
    if (props.subnets !== undefined && props.subnets.length > 0)
      throw new BlueprintInputError(`${field}.subnets`, "are given without `vpcId`; give the existing VPC's ID, or drop the subnets");
    if (props.ipv6Cidr !== undefined)
      throw new BlueprintInputError(`${field}.ipv6Cidr`, "is given without `vpcId`; a new VPC gets an Amazon-provided IPv6 block");
    const cidr = checkCidr(props.cidr ?? "10.0.0.0/16", `${field}.cidr`, 16, 24);
    const zones = props.availabilityZoneIds ?? defaultZoneIds(region, 2, `${field}.availabilityZoneIds`);
    return { kind: "new", cidr, availabilityZoneIds: checkZoneIds([...zones], region, `${field}.availabilityZoneIds`) };
  }
  const vpcId = checkResourceId(props.vpcId, `${field}.vpcId`, "vpc");
  if (props.cidr === undefined) throw new BlueprintInputError(`${field}.cidr`, "is missing; give the existing VPC's IPv4 CIDR");
  const cidr = checkCidr(props.cidr, `${field}.cidr`, 16, 28);
  if (props.availabilityZoneIds !== undefined)
    throw new BlueprintInputError(`${field}.availabilityZoneIds`, "is set with `vpcId`; an existing VPC's zones come from its subnets");
  const subnets = [...(props.subnets ?? [])];
  subnets.forEach((s, i) => {
    if (s === null || typeof s !== "object")
      throw new BlueprintInputError(`${field}.subnets[${i}]`, `expected { id, availabilityZoneId }, got ${clip(String(s))}`);
    checkResourceId(s.id, `${field}.subnets[${i}].id`, "subnet");
  });
  checkDistinct(
    subnets.map((s) => s.id),
    `${field}.subnets`,
  );
  checkZoneIds(
    subnets.map((s) => s.availabilityZoneId),
    region,
    `${field}.subnets`,
  );
  const ipv6Cidr = props.ipv6Cidr === undefined ? undefined : checkIpv6Cidr(props.ipv6Cidr, `${field}.ipv6Cidr`);
  return { kind: "existing", vpcId, cidr, subnets, ...(ipv6Cidr ? { ipv6Cidr } : {}) };
}

/** Parses `subnet-…@<zone ID>` (the flag and answers-file form) into a ZonedSubnet. */
export function parseZonedSubnet(entry: unknown, field: string): ZonedSubnet {
  const [id, availabilityZoneId, ...rest] = typeof entry === "string" ? entry.split("@") : [];
  if (!id || !availabilityZoneId || rest.length > 0) {
    throw new BlueprintInputError(
      field,
      `${typeof entry === "string" ? `"${clip(entry)}"` : "the entry"} is not subnet-id@zone-id; expected e.g. subnet-0123456789abcdef0@euw1-az1`,
    );
  }
  return { id, availabilityZoneId };
}
