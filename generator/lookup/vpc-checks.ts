import { DescribeVpcAttributeCommand, DescribeVpcEndpointsCommand, type VpcEndpoint } from "@aws-sdk/client-ec2";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { clip } from "../../blueprints/lib/validate";
import { lookupError } from "./aws-errors";
import type { Ec2Lookups } from "./describe";
import { type RetryOptions, withRetry } from "./retry";

/** An existing VPC the project puts endpoints in, or associates private hosted zones with. */
export interface VpcToCheck {
  readonly vpcId: string;
  /** The answer that gives it, named in errors: `vpcId`, `spokes[2].vpcId`. */
  readonly field: string;
  /** What in the project needs its DNS support and DNS hostnames, e.g. "interface endpoints with private DNS". */
  readonly needs: string;
  /** Services whose private DNS the project brings into the VPC, by full name, with the answer naming each. */
  readonly privateDns: readonly { readonly serviceName: string; readonly field: string }[];
  /** What goes wrong at apply when the VPC already has its own private-DNS endpoint for one of them. */
  readonly conflict: string;
}

/** Endpoint states that no longer hold a private DNS name. */
const GONE = new Set(["deleting", "deleted", "rejected", "failed", "expired"]);

/**
 * Checks each VPC as AWS answers for these credentials: DNS support and DNS hostnames on
 * (DescribeVpcAttribute), and no interface endpoint of its own with private DNS for a service the project
 * also brings private DNS for (DescribeVpcEndpoints). Both fail only at apply otherwise. A VPC these
 * credentials do not see (another account's, reached through a role at deploy) is not checked: the
 * returned warnings say which.
 */
export async function checkVpcs(
  client: Ec2Lookups,
  region: string,
  vpcs: readonly VpcToCheck[],
  options: RetryOptions & { readonly maxPages?: number } = {},
): Promise<string[]> {
  const warnings: string[] = [];
  for (const vpc of vpcs) {
    const attributes = await dnsAttributes(client, region, vpc.vpcId, options);
    if (attributes === undefined) {
      warnings.push(
        `--lookup did not check ${vpc.vpcId} (${vpc.field}): these credentials do not see it in ${region} (another account's?); it needs DNS support and DNS hostnames on, and no private-DNS endpoint of its own for the project's services`,
      );
      continue;
    }
    const off = Object.entries(attributes).flatMap(([name, on]) => (on ? [] : [name]));
    if (vpc.privateDns.length > 0 && off.length > 0) {
      throw new BlueprintInputError(
        vpc.field,
        `${vpc.vpcId} has ${off.join(" and ")} off (DescribeVpcAttribute): ${vpc.needs} need DNS support and DNS hostnames, or their names do not resolve; turn them on (aws ec2 modify-vpc-attribute --vpc-id ${vpc.vpcId} --enable-dns-${off.includes("enableDnsSupport") ? "support" : "hostnames"} '{"Value":true}') and run again`,
      );
    }
    const own = (await endpointsOf(client, region, vpc.vpcId, options)).filter(
      (e) => e.PrivateDnsEnabled === true && !GONE.has(String(e.State ?? "").toLowerCase()),
    );
    for (const wanted of vpc.privateDns) {
      const clash = own.find((e) => e.ServiceName === wanted.serviceName);
      if (clash)
        throw new BlueprintInputError(
          wanted.field,
          `${clip(wanted.serviceName)}: ${vpc.vpcId} already has ${clash.VpcEndpointId} for it, with private DNS (DescribeVpcEndpoints); ${vpc.conflict}`,
        );
    }
  }
  return warnings;
}

/** DNS support and DNS hostnames of a VPC; undefined when these credentials do not see it. */
async function dnsAttributes(
  client: Ec2Lookups,
  region: string,
  vpcId: string,
  options: RetryOptions,
): Promise<{ enableDnsSupport: boolean; enableDnsHostnames: boolean } | undefined> {
  try {
    const ask = (Attribute: "enableDnsSupport" | "enableDnsHostnames") =>
      withRetry("DescribeVpcAttribute", () => client.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute })), options);
    const support = await ask("enableDnsSupport");
    const hostnames = await ask("enableDnsHostnames");
    return { enableDnsSupport: support.EnableDnsSupport?.Value === true, enableDnsHostnames: hostnames.EnableDnsHostnames?.Value === true };
  } catch (error) {
    if ((error as { name?: string }).name === "InvalidVpcID.NotFound") return undefined;
    throw lookupError(error, "DescribeVpcAttribute", region);
  }
}

/** The VPC's interface endpoints, paged through NextToken. */
async function endpointsOf(
  client: Ec2Lookups,
  region: string,
  vpcId: string,
  options: RetryOptions & { readonly maxPages?: number },
): Promise<VpcEndpoint[]> {
  const endpoints: VpcEndpoint[] = [];
  let token: string | undefined;
  try {
    for (let page = 1; ; page++) {
      const command = new DescribeVpcEndpointsCommand({
        Filters: [
          { Name: "vpc-id", Values: [vpcId] },
          { Name: "vpc-endpoint-type", Values: ["Interface"] },
        ],
        ...(token ? { NextToken: token } : {}),
      });
      const answer = await withRetry("DescribeVpcEndpoints", () => client.send(command), options);
      endpoints.push(...(answer.VpcEndpoints ?? []).filter((e) => e.VpcId === undefined || e.VpcId === vpcId));
      token = answer.NextToken || undefined;
      if (!token) return endpoints;
      if (page >= (options.maxPages ?? 100)) throw new Error(`DescribeVpcEndpoints did not stop paging (page ${page})`);
    }
  } catch (error) {
    throw lookupError(error, "DescribeVpcEndpoints", region);
  }
}
