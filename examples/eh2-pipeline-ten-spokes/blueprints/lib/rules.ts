import { BlueprintInputError } from "./errors.ts";
import { type PartitionName, regionInfo } from "./partitions.ts";
import { isEndpointServiceName, notAnEndpointServiceName } from "./service-names.ts";
import { checkDistinct, clip, describe } from "./validate.ts";

/**
 * Field rules that AWS imposes, written once: the blueprints check their props
 * with them, and the generator's questions call the same functions after
 * parsing text, so a prompt, a flag, an answers file and a construct give the
 * same message. Each throws a BlueprintInputError naming `field`.
 */

/** An AWS Organizations ID: `o-` and 10 to 32 lowercase letters or digits. */
export function checkOrganizationId(value: unknown, field: string): string {
  if (typeof value !== "string" || !/^o-[a-z0-9]{10,32}$/.test(value)) {
    throw new BlueprintInputError(
      field,
      `${typeof value === "string" ? `"${clip(value)}"` : describe(value)} is not an AWS Organizations ID; expected o- and 10 to 32 lowercase letters or digits`,
    );
  }
  return value;
}

/** The external ID a role's trust policy requires (sts:ExternalId): 2 to 1224 characters of `\w+=,.@:/-`. */
export function checkExternalId(value: unknown, field: string): string {
  if (typeof value !== "string" || !/^[\w+=,.@:/-]{2,1224}$/.test(value)) {
    throw new BlueprintInputError(field, "expected 2 to 1224 letters, digits or +=,.@:/-");
  }
  return value;
}

/** An S3 bucket name (the state bucket): 3 to 63 lowercase letters, digits, dots or hyphens. */
export function checkBucketName(value: unknown, field: string): string {
  if (typeof value !== "string" || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value)) {
    throw new BlueprintInputError(
      field,
      `${typeof value === "string" ? `"${clip(value)}"` : describe(value)} is not an S3 bucket name; expected 3 to 63 lowercase letters, digits, dots or hyphens`,
    );
  }
  return value;
}

/** The object key of a state file: relative, at most 1024 characters, no control characters. */
export function checkStateKey(value: unknown, field: string): string {
  if (typeof value !== "string" || value === "" || value.startsWith("/") || value.length > 1024 || /[\u0000-\u001f]/.test(value)) {
    throw new BlueprintInputError(field, "expected a relative object key such as privatelink/terraform.tfstate");
  }
  return value;
}

/** A TCP port from 1 to 65535. */
export function checkPort(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 65535) {
    throw new BlueprintInputError(field, `expected a whole number from 1 to 65535, got ${describe(value)}`);
  }
  return value;
}

/** An SNS topic ARN of `region` (endpoint connection notifications go to a topic of the service's region). */
export function checkSnsTopicArn(value: unknown, field: string, region: string): string {
  const { partition } = regionInfo(region);
  const pattern = new RegExp(`^arn:${partition}:sns:${region}:\\d{12}:[\\w-]{1,256}$`);
  if (typeof value !== "string" || !pattern.test(value)) {
    throw new BlueprintInputError(
      field,
      `${typeof value === "string" ? `"${clip(value)}"` : describe(value)} is not an SNS topic ARN of ${region}; expected arn:${partition}:sns:${region}:<account>:<topic>`,
    );
  }
  return value;
}

/** An ACM certificate ARN of `region` (an NLB's TLS listener takes a certificate of its own region). */
export function checkCertificateArn(value: unknown, field: string, region: string): string {
  const { partition } = regionInfo(region);
  const pattern = new RegExp(`^arn:${partition}:acm:${region}:\\d{12}:certificate/[0-9a-f-]{36}$`);
  if (typeof value !== "string" || !pattern.test(value)) {
    throw new BlueprintInputError(
      field,
      `${typeof value === "string" ? `"${clip(value)}"` : describe(value)} is not an ACM certificate ARN of ${region}; expected arn:${partition}:acm:${region}:<account>:certificate/<uuid>`,
    );
  }
  return value;
}

/**
 * The private DNS name of an endpoint service: a lowercase DNS name, and none
 * in the China regions, where endpoint services cannot have one.
 */
export function checkPrivateDnsName(value: unknown, field: string, partition: PartitionName): string {
  if (partition === "aws-cn") {
    throw new BlueprintInputError(field, "endpoint services in the China regions cannot have a private DNS name; leave it empty");
  }
  if (typeof value !== "string" || !/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(value)) {
    throw new BlueprintInputError(
      field,
      `${typeof value === "string" ? `"${clip(value)}"` : describe(value)} is not a lowercase DNS name; expected e.g. api.example.com`,
    );
  }
  return value;
}

/** A Route 53 hosted zone ID: Z and letters or digits. */
export function checkHostedZoneId(value: unknown, field: string): string {
  if (typeof value !== "string" || !/^Z[A-Z0-9]{4,31}$/.test(value)) {
    throw new BlueprintInputError(
      field,
      `${typeof value === "string" ? `"${clip(value)}"` : describe(value)} is not a Route 53 hosted zone ID; expected Z followed by letters and digits`,
    );
  }
  return value;
}

/**
 * Services whose endpoints allow only read actions: each must have a template
 * (`templates`) and be among the chosen services (`chosen`), once.
 */
export function checkReadOnlyServices(
  keys: readonly string[],
  field: string,
  templates: readonly string[],
  chosen: readonly string[],
): string[] {
  for (const [i, key] of keys.entries()) {
    if (!templates.includes(key)) {
      throw new BlueprintInputError(`${field}[${i}]`, `"${clip(key)}" has no read-only template; expected one of ${templates.join(", ")}`);
    }
    if (!chosen.includes(key)) {
      throw new BlueprintInputError(
        `${field}[${i}]`,
        `${key} is not among the endpoints; add it to the interface or gateway services, or drop it here`,
      );
    }
  }
  checkDistinct([...keys], field);
  return [...keys];
}

/** The name of an endpoint service (another team's): com.amazonaws.vpce.<region>.vpce-svc-<17 hex digits>. */
export function checkEndpointServiceName(value: unknown, field: string): string {
  if (typeof value !== "string" || !isEndpointServiceName(value))
    throw notAnEndpointServiceName(field, typeof value === "string" ? `"${clip(value)}"` : describe(value));
  return value;
}

/** Another region of the same partition (PrivateLink does not cross partitions). */
export function checkSamePartition(region: string, field: string, partition: PartitionName): string {
  const info = regionInfo(region, field);
  if (info.partition !== partition) {
    throw new BlueprintInputError(
      field,
      `${region} is in partition ${info.partition}, not ${partition}; PrivateLink does not cross partitions`,
    );
  }
  return info.region;
}

/** The ranges an NLB takes IP targets from, besides its VPC's own CIDR (Elastic Load Balancing, "IP addresses as targets"). */
const IP_TARGET_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"] as const;

function ipv4Number(text: string): number | undefined {
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text)?.slice(1).map(Number);
  if (!octets || octets.some((o) => o > 255)) return undefined;
  return octets.reduce((acc, o) => acc * 256 + o, 0);
}

function inCidr(address: number, cidr: string): boolean {
  const [base, prefix] = cidr.split("/");
  const size = 2 ** (32 - Number(prefix));
  const start = ipv4Number(base);
  return start !== undefined && Math.floor(address / size) === Math.floor(start / size);
}

/**
 * An IP target of a network load balancer: an IPv4 address, from the VPC's own CIDR
 * (`vpcCidr`, when known) or the ranges AWS takes IP targets from (RFC 1918 and RFC 6598);
 * AWS refuses a publicly routable address when the target is registered.
 */
export function checkIpTarget(value: unknown, field: string, vpcCidr?: string): string {
  const text = typeof value === "string" ? value : "";
  const address = ipv4Number(text);
  if (address === undefined)
    throw new BlueprintInputError(field, `"${clip(String(value))}" is not an IPv4 address (four numbers 0 to 255)`);
  const ranges = [...(vpcCidr ? [vpcCidr] : []), ...IP_TARGET_RANGES];
  if (!ranges.some((cidr) => inCidr(address, cidr)))
    throw new BlueprintInputError(
      field,
      `${text} is publicly routable; an NLB takes IP targets from ${ranges.join(", ")} only (use the target's private address)`,
    );
  return text;
}
