import {
  type AvailabilityZone,
  DescribeAvailabilityZonesCommand,
  DescribeVpcEndpointServicesCommand,
  type EC2Client,
  type ServiceDetail,
} from "@aws-sdk/client-ec2";
import { type RetryOptions, withRetry } from "./retry";

/** What the lookup needs of an EC2 client: `send`. A real `EC2Client` or a mocked one. */
export type Ec2Lookups = Pick<EC2Client, "send">;

/**
 * EC2 has no documented cap on filter values for this call, but describe calls
 * refuse more than 200 values per filter in practice (other tools chunk at 200
 * or below), so the service names are sent in chunks.
 */
export const DEFAULT_FILTER_CHUNK = 200;

/** Options of the two describe calls. */
export interface DescribeOptions extends RetryOptions {
  /** Service names per DescribeVpcEndpointServices request. @default 200 */
  readonly filterChunkSize?: number;
  /** Pages per chunk before the answer is declared endless (a bug or an API fault, not user input). @default 100 */
  readonly maxPages?: number;
}

/**
 * The region's availability zones that can hold a subnet: `ZoneType`
 * `availability-zone` (no Local or Wavelength Zones) in state `available`.
 * The filters are sent to EC2 and applied again here, so an answer that
 * ignores them changes nothing. The call has no paging.
 */
export async function describeZones(client: Ec2Lookups, options: RetryOptions = {}): Promise<AvailabilityZone[]> {
  const command = new DescribeAvailabilityZonesCommand({
    Filters: [
      { Name: "zone-type", Values: ["availability-zone"] },
      { Name: "state", Values: ["available"] },
    ],
  });
  const answer = await withRetry("DescribeAvailabilityZones", () => client.send(command), options);
  return (answer.AvailabilityZones ?? []).filter(
    (z) =>
      z.ZoneName && z.ZoneId && (z.ZoneType ?? "availability-zone") === "availability-zone" && (z.State ?? "available") === "available",
  );
}

/**
 * Every `ServiceDetail` whose `ServiceName` is one of `serviceNames`, asked
 * with the `service-name` filter in chunks of `filterChunkSize` names, each
 * chunk paged through `NextToken` until it is absent. Each page is retried on
 * throttling on its own, so a retry never repeats pages already read.
 */
export async function describeServices(
  client: Ec2Lookups,
  serviceNames: readonly string[],
  options: DescribeOptions = {},
): Promise<ServiceDetail[]> {
  const chunkSize = Math.max(1, Math.floor(options.filterChunkSize ?? DEFAULT_FILTER_CHUNK));
  const maxPages = options.maxPages ?? 100;
  const details: ServiceDetail[] = [];
  for (let start = 0; start < serviceNames.length; start += chunkSize) {
    const chunk = serviceNames.slice(start, start + chunkSize);
    const seen = new Set<string>();
    let token: string | undefined;
    for (let page = 1; ; page++) {
      const command = new DescribeVpcEndpointServicesCommand({
        Filters: [{ Name: "service-name", Values: chunk }],
        ...(token ? { NextToken: token } : {}),
      });
      const answer = await withRetry("DescribeVpcEndpointServices", () => client.send(command), options);
      details.push(...(answer.ServiceDetails ?? []));
      token = answer.NextToken || undefined;
      if (!token) break;
      if (seen.has(token) || page >= maxPages) {
        throw new Error(`DescribeVpcEndpointServices did not stop paging (page ${page}, NextToken repeated: ${seen.has(token)})`);
      }
      seen.add(token);
    }
  }
  return details;
}
