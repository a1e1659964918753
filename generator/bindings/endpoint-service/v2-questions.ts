import { type ConsumerProps, checkConsumers } from "../../../blueprints/lib/consumers";
import { checkIpv6Cidr } from "../../../blueprints/lib/dual-stack";
import { BlueprintInputError } from "../../../blueprints/lib/errors";
import { checkZoneIds, defaultZoneIds, zoneIdsOf } from "../../../blueprints/lib/facts/zones";
import { regionInfo } from "../../../blueprints/lib/partitions";
import { checkSamePartition } from "../../../blueprints/lib/rules";
import { checkAccountId, checkDistinct, checkResourceId, describe } from "../../../blueprints/lib/validate";
import { parseZonedSubnet } from "../../../blueprints/lib/zoned-vpc";
import { vpcQuestions } from "../../answers/common-questions";
import { isDualStack } from "../../answers/dual-stack-questions";
import { toList } from "../../answers/parse";
import { type Known, type Question, q, regionOf } from "../../answers/question";
import { zoneExample } from "../../answers/zone-defaults";
import type { EndpointServiceAnswers } from "./questions";

/** A consumer as answers files and `.privatelink.json` hold it; defaults filled in when it is checked. */
export interface ConsumerAnswer {
  readonly account: string;
  /** @default the project's region */
  readonly region?: string;
  /**
   * New VPC: its CIDR (default 10.<n>.0.0/16, n = position + 1, for the first 255); existing VPC: its CIDR.
   * @default none for a provider-only project's consumers past the 255th: they bring their own VPCs
   */
  readonly cidr?: string;
  /** New VPC: its zone IDs. @default the consumer region's first two */
  readonly availabilityZoneIds?: readonly string[];
  /** Existing VPC: its ID. */
  readonly vpcId?: string;
  /** Existing VPC: its subnets, `subnet-…@<zone ID>`. */
  readonly subnets?: readonly string[];
  /** Existing VPC, dual-stack (endpoint-service@3): its IPv6 block. */
  readonly ipv6Cidr?: string;
}

/** The answers of endpoint-service v2: v1's, plus the consumer list and proxy protocol v2. */
export interface EndpointServiceV2Answers extends EndpointServiceAnswers {
  readonly consumers: readonly ConsumerAnswer[];
  readonly proxyProtocol: boolean;
}

const CONSUMER_KEYS = ["account", "region", "cidr", "availabilityZoneIds", "vpcId", "subnets", "ipv6Cidr"];

/** The consumer list: `--consumers '<json>'` or an answers file; by default one new VPC per `--consumer-accounts` entry. */
export const consumers = q({
  key: "consumers",
  flag: "--consumers",
  valueName: "json",
  message: 'Consumers, as JSON: [{"account": "…"}, {"account": "…", "vpcId": "vpc-…", "cidr": "…", "subnets": ["subnet-…@<zone ID>"]}]',
  prompt: "input",
  defaultValue: (known): readonly ConsumerAnswer[] =>
    ((known.consumerAccounts as string[] | undefined) ?? []).map((account) => ({ account }) as ConsumerAnswer),
  check: (value, known) => checkConsumerAnswers(value, known),
});

function checkConsumerAnswers(value: unknown, known: Known): ConsumerAnswer[] {
  let list = value;
  if (typeof value === "string") {
    try {
      list = JSON.parse(value);
    } catch {
      throw new BlueprintInputError("consumers", 'is not JSON; expected e.g. [{"account": "111122223333"}]');
    }
  }
  if (!Array.isArray(list)) throw new BlueprintInputError("consumers", `expected a list of consumers, got ${describe(list)}`);
  const region = regionOf(known);
  const providerOnly = known.layout === "provider-only";
  const answers = list.map((entry: unknown, i) => consumerAnswer(entry, i, region, providerOnly));
  checkConsumerIpv6(list, answers, known);
  // One rule for answers and props: the construct's own check, on the props these answers make.
  checkConsumers(answers.map(consumerProps), region, (known.supportedRegions as string[] | undefined) ?? [], "consumers");
  const accounts = (known.consumerAccounts as string[] | undefined) ?? [];
  const listed = answers.map((c) => c.account);
  if (accounts.length > 0 && [...accounts].sort().join() !== [...listed].sort().join()) {
    throw new BlueprintInputError(
      "consumers",
      `lists ${listed.join(", ") || "no account"}, but --consumer-accounts lists ${accounts.join(", ")}; give one of them, or the same accounts in both`,
    );
  }
  return answers;
}

/** An IPv6 block belongs to an existing consumer VPC of a dual-stack service, and every such VPC states one. */
function checkConsumerIpv6(list: unknown[], answers: readonly ConsumerAnswer[], known: Known): void {
  answers.forEach((answer, i) => {
    const given = (list[i] as Record<string, unknown>).ipv6Cidr !== undefined;
    if (given && answer.vpcId === undefined)
      throw new BlueprintInputError(
        `consumers[${i}].ipv6Cidr`,
        'is given without "vpcId"; a new consumer VPC gets an Amazon-provided IPv6 block',
      );
    if (given && !isDualStack(known))
      throw new BlueprintInputError(
        `consumers[${i}].ipv6Cidr`,
        "is given, but the service is not dual-stack; pass --ip-address-type dualstack, or drop it",
      );
    if (!given && answer.vpcId !== undefined && isDualStack(known))
      throw new BlueprintInputError(
        `consumers[${i}].ipv6Cidr`,
        'is missing; a dual-stack consumer in an existing VPC needs the VPC\'s IPv6 block (its subnets need IPv6 blocks too), e.g. "ipv6Cidr": "2600:1f18:4f2:c100::/56"',
      );
  });
}

/** New consumer VPCs get 10.<n>.0.0/16 in order, n from 1: this many consumers at most get a default. */
export const DEFAULT_CONSUMER_CIDRS = 255;

function consumerAnswer(entry: unknown, i: number, region: string, providerOnly: boolean): ConsumerAnswer {
  const at = `consumers[${i}]`;
  if (entry === null || typeof entry !== "object" || Array.isArray(entry))
    throw new BlueprintInputError(at, `expected an object such as {"account": "111122223333"}, got ${describe(entry)}`);
  const raw = entry as Record<string, unknown>;
  const unknown = Object.keys(raw).find((k) => !CONSUMER_KEYS.includes(k));
  if (unknown !== undefined)
    throw new BlueprintInputError(`${at}.${unknown}`, `is not a consumer setting; expected ${CONSUMER_KEYS.join(", ")}`);
  const account = checkAccountId(raw.account, `${at}.account`);
  // The consumer's own region is checked here, so that its errors name consumers[i].region, not --region.
  if (raw.region !== undefined && typeof raw.region !== "string")
    throw new BlueprintInputError(`${at}.region`, `expected a region name such as eu-west-2, got ${describe(raw.region)}`);
  const own =
    raw.region !== undefined && raw.region !== region
      ? checkSamePartition(raw.region, `${at}.region`, regionInfo(region).partition)
      : undefined;
  if (own !== undefined) zoneIdsOf(own, `${at}.region`);
  if (raw.vpcId !== undefined) {
    const subnets = toList(raw.subnets ?? [], `${at}.subnets`);
    for (const [j, s] of subnets.entries()) parseZonedSubnet(s, `${at}.subnets[${j}]`);
    const ipv6 = raw.ipv6Cidr === undefined ? {} : { ipv6Cidr: checkIpv6Cidr(raw.ipv6Cidr, `${at}.ipv6Cidr`) };
    return { account, ...(own ? { region: own } : {}), vpcId: raw.vpcId as string, cidr: raw.cidr as string, subnets, ...ipv6 };
  }
  const zones = raw.availabilityZoneIds === undefined ? undefined : toList(raw.availabilityZoneIds, `${at}.availabilityZoneIds`);
  // Provider only: the consumers bring their own VPCs, so none is allocated past the defaults' range (those in it keep theirs).
  if (providerOnly && raw.cidr === undefined && zones === undefined && i >= DEFAULT_CONSUMER_CIDRS)
    return { account, ...(own ? { region: own } : {}) };
  if (raw.cidr === undefined && i >= DEFAULT_CONSUMER_CIDRS)
    throw new BlueprintInputError(
      `${at}.cidr`,
      `is not given, and the default CIDRs of new consumer VPCs (10.1.0.0/16 to 10.${DEFAULT_CONSUMER_CIDRS}.0.0/16, one per consumer in order) are used up: at most ${DEFAULT_CONSUMER_CIDRS} consumers get one; give consumer ${i + 1} and those after it a "cidr" in --consumers or an answers file (e.g. {"account": "${account}", "cidr": "172.16.0.0/16"}), or an existing VPC ("vpcId"), or choose --layout provider-only (no consumer VPCs)`,
    );
  return {
    account,
    ...(own ? { region: own } : {}),
    cidr: (raw.cidr as string | undefined) ?? `10.${i + 1}.0.0/16`,
    availabilityZoneIds: zones ?? defaultZoneIds(own ?? region, 2, `${at}.availabilityZoneIds`),
  };
}

/** The props of a consumer (`ConsumerProps`) from its answer. */
export function consumerProps(answer: ConsumerAnswer): ConsumerProps {
  const { account, subnets, ...rest } = answer;
  return {
    accountId: account,
    ...rest,
    ...(subnets ? { subnets: subnets.map((s, j) => parseZonedSubnet(s, `subnets[${j}]`)) } : {}),
  };
}

export const proxyProtocol = q({
  key: "proxyProtocol",
  flag: "--proxy-protocol",
  valueName: "on|off",
  message: "Send a proxy protocol v2 header to the targets (they must expect it)",
  prompt: "select",
  defaultValue: () => false,
  check: (value) => {
    if (typeof value === "boolean") return value;
    if (value === "on" || value === "true") return true;
    if (value === "off" || value === "false") return false;
    throw new BlueprintInputError("proxyProtocol", `expected on or off, got ${describe(value)}`);
  },
  choices: () => [
    { value: "off", name: "Off (the targets see the NLB's connection)" },
    { value: "on", name: "On (proxy protocol v2: the targets see the consumer's endpoint address and ID)" },
  ],
});

/** The provider VPC's questions, with zones as zone IDs only (`defaultZoneIds`) and subnets as `subnet-…@<zone ID>`. */
export function providerVpcQuestions(): Question[] {
  return vpcQuestions({ existing: true, zoneIds: true }).map((question) => {
    if (question.key === "availabilityZones") {
      return {
        ...question,
        message: "Zone IDs of the new VPC (2 or more: the same zones in every account)",
        hint: (known: Known) => `in ${regionOf(known)}, e.g. ${zoneExample(regionOf(known))}`,
        defaultValue: (known: Known) => defaultZoneIds(regionOf(known), 2, "availabilityZones"),
        check: (value: unknown, known: Known) => checkZoneIds(toList(value, "availabilityZones"), regionOf(known), "availabilityZones"),
      };
    }
    if (question.key === "subnets") {
      return {
        ...question,
        valueName: "subnet-id@zone-id,...",
        message: "Subnets of the existing VPC, one per zone, as subnet-id@zone-id",
        check: (value: unknown, known: Known) => {
          const entries = toList(value, "subnets");
          const subnets = entries.map((e, i) => parseZonedSubnet(e, `subnets[${i}]`));
          for (const [i, s] of subnets.entries()) checkResourceId(s.id, `subnets[${i}]`, "subnet");
          checkDistinct(
            subnets.map((s) => s.id),
            "subnets",
          );
          checkZoneIds(
            subnets.map((s) => s.availabilityZoneId),
            regionOf(known),
            "subnets",
          );
          return entries;
        },
      };
    }
    return question;
  });
}
