import { BlueprintInputError } from "./errors.ts";

/** Addresses AWS reserves in every subnet: network, VPC router, DNS, future use and broadcast. */
export const RESERVED_PER_SUBNET = 5;

/** The smallest subnet AWS allows. */
export const SMALLEST_SUBNET_PREFIX = 28;

/** Usable addresses of a subnet with this prefix length: its size less the five AWS reserves. */
export const usableAddresses = (prefix: number): number => 2 ** (32 - prefix) - RESERVED_PER_SUBNET;

/** What goes in each subnet of a new VPC, for the message when it cannot fit. */
export interface SubnetDemand {
  /** Network interfaces placed in every subnet (one per endpoint, NLB, attachment or Resolver address). */
  readonly interfaces: number;
  /** What they are, e.g. "13 interface endpoints, 1 Transit Gateway attachment, 1 Resolver address". */
  readonly what: string;
}

/**
 * The bits a new VPC's zone subnets add to its prefix. Four (a sixteenth of the VPC per zone, which
 * leaves most of it for workload subnets) when such a subnet holds what each zone places; otherwise
 * fewer, down to the fewest that still give every zone a subnet. When even those are too small, the
 * refusal names `field` and shows the arithmetic, before anything reaches AWS (which would fail the
 * apply with InsufficientFreeAddressesInSubnet).
 */
export function subnetBits(cidr: string, zones: number, demand: SubnetDemand, field: string): number {
  const prefix = Number(cidr.split("/")[1]);
  const fewest = Math.max(1, Math.ceil(Math.log2(zones)));
  for (let bits = 4; bits >= fewest; bits--) {
    if (prefix + bits <= SMALLEST_SUBNET_PREFIX && usableAddresses(prefix + bits) >= demand.interfaces) return bits;
  }
  const largest = prefix + fewest;
  throw new BlueprintInputError(
    field,
    `${cidr} is too small: ${zones} zones get at most a /${largest} each, ${2 ** (32 - largest)} addresses - ${RESERVED_PER_SUBNET} AWS reserves = ${usableAddresses(largest)} usable, and each subnet needs ${demand.interfaces} (${demand.what}); give a larger VPC CIDR, e.g. a /${Math.max(16, prefix - 2)}`,
  );
}
