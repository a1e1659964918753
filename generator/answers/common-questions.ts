import validateNpmName from "validate-npm-package-name";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { checkZoneIds } from "../../blueprints/lib/facts/zones";
import { regionInfo } from "../../blueprints/lib/partitions";
import { checkBucketName, checkStateKey } from "../../blueprints/lib/rules";
import { checkCidr, checkDistinct, checkResourceId, checkRoleArn, checkTags, clip } from "../../blueprints/lib/validate";
import { checkZones, isZoneId, type ZoneRules } from "../../blueprints/lib/zone-rules";
import { toChoice, toList, toTags, toText } from "./parse";
import { type Known, type Question, q, regionOf } from "./question";
import { hasZoneTable, tableZoneIds, zoneExample } from "./zone-defaults";

/**
 * The shared library of questions that several blueprints ask: project name,
 * region, VPC, state backend, tags and the deploy role. A binding takes what it
 * needs, in its own order; what varies between blueprints is an option here.
 */

export const projectName = q({
  key: "projectName",
  flag: "--name",
  valueName: "npm-name",
  message: "Project name (an npm package name)",
  prompt: "input",
  defaultValue: () => "privatelink",
  check: (value) => {
    const name = toText(value, "projectName", false)!;
    if (Object.getOwnPropertyNames(Object.prototype).includes(name)) {
      throw new BlueprintInputError(
        "projectName",
        `"${name}" is reserved (a JavaScript object property, it cannot name a stack); choose another name, e.g. ${name}-endpoints`,
      );
    }
    // The project depends on the generator that made it; npm refuses a package that depends on itself.
    if (name === "create-privatelink") {
      throw new BlueprintInputError(
        "projectName",
        `"${name}" is the generator's own name, which the project depends on; choose another, e.g. my-endpoints`,
      );
    }
    const result = validateNpmName(name);
    if (!result.validForNewPackages) {
      const why = [...(result.errors ?? []), ...(result.warnings ?? [])].join("; ");
      throw new BlueprintInputError(
        "projectName",
        `"${clip(name)}" is not a valid npm package name (${why}); expected lowercase letters, digits and - . _, e.g. my-endpoints`,
      );
    }
    return name;
  },
});

export const region = q({
  key: "region",
  flag: "--region",
  valueName: "region",
  message: "AWS region",
  prompt: "select",
  defaultValue: () => "us-east-1",
  check: (value) => regionInfo(toText(value, "region", false)!).region,
});

/** Whether a blueprint's VPC may be an existing one, and how its zones are named. */
export interface VpcQuestionOptions {
  /** Ask new-or-existing; without it the VPC is always new. */
  readonly existing: boolean;
  /** Default zones as zone IDs (`euw1-az1`, the same zone in every account) rather than names. */
  readonly zoneIds: boolean;
  /**
   * A blueprint version's own zone rules (default zones and the check), e.g.
   * `STABLE_ZONE_RULES`; replaces `zoneIds`. @default names or IDs of the region's shape
   */
  readonly zoneRules?: ZoneRules;
}

/** The VPC: new (CIDR and zones) or existing (ID, CIDR, subnets by zone). */
export function vpcQuestions(options: VpcQuestionOptions): Question[] {
  const existing = (known: Known) => options.existing && known.vpc === "existing";
  const list: Question[] = [
    q({
      key: "vpcCidr",
      flag: "--vpc-cidr",
      valueName: "cidr",
      message: "VPC IPv4 CIDR",
      prompt: "input",
      defaultValue: () => "10.0.0.0/16",
      check: (value, known) => checkCidr(toText(value, "vpcCidr", false), "vpcCidr", 16, existing(known) ? 28 : 24),
    }),
    q({
      key: "availabilityZones",
      flag: "--availability-zones",
      valueName: "zone,zone",
      message: options.zoneRules
        ? "Availability zones of the new VPC (2 or 3 zone IDs; zone names only where every account maps them alike)"
        : options.zoneIds
          ? "Availability zones of the new VPC (2 or 3 zone IDs, the same zones in every account; or names)"
          : "Availability zones of the new VPC (2 or 3; names, or zone IDs to match zones across accounts)",
      prompt: "input",
      hint: (known) => `in ${regionOf(known)}, e.g. ${zoneExample(regionOf(known))}`,
      when: (known) => !existing(known),
      defaultValue: (known): readonly string[] =>
        options.zoneRules
          ? options.zoneRules.defaults(regionOf(known))
          : options.zoneIds
            ? tableZoneIds(regionOf(known))
            : [`${regionOf(known)}a`, `${regionOf(known)}b`],
      check: (value, known) => {
        const zones = toList(value, "availabilityZones");
        if (zones.length < 2 || zones.length > 3) {
          throw new BlueprintInputError(
            "availabilityZones",
            `lists ${zones.length}; expected 2 or 3 zones, e.g. ${regionOf(known)}a,${regionOf(known)}b`,
          );
        }
        if (options.zoneRules) options.zoneRules.check(zones, regionOf(known), "availabilityZones");
        else checkZones(zones, regionOf(known), "availabilityZones", true);
        // Zone IDs must exist (and be open to new accounts) where AWS's AZ ID table knows the region.
        if (!options.zoneRules && zones.every(isZoneId) && hasZoneTable(regionOf(known))) {
          checkZoneIds(zones, regionOf(known), "availabilityZones");
        }
        return zones;
      },
    }),
  ];
  if (!options.existing) return list;
  return [
    q({
      key: "vpc",
      flag: "--vpc",
      valueName: "new|existing",
      message: "VPC",
      prompt: "select",
      defaultValue: () => "new" as "new" | "existing",
      check: (value) => toChoice(value, "vpc", ["new", "existing"] as const),
      choices: () => [
        { value: "new", name: "Create a new private VPC" },
        { value: "existing", name: "Use an existing VPC (IDs given now, nothing is read from AWS)" },
      ],
    }),
    ...list,
    q({
      key: "vpcId",
      flag: "--vpc-id",
      valueName: "vpc-id",
      message: "Existing VPC ID",
      prompt: "input",
      when: existing,
      defaultValue: () => null as string | null,
      check: (value) => checkResourceId(toText(value, "vpcId", false), "vpcId", "vpc"),
    }),
    q({
      key: "subnets",
      flag: "--subnets",
      valueName: "subnet-id@zone,...",
      message: "Subnets of the existing VPC, one per zone, as subnet-id@zone",
      prompt: "input",
      when: existing,
      defaultValue: (): readonly string[] => [],
      check: (value, known) => {
        const subnets = toList(value, "subnets");
        for (const [i, entry] of subnets.entries()) {
          const [id, zone] = entry.split("@");
          checkResourceId(id, `subnets[${i}]`, "subnet");
          if (!zone) {
            throw new BlueprintInputError(
              `subnets[${i}]`,
              `"${clip(entry)}" has no zone of ${regionOf(known)}; expected subnet-id@zone, e.g. subnet-0123456789abcdef0@${regionOf(known)}a`,
            );
          }
        }
        checkZones(
          subnets.map((s) => s.split("@")[1]),
          regionOf(known),
          "subnets",
        );
        checkDistinct(
          subnets.map((s) => s.split("@")[0]),
          "subnets",
        );
        return subnets;
      },
    }),
  ];
}

/** Route tables of an existing VPC, for gateway endpoints. */
export const routeTableIds = q({
  key: "routeTableIds",
  flag: "--route-tables",
  valueName: "rtb-id,...",
  message: "Route tables of the existing VPC (for gateway endpoints)",
  prompt: "input",
  when: (known) => known.vpc === "existing",
  defaultValue: (): readonly string[] => [],
  check: (value) => {
    const ids = toList(value, "routeTableIds");
    for (const [i, id] of ids.entries()) checkResourceId(id, `routeTableIds[${i}]`, "rtb");
    checkDistinct(ids, "routeTableIds");
    return ids;
  },
});

/** The role Terraform assumes in the account that deploys the (provider) stack. */
export const providerRoleArn = q({
  key: "providerRoleArn",
  flag: "--provider-role",
  valueName: "role-arn",
  message: "Role to assume in the provider account (empty: your current credentials)",
  prompt: "input",
  defaultValue: () => null as string | null,
  check: (value, known) => {
    const arn = toText(value, "providerRoleArn", true);
    if (arn !== null) checkRoleArn(arn, "providerRoleArn", { partition: regionInfo(regionOf(known)).partition });
    return arn;
  },
});

const isS3 = (known: Known) => known.backend === "s3";

/** Where Terraform keeps state: local, or an S3 bucket with S3 native locking. */
export const backendQuestions: readonly Question[] = [
  q({
    key: "backend",
    flag: "--backend",
    valueName: "local|s3",
    message: "Terraform state backend",
    prompt: "select",
    defaultValue: () => "local" as "local" | "s3",
    check: (value) => toChoice(value, "backend", ["local", "s3"] as const),
    choices: () => [
      { value: "local", name: "Local state file (for trying it out)" },
      { value: "s3", name: "S3 bucket with S3 native locking (use_lockfile)" },
    ],
  }),
  q({
    key: "backendBucket",
    flag: "--backend-bucket",
    valueName: "bucket",
    message: "S3 bucket for the state",
    prompt: "input",
    when: isS3,
    defaultValue: () => null as string | null,
    check: (value) => {
      if (value === null || value === undefined) {
        throw new BlueprintInputError("backendBucket", "is missing; the S3 backend keeps state in a bucket: pass --backend-bucket <name>");
      }
      return checkBucketName(toText(value, "backendBucket", false), "backendBucket");
    },
  }),
  q({
    key: "backendKey",
    flag: "--backend-key",
    valueName: "key",
    message: "Object key of the state ({stack} becomes the stack id, so each stack keeps its own state)",
    prompt: "input",
    when: isS3,
    defaultValue: (known) => `${known.projectName ?? "privatelink"}/{stack}.tfstate` as string | null,
    check: (value) => checkStateKey(toText(value, "backendKey", false), "backendKey"),
  }),
  q({
    key: "backendRegion",
    flag: "--backend-region",
    valueName: "region",
    message: "Region of the state bucket",
    prompt: "input",
    when: isS3,
    defaultValue: (known) => regionOf(known) as string | null,
    check: (value) => regionInfo(toText(value, "backendRegion", false)!, "backendRegion").region,
  }),
];

export const tags = q({
  key: "tags",
  flag: "--tag",
  valueName: "Key=Value",
  message: "Tags on every resource (Key=Value,Key=Value; empty for none)",
  prompt: "input",
  repeatable: true,
  defaultValue: (): Readonly<Record<string, string>> => ({}),
  check: (value) => checkTags(toTags(value, "tags"), "tags"),
});
