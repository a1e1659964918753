import { isIPv6 } from "node:net";
import { BlueprintInputError } from "./errors.ts";
import { takesIpv6 } from "./facts/ipv6-endpoints.ts";
import { clip } from "./validate.ts";

/** The IP address types of the newer blueprints' endpoints, VPCs and load balancers (`--ip-address-type`). */
export const IP_ADDRESS_TYPES = ["ipv4", "dualstack"] as const;
export type IpAddressType = (typeof IP_ADDRESS_TYPES)[number];

/** Checks an IP address type; errors name `field`. */
export function checkIpAddressType(value: unknown, field: string): IpAddressType {
  if (typeof value === "string" && (IP_ADDRESS_TYPES as readonly string[]).includes(value)) return value as IpAddressType;
  throw new BlueprintInputError(field, `expected one of ${IP_ADDRESS_TYPES.join(", ")}, got ${clip(String(value))}`);
}

/** The 128 bits of an IPv6 address (already checked with `isIPv6`). */
function ipv6Bits(address: string): bigint {
  const [head, tail] = address.includes("::") ? address.split("::") : [address, undefined];
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const left = groups(head);
  const right = groups(tail);
  const all = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return all.reduce((bits, group) => (bits << 16n) | BigInt(`0x${group}`), 0n);
}

/**
 * An IPv6 CIDR of a VPC: an address and a prefix from /44 (IPAM pools) to /56 (Amazon-provided), its host
 * bits zero, written in lower case as AWS reports it (so a plan compares it unchanged). Errors name `field`.
 */
export function checkIpv6Cidr(value: unknown, field: string): string {
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  const [address, prefixText, ...rest] = text.split("/");
  const prefix = Number(prefixText);
  const example = "expected the VPC's IPv6 block, e.g. 2600:1f18:4f2:c100::/56";
  if (rest.length > 0 || !isIPv6(address ?? "") || address.includes(".") || !/^\d+$/.test(prefixText ?? ""))
    throw new BlueprintInputError(field, `${clip(String(value))} is not an IPv6 CIDR; ${example}`);
  if (prefix < 44 || prefix > 56)
    throw new BlueprintInputError(field, `/${prefix} is not a VPC IPv6 block (AWS gives /44 to /56); ${example}`);
  if ((ipv6Bits(address) & ((1n << BigInt(128 - prefix)) - 1n)) !== 0n)
    throw new BlueprintInputError(field, `${clip(text)} has host bits set; give the block's first address, ${example}`);
  return text;
}

/**
 * The arguments that make an interface endpoint dual-stack: addresses of both families in each subnet
 * (`ip_address_type`) and both A and AAAA records (`dns_options.dns_record_ip_type`). `dnsOptions` are the
 * endpoint's other DNS options, merged into the one block; `recordType` false leaves the record type to AWS
 * (it follows `ip_address_type`) where the block cannot be sent. An IPv4 endpoint gets nothing: the provider and
 * AWS default to ipv4, and the released output stays as it was.
 */
export function endpointIpArgs(
  type: IpAddressType,
  dnsOptions: { readonly privateDnsOnlyForInboundResolverEndpoint?: boolean } = {},
  recordType = true,
): { ipAddressType?: string; dnsOptions?: Record<string, unknown> } {
  const options = type === "dualstack" && recordType ? { ...dnsOptions, dnsRecordIpType: "dualstack" } : dnsOptions;
  return {
    ...(type === "dualstack" ? { ipAddressType: "dualstack" } : {}),
    ...(Object.keys(options).length > 0 ? { dnsOptions: options } : {}),
  };
}

/**
 * The VPC's IPv6 block for a dual-stack stack, or none for IPv4. An existing VPC must state its block
 * (`field`): it is the only IPv6 source the security groups admit, and nothing is read from AWS.
 */
export function ipv6SourceOf(type: IpAddressType, ipv6Cidr: string | undefined, field: string): string | undefined {
  if (type === "ipv4") return undefined;
  if (ipv6Cidr === undefined)
    throw new BlueprintInputError(
      field,
      "is missing; a dual-stack project in an existing VPC needs the VPC's IPv6 block (its subnets need IPv6 blocks too), e.g. 2600:1f18:4f2:c100::/56",
    );
  return ipv6Cidr;
}

/**
 * The IP address type of one interface service's endpoint in a project of `type`: dual-stack only where
 * the service takes IPv6, as AWS answered for this account and region (`answered`, recorded by
 * `--lookup` from `SupportedIpAddressTypes`, keyed by catalog key or full name) or, without an answer,
 * as AWS's IPv6 table lists it (full service names: unknown, so IPv4). AWS refuses a dual-stack
 * endpoint to a service that accepts only IPv4, at apply.
 */
export function serviceIpAddressType(
  type: IpAddressType,
  service: { readonly key: string; readonly serviceName: string; readonly custom: boolean },
  answered: Readonly<Record<string, readonly string[]>> = {},
): IpAddressType {
  if (type === "ipv4") return "ipv4";
  const types = answered[service.key] ?? answered[service.serviceName];
  const ipv6 = types !== undefined ? types.includes("ipv6") : !service.custom && takesIpv6(service.key);
  return ipv6 ? "dualstack" : "ipv4";
}
