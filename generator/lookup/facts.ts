import type { PartitionName } from "../../blueprints/lib/partitions";

/**
 * What `--lookup` learned from AWS, recorded in the project so that synth
 * never calls AWS (the way AWS CDK keeps lookups in `cdk.context.json`).
 * Every list is in a fixed order, so equal answers serialize to equal bytes.
 */
export interface AwsFacts {
  /** The region asked, e.g. `us-west-1`. */
  readonly region: string;
  /** The region's partition, e.g. `aws`. */
  readonly partition: PartitionName;
  /** When AWS was asked, as an ISO 8601 UTC timestamp (`2025-01-31T12:00:00.000Z`). */
  readonly lookedUpAt: string;
  /** The region's available availability zones (no Local or Wavelength Zones), sorted by zone ID. */
  readonly zones: readonly ZoneFacts[];
  /** One entry per service and endpoint type, sorted by service name, then type. */
  readonly services: readonly ServiceFacts[];
}

/** An availability zone as this account sees it. */
export interface ZoneFacts {
  /** The zone's name in this account, e.g. `us-west-1b` (names are shuffled per account in older regions). */
  readonly zoneName: string;
  /** The zone's ID, the same place in every account, e.g. `usw1-az1`. */
  readonly zoneId: string;
  /** `opt-in-not-required` for ordinary zones; `opted-in` or `not-opted-in` otherwise. */
  readonly optInStatus: string;
}

/** The endpoint types DescribeVpcEndpointServices reports. */
export type ServiceType = "Interface" | "Gateway" | "GatewayLoadBalancer";

/** The service types this module knows; anything else in an answer is refused when read back. */
export const SERVICE_TYPES: readonly ServiceType[] = ["Interface", "Gateway", "GatewayLoadBalancer"];

/** One endpoint type of one service, as DescribeVpcEndpointServices answered. */
export interface ServiceFacts {
  /** Full service name, e.g. `com.amazonaws.us-west-1.ssm`. */
  readonly serviceName: string;
  /** The endpoint type. S3 and DynamoDB answer twice, once as `Gateway` and once as `Interface`. */
  readonly serviceType: ServiceType;
  /** The available zones that offer the service, by name, sorted; parallel to `zoneIds`. */
  readonly zoneNames: readonly string[];
  /** The IDs of the zones in `zoneNames`, in the same order. */
  readonly zoneIds: readonly string[];
  /** Whether the endpoint accepts an endpoint policy (`VpcEndpointPolicySupported`). */
  readonly policySupported: boolean;
  /** Private DNS names: `PrivateDnsName` first, then the other `PrivateDnsNames`, sorted. Empty when there are none. */
  readonly privateDnsNames: readonly string[];
  /** `SupportedIpAddressTypes`, sorted (`ipv4`, `ipv6`). @default ["ipv4"] when AWS does not say */
  readonly ipAddressTypes: readonly string[];
  /** The owner: `amazon` for AWS services, else a 12-digit account ID. */
  readonly owner: string;
  /** Whether the owner must accept each endpoint connection. */
  readonly acceptanceRequired: boolean;
  /** Whether the service manages its own VPC endpoints. */
  readonly managesVpcEndpoints: boolean;
  /** The service's regional DNS names (`BaseEndpointDnsNames`), sorted. */
  readonly baseEndpointDnsNames: readonly string[];
}

/** The entries of `facts` for `serviceName` (one per endpoint type), possibly none. */
export function servicesNamed(facts: AwsFacts, serviceName: string): readonly ServiceFacts[] {
  return facts.services.filter((s) => s.serviceName === serviceName);
}

/**
 * The entry of `facts` for one service and endpoint type.
 * @param serviceType @default "Interface"
 */
export function serviceFacts(facts: AwsFacts, serviceName: string, serviceType: ServiceType = "Interface"): ServiceFacts | undefined {
  return facts.services.find((s) => s.serviceName === serviceName && s.serviceType === serviceType);
}

/** Code-point order, independent of the locale, so that files are equal on every machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
