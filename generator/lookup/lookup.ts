import type { AvailabilityZone, ServiceDetail } from "@aws-sdk/client-ec2";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { regionInfo } from "../../blueprints/lib/partitions";
import { clip } from "../../blueprints/lib/validate";
import { lookupError } from "./aws-errors";
import { type DescribeOptions, describeServices, describeZones, type Ec2Lookups } from "./describe";
import { type AwsFacts, compare, SERVICE_TYPES, type ServiceFacts, type ServiceType, type ZoneFacts } from "./facts";

/** Options of `lookupFacts`; the retry and paging options are those of `DescribeOptions`. */
export interface LookupOptions extends DescribeOptions {
  /**
   * The answer the service names came from: service `i` is reported as
   * `<serviceField>[i]` when the region does not offer it.
   * @default "services"
   */
  readonly serviceField?: string;
  /** The clock that stamps `lookedUpAt`. @default () => new Date() */
  readonly now?: () => Date;
}

/**
 * Asks EC2 in `region` which availability zones it has and, for each of
 * `serviceNames` (full names such as `com.amazonaws.us-west-1.ssm`), which
 * zones offer it, whether it takes an endpoint policy, its private DNS names
 * and IP address types. Two read-only calls, DescribeAvailabilityZones and
 * DescribeVpcEndpointServices (chunked and paged); throttling is retried with
 * bounded backoff. A service the region does not offer, and credential,
 * permission, network and lasting throttling problems, are BlueprintInputErrors
 * (exit 2); the first names `<serviceField>[i]`, the others `--lookup`.
 *
 * The retry here is this module's own, so that it is bounded and testable
 * with an injected `sleep` (a mocked `send` bypasses the SDK's middleware). A
 * real EC2Client also retries throttling inside each attempt (SDK standard
 * mode, 3 attempts), so the worst case is `maxAttempts` × 3 requests.
 */
export async function lookupFacts(
  client: Ec2Lookups,
  region: string,
  serviceNames: readonly string[],
  options: LookupOptions = {},
): Promise<AwsFacts> {
  const info = regionInfo(region, "region");
  const field = options.serviceField ?? "services";
  const now = options.now ?? (() => new Date());
  const wanted = [...new Set(serviceNames)];

  const zones = toZones(await ask("DescribeAvailabilityZones", region, () => describeZones(client, options)));
  const details = await ask("DescribeVpcEndpointServices", region, () => describeServices(client, wanted, options));
  const services = toServices(
    details.filter((d) => d.ServiceName && wanted.includes(d.ServiceName)),
    zones,
  );

  serviceNames.forEach((name, i) => {
    if (!services.some((s) => s.serviceName === name)) {
      throw new BlueprintInputError(
        `${field}[${i}]`,
        `${clip(name)} is not offered in ${region} (DescribeVpcEndpointServices); check the service name and the region, or leave the service out`,
      );
    }
  });
  return { region, partition: info.partition, lookedUpAt: now().toISOString(), zones, services };
}

async function ask<T>(operation: string, region: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw lookupError(error, operation, region);
  }
}

function toZones(answer: readonly AvailabilityZone[]): ZoneFacts[] {
  const byId = new Map<string, ZoneFacts>();
  for (const z of answer) {
    byId.set(z.ZoneId!, { zoneName: z.ZoneName!, zoneId: z.ZoneId!, optInStatus: z.OptInStatus ?? "opt-in-not-required" });
  }
  return [...byId.values()].sort((a, b) => compare(a.zoneId, b.zoneId));
}

/**
 * One entry per service and type. Zones are matched by name
 * (`AvailabilityZones`, names as this account sees them) and, where the answer
 * has them, by ID (`AvailabilityZoneIds`); zones outside the AZ answer (Local
 * Zones, impaired zones) are left out, as no endpoint subnet can be there.
 */
function toServices(details: readonly ServiceDetail[], zones: readonly ZoneFacts[]): ServiceFacts[] {
  const found = new Map<string, ServiceFacts>();
  for (const detail of details) {
    for (const serviceType of typesOf(detail)) {
      const key = `${detail.ServiceName}\u0000${serviceType}`;
      if (!found.has(key)) found.set(key, toService(detail, serviceType, zones));
    }
  }
  return [...found.values()].sort((a, b) => compare(a.serviceName, b.serviceName) || compare(a.serviceType, b.serviceType));
}

function toService(detail: ServiceDetail, serviceType: ServiceType, zones: readonly ZoneFacts[]): ServiceFacts {
  const names = new Set(detail.AvailabilityZones ?? []);
  const ids = new Set(detail.AvailabilityZoneIds ?? []);
  const offered = zones.filter((z) => names.has(z.zoneName) || ids.has(z.zoneId)).sort((a, b) => compare(a.zoneName, b.zoneName));
  return {
    serviceName: detail.ServiceName!,
    serviceType,
    zoneNames: offered.map((z) => z.zoneName),
    zoneIds: offered.map((z) => z.zoneId),
    policySupported: detail.VpcEndpointPolicySupported ?? false,
    privateDnsNames: dnsNames(detail),
    ipAddressTypes: sortedUnique(detail.SupportedIpAddressTypes ?? ["ipv4"]),
    owner: detail.Owner ?? "",
    acceptanceRequired: detail.AcceptanceRequired ?? false,
    managesVpcEndpoints: detail.ManagesVpcEndpoints ?? false,
    baseEndpointDnsNames: sortedUnique(detail.BaseEndpointDnsNames ?? []),
  };
}

/** `ServiceType` is a list; a type this module does not know is skipped rather than guessed. */
function typesOf(detail: ServiceDetail): ServiceType[] {
  const types = (detail.ServiceType ?? []).map((t) => t.ServiceType as ServiceType);
  return sortedUnique(types.filter((t) => SERVICE_TYPES.includes(t)));
}

function dnsNames(detail: ServiceDetail): string[] {
  const primary = detail.PrivateDnsName ? [detail.PrivateDnsName] : [];
  const others = (detail.PrivateDnsNames ?? []).map((d) => d.PrivateDnsName).filter((n): n is string => !!n && !primary.includes(n));
  return [...primary, ...sortedUnique(others)];
}

function sortedUnique<T extends string>(values: readonly T[]): T[] {
  return [...new Set(values)].sort(compare);
}
