import validateNpmName from "validate-npm-package-name";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import type { InputName } from "../../blueprints/lib/manifest";
import { regionInfo, zoneIdPrefix } from "../../blueprints/lib/partitions";
import { isEndpointServiceName, resolveService, serviceName } from "../../blueprints/lib/service-names";
import { gatewayServiceKeys } from "../../blueprints/lib/services";
import {
  checkAccountIds,
  checkCidr,
  checkDistinct,
  checkResourceId,
  checkRoleArn,
  checkRoleName,
  checkTags,
  clip,
} from "../../blueprints/lib/validate";
import { READ_ONLY_SERVICES } from "../../blueprints/service-endpoints/v2/policy-templates";
import { findBlueprint, latestVersion } from "../registry";
import { toChoice, toInteger, toList, toTags, toText } from "./parse";
import type { AnswerKey, Answers } from "./types";

/** Answers known so far, in question order: later questions may read earlier ones. */
export type Known = Partial<Answers>;

/** How a question is asked in a terminal. */
export type PromptKind = "input" | "select" | "checkbox" | "services" | "confirm-list";

/**
 * One question: its flag, its default, how its text is parsed and checked, and
 * when it applies. The table drives the prompts, `--help`, flag parsing and the
 * answers file alike, so they cannot disagree.
 */
export interface Question<K extends AnswerKey = AnswerKey> {
  readonly key: K;
  /** The command-line flag, e.g. `--consumer-accounts`. */
  readonly flag: string;
  /** Placeholder of the flag's value in `--help`. */
  readonly valueName: string;
  /** The question as a prompt asks it, and as `--help` describes the flag. */
  readonly message: string;
  readonly prompt: PromptKind;
  /** The manifest input this belongs to; `null` for every blueprint. */
  readonly input: InputName | null;
  /** Flag given several times accumulates (e.g. `--tag`). @default false */
  readonly repeatable?: boolean;
  /** Whether it applies, given earlier answers. @default always */
  readonly when?: (known: Known) => boolean;
  /** Its default, given earlier answers. */
  readonly defaultValue: (known: Known) => Answers[K];
  /** Parses flag text or JSON into the answer, and checks it; throws a BlueprintInputError. */
  readonly check: (value: unknown, known: Known) => Answers[K];
  /** Choices for select and checkbox prompts. */
  readonly choices?: (known: Known) => readonly { value: string; name: string; description?: string }[];
}

const LAYOUTS = ["provider-and-consumers", "provider-only"] as const;

function q<K extends AnswerKey>(question: Question<K>): Question<K> {
  return question;
}

const partitionOf = (known: Known) => regionInfo(known.region ?? "us-east-1").partition;
const isConsumerBlueprint = (known: Known) => (known.blueprint ?? "").startsWith("endpoint-consumer@");
const usesZoneIds = (known: Known) => (known.blueprint ?? "").startsWith("endpoint-");
const isProvider = (known: Known) => !isConsumerBlueprint(known);
const hasConsumers = (known: Known) => isConsumerBlueprint(known) || known.layout === "provider-and-consumers";

export const QUESTIONS: readonly Question[] = [
  q({
    key: "blueprint",
    flag: "--blueprint",
    valueName: "name[@version]",
    message: "Blueprint",
    prompt: "select",
    input: null,
    defaultValue: () => {
      const latest = latestVersion("service-endpoints").manifest;
      return `${latest.name}@${latest.version}`;
    },
    check: (value) => {
      const entry = findBlueprint(toText(value, "blueprint", false)!);
      return `${entry.manifest.name}@${entry.manifest.version}`;
    },
  }),
  q({
    key: "projectName",
    flag: "--name",
    valueName: "npm-name",
    message: "Project name (an npm package name)",
    prompt: "input",
    input: null,
    defaultValue: () => "privatelink",
    check: (value) => {
      const name = toText(value, "projectName", false)!;
      if (Object.getOwnPropertyNames(Object.prototype).includes(name)) {
        throw new BlueprintInputError(
          "projectName",
          `"${name}" is reserved (a JavaScript object property, it cannot name a stack); choose another name, e.g. ${name}-endpoints`,
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
  }),
  q({
    key: "region",
    flag: "--region",
    valueName: "region",
    message: "AWS region",
    prompt: "select",
    input: "region",
    defaultValue: () => "us-east-1",
    check: (value) => regionInfo(toText(value, "region", false)!).region,
  }),
  q({
    key: "layout",
    flag: "--layout",
    valueName: LAYOUTS.join("|"),
    message: "Stacks to generate",
    prompt: "select",
    input: "layout",
    defaultValue: () => "provider-and-consumers" as const,
    check: (value) => toChoice(value, "layout", LAYOUTS),
    choices: () => [
      {
        value: "provider-and-consumers",
        name: "Provider and consumers",
        description: "the endpoint service, and one consumer stack per account wired to it",
      },
      {
        value: "provider-only",
        name: "Provider only",
        description: "the NLB and endpoint service; consumers deploy their own endpoints (blueprint endpoint-consumer)",
      },
    ],
  }),
  q({
    key: "serviceName",
    flag: "--service-name",
    valueName: "com.amazonaws.vpce.<region>.vpce-svc-…",
    message: "Endpoint service name the consumers connect to",
    prompt: "input",
    input: "serviceName",
    defaultValue: () => null,
    check: (value) => {
      const name = toText(value, "serviceName", false)!;
      if (!isEndpointServiceName(name))
        throw new BlueprintInputError(
          "serviceName",
          `"${clip(name)}" is not an endpoint service name; expected com.amazonaws.vpce.<region>.vpce-svc-<17 hex digits>`,
        );
      return name;
    },
  }),
  q({
    key: "serviceRegion",
    flag: "--service-region",
    valueName: "region",
    message: "Region of the endpoint service, when it is not the consumers' (empty: same region)",
    prompt: "input",
    input: "serviceRegion",
    defaultValue: () => null,
    check: (value, known) => {
      const region = toText(value, "serviceRegion", true);
      if (region === null || region === known.region) return null;
      const info = regionInfo(region, "serviceRegion");
      if (info.partition !== partitionOf(known))
        throw new BlueprintInputError("serviceRegion", `${region} is in partition ${info.partition}, not ${partitionOf(known)}`);
      return region;
    },
  }),
  q({
    key: "vpc",
    flag: "--vpc",
    valueName: "new|existing",
    message: "VPC",
    prompt: "select",
    input: "vpc",
    when: isProvider,
    defaultValue: () => "new" as const,
    check: (value) => toChoice(value, "vpc", ["new", "existing"] as const),
    choices: () => [
      { value: "new", name: "Create a new private VPC" },
      { value: "existing", name: "Use an existing VPC (IDs given now, nothing is read from AWS)" },
    ],
  }),
  q({
    key: "vpcCidr",
    flag: "--vpc-cidr",
    valueName: "cidr",
    message: "VPC IPv4 CIDR",
    prompt: "input",
    input: "vpc",
    defaultValue: () => "10.0.0.0/16",
    check: (value, known) => checkCidr(toText(value, "vpcCidr", false), "vpcCidr", 16, known.vpc === "existing" ? 28 : 24),
  }),
  q({
    key: "availabilityZones",
    flag: "--availability-zones",
    valueName: "zone,zone",
    message: "Availability zones of the new VPC (2 or 3; names, or zone IDs to match zones across accounts)",
    prompt: "input",
    input: "vpc",
    when: (known) => known.vpc !== "existing" || isConsumerBlueprint(known),
    defaultValue: (known) =>
      usesZoneIds(known) ? [1, 2].map((n) => `${zoneIdPrefix(known.region!)}-az${n}`) : [`${known.region}a`, `${known.region}b`],
    check: (value, known) => {
      const zones = toList(value, "availabilityZones");
      if (zones.length < 2 || zones.length > 3)
        throw new BlueprintInputError(
          "availabilityZones",
          `lists ${zones.length}; expected 2 or 3 zones, e.g. ${known.region}a,${known.region}b`,
        );
      const prefix = zoneIdPrefix(known.region!);
      zones.forEach((zone, i) => {
        if (!new RegExp(`^(${known.region}[a-z]|${prefix}-az\\d+)$`).test(zone)) {
          throw new BlueprintInputError(
            `availabilityZones[${i}]`,
            `"${clip(zone)}" is not a zone of ${known.region}; expected a name such as ${known.region}a or a zone ID such as ${prefix}-az1`,
          );
        }
      });
      checkDistinct(zones, "availabilityZones");
      return zones;
    },
  }),
  q({
    key: "vpcId",
    flag: "--vpc-id",
    valueName: "vpc-id",
    message: "Existing VPC ID",
    prompt: "input",
    input: "vpc",
    when: (known) => isProvider(known) && known.vpc === "existing",
    defaultValue: () => null,
    check: (value) => checkResourceId(toText(value, "vpcId", false), "vpcId", "vpc"),
  }),
  q({
    key: "subnets",
    flag: "--subnets",
    valueName: "subnet-id@zone,...",
    message: "Subnets of the existing VPC, one per zone, as subnet-id@zone",
    prompt: "input",
    input: "vpc",
    when: (known) => isProvider(known) && known.vpc === "existing",
    defaultValue: () => [],
    check: (value, known) => {
      const subnets = toList(value, "subnets");
      const zones = new Map<string, number>();
      subnets.forEach((entry, i) => {
        const [id, zone] = entry.split("@");
        checkResourceId(id, `subnets[${i}]`, "subnet");
        if (!zone || !new RegExp(`^${known.region}[a-z]$`).test(zone)) {
          throw new BlueprintInputError(
            `subnets[${i}]`,
            `"${clip(entry)}" has no zone of ${known.region}; expected subnet-id@zone, e.g. subnet-0123456789abcdef0@${known.region}a`,
          );
        }
        if (zones.has(zone))
          throw new BlueprintInputError(
            `subnets[${i}]`,
            `is in ${zone} like subnets[${zones.get(zone)}]; expected one subnet per availability zone`,
          );
        zones.set(zone, i);
      });
      checkDistinct(
        subnets.map((s) => s.split("@")[0]),
        "subnets",
      );
      return subnets;
    },
  }),
  q({
    key: "routeTableIds",
    flag: "--route-tables",
    valueName: "rtb-id,...",
    message: "Route tables of the existing VPC (for gateway endpoints)",
    prompt: "input",
    input: "gatewayServices",
    when: (known) => known.vpc === "existing",
    defaultValue: () => [],
    check: (value) => {
      const ids = toList(value, "routeTableIds");
      for (const [i, id] of ids.entries()) checkResourceId(id, `routeTableIds[${i}]`, "rtb");
      checkDistinct(ids, "routeTableIds");
      return ids;
    },
  }),
  q({
    key: "services",
    flag: "--services",
    valueName: "svc,svc",
    message: "Interface endpoints (PrivateLink)",
    prompt: "services",
    input: "services",
    defaultValue: () => ["ssm", "ssmmessages", "ec2messages"],
    check: (value, known) => {
      const refs = toList(value, "services");
      const names = refs.map((ref, i) => resolveService(ref, known.region!, `services[${i}]`).serviceName);
      checkDistinct(names, "services");
      return refs;
    },
  }),
  q({
    key: "gatewayServices",
    flag: "--gateway-services",
    valueName: "s3,dynamodb",
    message: "Gateway endpoints (free; S3 and DynamoDB only)",
    prompt: "checkbox",
    input: "gatewayServices",
    defaultValue: () => ["s3"],
    check: (value, known) => {
      const keys = toList(value, "gatewayServices");
      for (const [i, key] of keys.entries()) serviceName(key, known.region!, `gatewayServices[${i}]`, "Gateway");
      checkDistinct(keys, "gatewayServices");
      if (keys.length === 0 && (known.services ?? []).length === 0) {
        throw new BlueprintInputError(
          "gatewayServices",
          "and `services` are both empty; expected at least one interface or gateway service",
        );
      }
      return keys;
    },
    choices: () => gatewayServiceKeys().map((key) => ({ value: key, name: key })),
  }),
  q({
    key: "allowedAccounts",
    flag: "--allowed-accounts",
    valueName: "account,...",
    message: "Accounts whose principals may use the endpoints (empty: the deploying account)",
    prompt: "input",
    input: "allowedAccounts",
    defaultValue: () => [],
    check: (value) => checkAccountIds(toList(value, "allowedAccounts"), "allowedAccounts"),
  }),
  q({
    key: "organizationId",
    flag: "--organization-id",
    valueName: "o-…",
    message: "AWS Organization whose principals may use the endpoints, instead of listed accounts (empty: accounts)",
    prompt: "input",
    input: "organizationId",
    defaultValue: () => null,
    check: (value) => {
      const id = toText(value, "organizationId", true);
      if (id !== null && !/^o-[a-z0-9]{10,32}$/.test(id))
        throw new BlueprintInputError(
          "organizationId",
          `"${clip(id)}" is not an AWS Organizations ID; expected o- and 10 to 32 lowercase letters or digits`,
        );
      return id;
    },
  }),
  q({
    key: "readOnlyServices",
    flag: "--read-only-services",
    valueName: "svc,...",
    message: "Endpoints that allow only read actions (pull images, read objects, items, parameters, secrets)",
    prompt: "checkbox",
    input: "readOnlyServices",
    defaultValue: () => [],
    check: (value, known) => {
      const keys = toList(value, "readOnlyServices");
      const chosen = [...(known.services ?? []), ...(known.gatewayServices ?? [])];
      keys.forEach((key, i) => {
        if (!READ_ONLY_SERVICES.includes(key))
          throw new BlueprintInputError(
            `readOnlyServices[${i}]`,
            `"${clip(key)}" has no read-only template; expected one of ${READ_ONLY_SERVICES.join(", ")}`,
          );
        if (!chosen.includes(key))
          throw new BlueprintInputError(
            `readOnlyServices[${i}]`,
            `${key} is not among the chosen services; add it to --services or --gateway-services, or drop it here`,
          );
      });
      checkDistinct(keys, "readOnlyServices");
      return keys;
    },
    choices: (known) =>
      READ_ONLY_SERVICES.filter((key) => [...(known.services ?? []), ...(known.gatewayServices ?? [])].includes(key)).map((key) => ({
        value: key,
        name: key,
      })),
  }),
  q({
    key: "providerRoleArn",
    flag: "--provider-role",
    valueName: "role-arn",
    message: "Role to assume in the provider account (empty: your current credentials)",
    prompt: "input",
    input: "providerRoleArn",
    when: isProvider,
    defaultValue: () => null,
    check: (value, known) => {
      const arn = toText(value, "providerRoleArn", true);
      if (arn !== null) checkRoleArn(arn, "providerRoleArn", { partition: partitionOf(known) });
      return arn;
    },
  }),
  q({
    key: "consumerAccounts",
    flag: "--consumer-accounts",
    valueName: "account,...",
    message: "Consumer account IDs the endpoint service authorizes",
    prompt: "input",
    input: "consumerAccounts",
    defaultValue: () => [],
    check: (value, known) => {
      const ids = checkAccountIds(toList(value, "consumerAccounts"), "consumerAccounts");
      if (isConsumerBlueprint(known) && ids.length === 0) {
        throw new BlueprintInputError("consumerAccounts", "is empty; expected at least one consumer account to create an endpoint in");
      }
      return ids;
    },
  }),
  q({
    key: "consumerRoleName",
    flag: "--consumer-role-name",
    valueName: "role-name",
    message: "Role name to assume in each consumer account",
    prompt: "input",
    input: "consumerRoleName",
    when: (known) => hasConsumers(known) && (known.consumerAccounts ?? []).length > 0,
    defaultValue: () => "PrivateLinkDeployer",
    check: (value) => checkRoleName(toText(value, "consumerRoleName", false), "consumerRoleName"),
  }),
  q({
    key: "externalId",
    flag: "--external-id",
    valueName: "id",
    message: "External ID the deploy roles require (empty: none)",
    prompt: "input",
    input: "externalId",
    defaultValue: () => null,
    check: (value) => {
      const id = toText(value, "externalId", true);
      if (id !== null && !/^[\w+=,.@:/-]{2,1224}$/.test(id))
        throw new BlueprintInputError("externalId", "expected 2 to 1224 letters, digits or +=,.@:/-");
      return id;
    },
  }),
  q({
    key: "listenerProtocol",
    flag: "--listener-protocol",
    valueName: "TCP|TLS",
    message: "NLB listener protocol",
    prompt: "select",
    input: "listener",
    when: isProvider,
    defaultValue: () => "TCP" as const,
    check: (value) => toChoice(value, "listenerProtocol", ["TCP", "TLS"] as const),
    choices: () => [
      { value: "TCP", name: "TCP (TLS passes through to the targets)" },
      { value: "TLS", name: "TLS (terminated at the NLB with an ACM certificate)" },
    ],
  }),
  q({
    key: "listenerPort",
    flag: "--listener-port",
    valueName: "port",
    message: "Port consumers connect to",
    prompt: "input",
    input: "listener",
    defaultValue: () => 443,
    check: (value) => toInteger(value, "listenerPort", 1, 65535),
  }),
  q({
    key: "certificateArn",
    flag: "--certificate-arn",
    valueName: "acm-arn",
    message: "ACM certificate ARN for the TLS listener",
    prompt: "input",
    input: "listener",
    when: (known) => isProvider(known) && known.listenerProtocol === "TLS",
    defaultValue: () => null,
    check: (value, known) => {
      const arn = toText(value, "certificateArn", false)!;
      const pattern = new RegExp(`^arn:${partitionOf(known)}:acm:${known.region}:\\d{12}:certificate/[0-9a-f-]{36}$`);
      if (!pattern.test(arn))
        throw new BlueprintInputError(
          "certificateArn",
          `"${clip(arn)}" is not an ACM certificate ARN of ${known.region}; expected arn:${partitionOf(known)}:acm:${known.region}:<account>:certificate/<uuid>`,
        );
      return arn;
    },
  }),
  q({
    key: "targetType",
    flag: "--target-type",
    valueName: "instance|ip",
    message: "Target type of the NLB",
    prompt: "select",
    input: "targets",
    when: isProvider,
    defaultValue: () => "instance" as const,
    check: (value) => toChoice(value, "targetType", ["instance", "ip"] as const),
    choices: () => [
      { value: "instance", name: "EC2 instances, by instance ID" },
      { value: "ip", name: "IP addresses (containers, on-premises, other VPCs)" },
    ],
  }),
  q({
    key: "targetPort",
    flag: "--target-port",
    valueName: "port",
    message: "Port the targets listen on",
    prompt: "input",
    input: "targets",
    when: isProvider,
    defaultValue: (known) => known.listenerPort ?? 443,
    check: (value) => toInteger(value, "targetPort", 1, 65535),
  }),
  q({
    key: "targets",
    flag: "--targets",
    valueName: "id-or-ip,...",
    message: "Targets to register now (instance IDs or IPs; empty: register later)",
    prompt: "input",
    input: "targets",
    when: isProvider,
    defaultValue: () => [],
    check: (value, known) => {
      const targets = toList(value, "targets");
      const shape = known.targetType === "ip" ? /^(\d{1,3}\.){3}\d{1,3}$/ : /^i-([0-9a-f]{8}|[0-9a-f]{17})$/;
      targets.forEach((t, i) => {
        if (!shape.test(t))
          throw new BlueprintInputError(
            `targets[${i}]`,
            `"${clip(t)}" is not ${known.targetType === "ip" ? "an IPv4 address" : "an EC2 instance ID such as i-0123456789abcdef0"}`,
          );
      });
      checkDistinct(targets, "targets");
      return targets;
    },
  }),
  q({
    key: "privateDnsName",
    flag: "--private-dns-name",
    valueName: "host.example.com",
    message: "Private DNS name of the endpoint service, verified by the provider (empty: none)",
    prompt: "input",
    input: "privateDnsName",
    defaultValue: () => null,
    check: (value, known) => {
      const name = toText(value, "privateDnsName", true);
      if (name === null) return null;
      if (partitionOf(known) === "aws-cn")
        throw new BlueprintInputError(
          "privateDnsName",
          "endpoint services in the China regions cannot have a private DNS name; leave it empty",
        );
      if (!/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(name)) {
        throw new BlueprintInputError("privateDnsName", `"${clip(name)}" is not a lowercase DNS name; expected e.g. api.example.com`);
      }
      return name;
    },
  }),
  q({
    key: "hostedZoneId",
    flag: "--hosted-zone-id",
    valueName: "zone-id",
    message: "Route 53 public hosted zone of that domain, for the verification TXT record (empty: verify by hand)",
    prompt: "input",
    input: "privateDnsName",
    when: (known) => isProvider(known) && !!known.privateDnsName,
    defaultValue: () => null,
    check: (value) => {
      const id = toText(value, "hostedZoneId", true);
      if (id === null) return null;
      if (!/^Z[A-Z0-9]{4,31}$/.test(id))
        throw new BlueprintInputError(
          "hostedZoneId",
          `"${clip(id)}" is not a Route 53 hosted zone ID; expected Z followed by letters and digits`,
        );
      return id;
    },
  }),
  q({
    key: "notificationTopicArn",
    flag: "--notification-topic",
    valueName: "sns-arn",
    message: "SNS topic for endpoint connection notifications (empty: none)",
    prompt: "input",
    input: "notificationTopicArn",
    when: isProvider,
    defaultValue: () => null,
    check: (value, known) => {
      const arn = toText(value, "notificationTopicArn", true);
      if (arn === null) return null;
      const pattern = new RegExp(`^arn:${partitionOf(known)}:sns:${known.region}:\\d{12}:[\\w-]{1,256}$`);
      if (!pattern.test(arn))
        throw new BlueprintInputError(
          "notificationTopicArn",
          `"${clip(arn)}" is not an SNS topic ARN of ${known.region}; expected arn:${partitionOf(known)}:sns:${known.region}:<account>:<topic>`,
        );
      return arn;
    },
  }),
  q({
    key: "supportedRegions",
    flag: "--supported-regions",
    valueName: "region,...",
    message: "Other regions consumers may connect from (empty: this region only)",
    prompt: "input",
    input: "supportedRegions",
    when: isProvider,
    defaultValue: () => [],
    check: (value, known) => {
      const regions = toList(value, "supportedRegions");
      regions.forEach((r, i) => {
        const info = regionInfo(r, `supportedRegions[${i}]`);
        if (info.partition !== partitionOf(known))
          throw new BlueprintInputError(
            `supportedRegions[${i}]`,
            `${r} is in partition ${info.partition}, not ${partitionOf(known)}; PrivateLink does not cross partitions`,
          );
        if (r === known.region)
          throw new BlueprintInputError(`supportedRegions[${i}]`, `${r} is the service's own region; list only other regions`);
      });
      checkDistinct(regions, "supportedRegions");
      return regions;
    },
  }),
  q({
    key: "backend",
    flag: "--backend",
    valueName: "local|s3",
    message: "Terraform state backend",
    prompt: "select",
    input: "backend",
    defaultValue: () => "local" as const,
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
    input: "backend",
    when: (known) => known.backend === "s3",
    defaultValue: () => null,
    check: (value) => {
      const bucket = toText(value, "backendBucket", false)!;
      if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
        throw new BlueprintInputError(
          "backendBucket",
          `"${clip(bucket)}" is not an S3 bucket name; expected 3 to 63 lowercase letters, digits, dots or hyphens`,
        );
      return bucket;
    },
  }),
  q({
    key: "backendKey",
    flag: "--backend-key",
    valueName: "key",
    message: "Object key of the state ({stack} becomes the stack id, so each stack keeps its own state)",
    prompt: "input",
    input: "backend",
    when: (known) => known.backend === "s3",
    defaultValue: (known) => `${known.projectName ?? "privatelink"}/{stack}.tfstate`,
    check: (value) => {
      const key = toText(value, "backendKey", false)!;
      if (key.startsWith("/") || key.length > 1024 || /[\u0000-\u001f]/.test(key))
        throw new BlueprintInputError("backendKey", "expected a relative object key such as privatelink/terraform.tfstate");
      return key;
    },
  }),
  q({
    key: "backendRegion",
    flag: "--backend-region",
    valueName: "region",
    message: "Region of the state bucket",
    prompt: "input",
    input: "backend",
    when: (known) => known.backend === "s3",
    defaultValue: (known) => known.region ?? "us-east-1",
    check: (value) => regionInfo(toText(value, "backendRegion", false)!, "backendRegion").region,
  }),
  q({
    key: "tags",
    flag: "--tag",
    valueName: "Key=Value",
    message: "Tags on every resource",
    prompt: "input",
    input: "tags",
    repeatable: true,
    defaultValue: () => ({}),
    check: (value) => checkTags(toTags(value, "tags"), "tags"),
  }),
];

/** The question for an answer key. */
export function questionFor(key: AnswerKey): Question {
  const found = QUESTIONS.find((question) => question.key === key);
  if (!found) throw new Error(`no question for ${key}`);
  return found;
}
