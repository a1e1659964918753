import { BlueprintInputError } from "./errors.ts";
import { regionInfo } from "./partitions.ts";
import { checkSamePartition } from "./rules.ts";
import { checkAccountId, checkDistinct } from "./validate.ts";
import { type CheckedZonedVpc, checkZonedVpc, type ZonedVpcProps } from "./zoned-vpc.ts";

/** A consumer account of an endpoint service, with the VPC its interface endpoint goes in. */
export interface ConsumerProps extends ZonedVpcProps {
  /** The consumer account (12 digits, a string). */
  readonly accountId: string;
  /** Region of the consumer's VPC; another region than the service's needs it in `supportedRegions`. @default the service's region */
  readonly region?: string;
}

/** A consumer after checks: its region resolved, its VPC defaulted. */
export interface CheckedConsumer {
  readonly accountId: string;
  readonly region: string;
  readonly vpc: CheckedZonedVpc;
}

/**
 * The consumer list of an endpoint service: each account once, each region the
 * service's own or one of `supportedRegions` (same partition), each VPC valid
 * for its region. The provider stack, the consumer stacks and the generator's
 * `consumers` question all call it, so they fail alike and name `field[i]`.
 */
export function checkConsumers(
  consumers: readonly ConsumerProps[],
  region: string,
  supportedRegions: readonly string[],
  field = "consumers",
): CheckedConsumer[] {
  if (!Array.isArray(consumers)) throw new BlueprintInputError(field, 'expected a list of consumers, e.g. [{ accountId: "111122223333" }]');
  const checked = consumers.map((c, i) => checkConsumer(c, region, supportedRegions, `${field}[${i}]`));
  checkDistinct(
    checked.map((c) => c.accountId),
    field,
  );
  return checked;
}

/** One consumer (a consumer stack's own); errors name `at.<prop>`. */
export function checkConsumer(
  consumer: ConsumerProps,
  serviceRegion: string,
  supportedRegions: readonly string[],
  at: string,
): CheckedConsumer {
  const { partition } = regionInfo(serviceRegion);
  if (consumer === null || typeof consumer !== "object" || Array.isArray(consumer))
    throw new BlueprintInputError(at, 'expected an object such as { accountId: "111122223333" }');
  const accountId = checkAccountId(consumer.accountId, `${at}.accountId`);
  const region = consumer.region === undefined ? serviceRegion : checkSamePartition(consumer.region, `${at}.region`, partition);
  if (region !== serviceRegion && !supportedRegions.includes(region)) {
    throw new BlueprintInputError(
      `${at}.region`,
      `${region} is not among the service's supported regions (${supportedRegions.join(", ") || "none"}); add it to supportedRegions for a cross-region consumer`,
    );
  }
  const { accountId: _a, region: _r, ...vpc } = consumer;
  return { accountId, region, vpc: checkZonedVpc(vpc, region, at) };
}

/**
 * A consumer in the service's own region puts its endpoint only in zones the
 * service is offered in: its load balancer's. An interface endpoint with a
 * subnet in another zone fails at apply ("The VPC endpoint service does not
 * support the Availability Zone of the subnet"). Zone IDs name the same zone
 * in every account, so the provider's IDs and the consumer's compare directly.
 * Consumers in another region are served in that region's zones by AWS.
 */
export function checkConsumerZones(
  consumers: readonly CheckedConsumer[],
  serviceZoneIds: readonly string[],
  serviceRegion: string,
  field = "consumers",
): void {
  consumers.forEach((c, i) => {
    if (c.region !== serviceRegion) return;
    const [prop, zones] =
      c.vpc.kind === "new"
        ? ["availabilityZoneIds", c.vpc.availabilityZoneIds]
        : ["subnets", c.vpc.subnets.map((s) => s.availabilityZoneId)];
    zones.forEach((zone, j) => {
      if (!serviceZoneIds.includes(zone))
        throw new BlueprintInputError(
          `${field}[${i}].${prop}[${j}]`,
          `is in ${zone}, where the endpoint service is not offered: its load balancer is in ${serviceZoneIds.join(", ")}; give this consumer subnets in those zones (a zone ID is the same zone in every account)`,
        );
    });
  });
}
