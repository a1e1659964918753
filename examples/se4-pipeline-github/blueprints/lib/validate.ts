import { BlueprintInputError } from "./errors.ts";
import type { PartitionName } from "./partitions.ts";

/**
 * Validators shared by the blueprints (props) and the generator (flags, answers
 * files and prompts). Each throws a BlueprintInputError naming `field`.
 */

const ACCOUNT_ID = /^\d{12}$/;
const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role(\/[\w+=,.@/-]*)?\/([\w+=,.@-]{1,64})$/;

/** An AWS account ID: a string of exactly 12 digits (leading zeros count). */
export function checkAccountId(value: unknown, field: string): string {
  if (typeof value !== "string") {
    throw new BlueprintInputError(
      field,
      `expected a 12-digit account ID as a string (in quotes, so leading zeros are kept), got ${describe(value)}`,
    );
  }
  if (!ACCOUNT_ID.test(value)) {
    throw new BlueprintInputError(field, `"${clip(value)}" is not an AWS account ID; expected exactly 12 digits, e.g. 111122223333`);
  }
  return value;
}

/** A list of distinct account IDs. */
export function checkAccountIds(values: readonly unknown[], field: string): string[] {
  const ids = values.map((v, i) => checkAccountId(v, `${field}[${i}]`));
  checkDistinct(ids, field);
  return ids;
}

export interface RoleArnParts {
  readonly partition: PartitionName;
  readonly accountId: string;
  readonly path: string;
  readonly roleName: string;
}

export interface RoleArnOptions {
  /** The partition the ARN must be in. @default any supported partition */
  readonly partition?: PartitionName;
  /** Whether an IAM path (`role/team/name`) is accepted. @default true */
  readonly allowPath?: boolean;
}

/** An IAM role ARN, `arn:<partition>:iam::<account>:role/<name>`. */
export function checkRoleArn(value: unknown, field: string, options: RoleArnOptions = {}): RoleArnParts {
  if (typeof value !== "string") throw new BlueprintInputError(field, `expected an IAM role ARN string, got ${describe(value)}`);
  if (value.includes("*"))
    throw new BlueprintInputError(field, `"${clip(value)}" contains a wildcard; expected one IAM role ARN, never \`*\``);
  const match = ROLE_ARN.exec(value);
  if (!match) {
    throw new BlueprintInputError(
      field,
      `"${clip(value)}" is not an IAM role ARN; expected arn:<partition>:iam::<12-digit account>:role/<name>, e.g. arn:aws:iam::111122223333:role/NetworkDeployer`,
    );
  }
  const [, partition, accountId, path, roleName] = match;
  if (options.partition && partition !== options.partition) {
    throw new BlueprintInputError(
      field,
      `"${clip(value)}" is in partition ${partition}, but the region is in ${options.partition}; expected arn:${options.partition}:iam::…`,
    );
  }
  if (path && options.allowPath === false) {
    throw new BlueprintInputError(
      field,
      `"${clip(value)}" has an IAM path (${path}/); endpoint service principals must be role ARNs without a path: arn:${partition}:iam::${accountId}:role/${roleName}`,
    );
  }
  return { partition: partition as PartitionName, accountId, path: path ? `${path}/` : "/", roleName };
}

/** An IAM role name (no path): 1 to 64 of letters, digits and `+=,.@_-`. */
export function checkRoleName(value: unknown, field: string): string {
  if (typeof value !== "string" || !/^[\w+=,.@-]{1,64}$/.test(value)) {
    throw new BlueprintInputError(field, `expected an IAM role name of 1 to 64 letters, digits or +=,.@_-, got ${describe(value)}`);
  }
  return value;
}

/** An IPv4 CIDR block with a prefix length in [min, max]. */
export function checkCidr(value: unknown, field: string, min = 16, max = 28): string {
  if (typeof value !== "string")
    throw new BlueprintInputError(field, `expected an IPv4 CIDR block such as 10.0.0.0/16, got ${describe(value)}`);
  // No leading zeros: 010.0.0.0 reads as octal to some tools, and Terraform's cidrsubnet refuses it.
  const match = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\/(0|[1-9]\d?)$/.exec(value);
  const octets = match ? match.slice(1, 5).map(Number) : [];
  const prefix = match ? Number(match[5]) : -1;
  if (!match || octets.some((o) => o > 255) || prefix > 32) {
    throw new BlueprintInputError(field, `"${clip(value)}" is not an IPv4 CIDR block; expected a.b.c.d/n, e.g. 10.0.0.0/16`);
  }
  if (prefix === 0)
    throw new BlueprintInputError(field, `"${value}" covers every address; a VPC needs a private range such as 10.0.0.0/16, never /0`);
  if (prefix < min || prefix > max) {
    throw new BlueprintInputError(field, `"${value}" has prefix /${prefix}; expected a prefix from /${min} to /${max}`);
  }
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  if (address % 2 ** (32 - prefix) !== 0) {
    throw new BlueprintInputError(
      field,
      `"${value}" has host bits set; expected the network address, e.g. ${octetsToString(address - (address % 2 ** (32 - prefix)))}/${prefix}`,
    );
  }
  return value;
}

/** A resource ID such as `vpc-0abc…`, `subnet-…` or `rtb-…`. */
export function checkResourceId(value: unknown, field: string, prefix: "vpc" | "subnet" | "rtb" | "sg" | "tgw-rtb"): string {
  if (typeof value !== "string" || !new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`).test(value)) {
    throw new BlueprintInputError(field, `expected a ${prefix} ID such as ${prefix}-0123456789abcdef0, got ${describe(value)}`);
  }
  return value;
}

/** A non-empty list without duplicates. */
export function checkDistinct(values: readonly string[], field: string): void {
  const seen = new Set<string>();
  for (const [i, value] of values.entries()) {
    if (seen.has(value)) throw new BlueprintInputError(`${field}[${i}]`, `"${clip(value)}" is listed twice; expected each entry once`);
    seen.add(value);
  }
}

/**
 * Which characters tags may use. `ec2`: EC2 and VPC resources take any
 * printable text; quotes are fine, and are escaped wherever they are written.
 * `elb`: Elastic Load Balancing takes only the common AWS tag set.
 */
export type TagCharset = "ec2" | "elb";

const TAG_CHARSETS: Record<TagCharset, { pattern: RegExp; says: string }> = {
  ec2: { pattern: /^[\p{L}\p{M}\p{Z}\p{N}_.:/=+\-@"']*$/u, says: "letters, digits, spaces, quotes and _ . : / = + - @" },
  elb: {
    pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
    says: "letters, digits, spaces and _ . : / = + - @ (what Elastic Load Balancing accepts)",
  },
};

/** Resource tags: AWS limits (128-character keys, 256-character values, no `aws:` prefix) and characters. */
export function checkTags(tags: Readonly<Record<string, unknown>>, field: string, charset: TagCharset = "ec2"): Record<string, string> {
  if (tags === null || typeof tags !== "object" || Array.isArray(tags))
    throw new BlueprintInputError(field, `expected an object of Key: Value tags, got ${describe(tags)}`);
  const allowed = TAG_CHARSETS[charset];
  const entries = Object.entries(tags);
  if (entries.length > 40)
    throw new BlueprintInputError(field, `has ${entries.length} tags; expected at most 40, leaving room for the blueprint's own`);
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    const at = `${field}.${clip(key, 40)}`;
    if (key.length < 1 || key.length > 128) throw new BlueprintInputError(at, "tag keys must be 1 to 128 characters");
    if (key === "__proto__")
      throw new BlueprintInputError(at, "is reserved in JavaScript objects, so it cannot be written as a tag; choose another key");
    if (/^aws:/i.test(key)) throw new BlueprintInputError(at, "tag keys starting with `aws:` are reserved by AWS; choose another key");
    if (typeof value !== "string") throw new BlueprintInputError(at, `expected a string tag value, got ${describe(value)}`);
    if (value.length > 256) throw new BlueprintInputError(at, "tag values must be at most 256 characters");
    if (!allowed.pattern.test(key) || !allowed.pattern.test(value))
      throw new BlueprintInputError(at, `tags may contain only ${allowed.says}`);
    out[key] = value;
  }
  return out;
}

/** A short description of a value of the wrong type, for messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `"${clip(value)}"`;
  if (typeof value === "number") return `the number ${value}`;
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

/** Long values are cut in messages so that a hostile input cannot flood the terminal. */
export function clip(value: string, max = 80): string {
  const printable = value.replace(/[\u0000-\u001f\u007f]/g, "?");
  return printable.length > max ? `${printable.slice(0, max)}…(${value.length} characters)` : printable;
}

function octetsToString(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".");
}
