import { checkIpv6Cidr } from "./dual-stack.ts";
import { BlueprintInputError } from "./errors.ts";
import { serviceName } from "./service-names.ts";
import { checkAccountId, checkCidr, checkDistinct, checkResourceId, clip, describe } from "./validate.ts";

/**
 * Rules for the VPCs a central endpoint hub serves over a transit gateway:
 * written once, called by the hub's constructs and by the generator's questions.
 */

/** An existing VPC that reaches the hub's endpoints, described by IDs so that synth reads nothing from AWS. */
export interface HubSpoke {
  /** Account that owns the VPC (12 digits). */
  readonly account: string;
  /** VPC ID, e.g. `vpc-0123456789abcdef0`. */
  readonly vpcId: string;
  /** The VPC's IPv4 CIDR; must not overlap the hub's or another spoke's. */
  readonly cidr: string;
  /** Subnets of the transit gateway attachment, one per availability zone. */
  readonly subnets: readonly string[];
  /** Route tables that get a route to the hub's CIDR through the transit gateway. */
  readonly routeTables: readonly string[];
  /** The spoke's own gateway endpoints (free; `s3`, `dynamodb`). @default [] */
  readonly gatewayServices?: readonly string[];
  /**
   * The VPC's existing attachment to an existing transit gateway (`tgw-attach-…`):
   * a VPC attaches to a gateway once, so it is used, not made. @default none (a new attachment)
   */
  readonly attachmentId?: string;
  /** The VPC's IPv6 block, for a dual-stack hub (endpoint-hub@2): its subnets need IPv6 blocks too. @default none */
  readonly ipv6Cidr?: string;
}

const SPOKE_KEYS = ["account", "vpcId", "cidr", "subnets", "routeTables", "gatewayServices", "attachmentId", "ipv6Cidr"];

/** True when two IPv4 CIDR blocks share an address. */
export function cidrsOverlap(a: string, b: string): boolean {
  const range = (cidr: string) => {
    const [address, prefix] = cidr.split("/");
    const start = address.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
    return [start, start + 2 ** (32 - Number(prefix)) - 1];
  };
  const [aStart, aEnd] = range(a);
  const [bStart, bEnd] = range(b);
  return aStart <= bEnd && bStart <= aEnd;
}

/** A transit gateway ID: `tgw-` and 8 or 17 hex digits. */
export function checkTransitGatewayId(value: unknown, field: string): string {
  if (typeof value !== "string" || !/^tgw-([0-9a-f]{8}|[0-9a-f]{17})$/.test(value)) {
    throw new BlueprintInputError(field, `expected "new" or a transit gateway ID such as tgw-0123456789abcdef0, got ${describe(value)}`);
  }
  return value;
}

function idList(value: unknown, field: string, prefix: "subnet" | "rtb", what: string): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new BlueprintInputError(
      field,
      `expected a non-empty list of ${what}, e.g. ["${prefix}-0123456789abcdef0"], got ${describe(value)}`,
    );
  }
  const ids = value.map((id, i) => checkResourceId(id, `${field}[${i}]`, prefix));
  checkDistinct(ids, field);
  return ids;
}

/** One spoke: its IDs, its CIDR and its gateway services, each field named in the error. */
export function checkSpoke(value: unknown, field: string, region: string): HubSpoke {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new BlueprintInputError(
      field,
      `expected an object {account, vpcId, cidr, subnets, routeTables, gatewayServices?, attachmentId?}, got ${describe(value)}`,
    );
  }
  const spoke = value as Record<string, unknown>;
  const unknown = Object.keys(spoke).find((key) => !SPOKE_KEYS.includes(key));
  if (unknown !== undefined)
    throw new BlueprintInputError(`${field}.${clip(unknown, 40)}`, `is not a spoke field; expected only ${SPOKE_KEYS.join(", ")}`);
  const gateways = spoke.gatewayServices ?? [];
  if (!Array.isArray(gateways))
    throw new BlueprintInputError(`${field}.gatewayServices`, `expected a list such as ["s3"], got ${describe(gateways)}`);
  gateways.forEach((key, i) => {
    serviceName(String(key), region, `${field}.gatewayServices[${i}]`, "Gateway");
  });
  checkDistinct(gateways as string[], `${field}.gatewayServices`);
  const attachment = spoke.attachmentId;
  if (attachment !== undefined && (typeof attachment !== "string" || !/^tgw-attach-([0-9a-f]{8}|[0-9a-f]{17})$/.test(attachment))) {
    throw new BlueprintInputError(
      `${field}.attachmentId`,
      `expected a transit gateway attachment ID such as tgw-attach-0123456789abcdef0, got ${describe(attachment)}`,
    );
  }
  return {
    account: checkAccountId(spoke.account, `${field}.account`),
    vpcId: checkResourceId(spoke.vpcId, `${field}.vpcId`, "vpc"),
    cidr: checkCidr(spoke.cidr, `${field}.cidr`, 16, 28),
    subnets: idList(spoke.subnets, `${field}.subnets`, "subnet", "subnet IDs, one per availability zone"),
    routeTables: idList(spoke.routeTables, `${field}.routeTables`, "rtb", "route table IDs"),
    ...(gateways.length > 0 ? { gatewayServices: gateways as string[] } : {}),
    ...(attachment !== undefined ? { attachmentId: attachment as string } : {}),
    ...(spoke.ipv6Cidr !== undefined ? { ipv6Cidr: checkIpv6Cidr(spoke.ipv6Cidr, `${field}.ipv6Cidr`) } : {}),
  };
}

/**
 * The spokes of a hub: each valid, each VPC once, and no CIDR overlapping the
 * hub's (`hubCidr`), another spoke's or an on-premises range (`otherCidrs`),
 * since the transit gateway routes by destination.
 */
export function checkSpokes(
  values: readonly unknown[],
  field: string,
  region: string,
  hubCidr: string,
  otherCidrs: readonly string[] = [],
): HubSpoke[] {
  if (!Array.isArray(values)) throw new BlueprintInputError(field, `expected a list of spokes, got ${describe(values)}`);
  const spokes = values.map((value, i) => checkSpoke(value, `${field}[${i}]`, region));
  checkDistinct(
    spokes.map((s) => s.vpcId),
    field,
  );
  const taken: { cidr: string; what: string }[] = [
    { cidr: hubCidr, what: "the hub VPC" },
    ...otherCidrs.map((cidr) => ({ cidr, what: "an on-premises range" })),
  ];
  spokes.forEach((spoke, i) => {
    const clash = taken.find((t) => cidrsOverlap(t.cidr, spoke.cidr));
    if (clash) {
      throw new BlueprintInputError(
        `${field}[${i}].cidr`,
        `${spoke.cidr} overlaps ${clash.cidr} of ${clash.what}; the transit gateway routes by destination, so every VPC needs its own range`,
      );
    }
    taken.push({ cidr: spoke.cidr, what: `${field}[${i}]` });
  });
  checkDistinct(
    spokes.flatMap((s) => s.routeTables),
    `${field}.routeTables`,
  );
  checkDistinct(
    spokes.flatMap((s) => (s.ipv6Cidr ? [s.ipv6Cidr] : [])),
    `${field}.ipv6Cidr`,
  );
  return spokes;
}

/** On-premises ranges a Resolver inbound endpoint answers (IPv4 CIDRs, /8 to /32, none overlapping the hub's). */
export function checkOnPremisesCidrs(values: readonly unknown[], field: string, hubCidr: string): string[] {
  const cidrs = values.map((value, i) => checkCidr(value, `${field}[${i}]`, 8, 32));
  checkDistinct(cidrs, field);
  cidrs.forEach((cidr, i) => {
    if (cidrsOverlap(cidr, hubCidr))
      throw new BlueprintInputError(`${field}[${i}]`, `${cidr} overlaps the hub VPC's ${hubCidr}; expected on-premises ranges only`);
  });
  return cidrs;
}
