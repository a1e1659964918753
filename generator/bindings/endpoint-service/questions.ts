import { BlueprintInputError } from "../../../blueprints/lib/errors";
import { regionInfo } from "../../../blueprints/lib/partitions";
import {
  checkCertificateArn,
  checkHostedZoneId,
  checkIpTarget,
  checkPort,
  checkSamePartition,
  checkSnsTopicArn,
} from "../../../blueprints/lib/rules";
import { checkDistinct, clip } from "../../../blueprints/lib/validate";
import { toChoice, toList, toNumber, toText } from "../../answers/parse";
import { type Known, q, regionOf } from "../../answers/question";
import type { CommonAnswers, VpcAnswers } from "../../answers/types";

/** How an endpoint-service project is laid out. */
export type Layout = "provider-and-consumers" | "provider-only";

/** The answers of an endpoint-service project. */
export interface EndpointServiceAnswers extends CommonAnswers, VpcAnswers {
  readonly layout: Layout;
  readonly providerRoleArn: string | null;
  readonly consumerAccounts: readonly string[];
  readonly consumerRoleName: string;
  readonly externalId: string | null;
  readonly listenerProtocol: "TCP" | "TLS";
  readonly listenerPort: number;
  readonly certificateArn: string | null;
  readonly targetType: "instance" | "ip";
  readonly targetPort: number;
  readonly targets: readonly string[];
  readonly privateDnsName: string | null;
  readonly hostedZoneId: string | null;
  readonly notificationTopicArn: string | null;
  readonly supportedRegions: readonly string[];
}

const LAYOUTS = ["provider-and-consumers", "provider-only"] as const;

export const layout = q({
  key: "layout",
  flag: "--layout",
  valueName: LAYOUTS.join("|"),
  message: "Stacks to generate",
  prompt: "select",
  defaultValue: () => "provider-and-consumers" as Layout,
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
});

/** Consumer stacks exist only in the provider-and-consumers layout. */
export const hasConsumerStacks = (known: Known) => known.layout === "provider-and-consumers";

export const listenerProtocol = q({
  key: "listenerProtocol",
  flag: "--listener-protocol",
  valueName: "TCP|TLS",
  message: "NLB listener protocol",
  prompt: "select",
  defaultValue: () => "TCP" as "TCP" | "TLS",
  check: (value) => toChoice(value, "listenerProtocol", ["TCP", "TLS"] as const),
  choices: () => [
    { value: "TCP", name: "TCP (TLS passes through to the targets)" },
    { value: "TLS", name: "TLS (terminated at the NLB with an ACM certificate)" },
  ],
});

export const certificateArn = q({
  key: "certificateArn",
  flag: "--certificate-arn",
  valueName: "acm-arn",
  message: "ACM certificate ARN for the TLS listener",
  prompt: "input",
  when: (known) => known.listenerProtocol === "TLS",
  defaultValue: () => null as string | null,
  check: (value, known) => checkCertificateArn(toText(value, "certificateArn", false), "certificateArn", regionOf(known)),
});

export const targetType = q({
  key: "targetType",
  flag: "--target-type",
  valueName: "instance|ip",
  message: "Target type of the NLB",
  prompt: "select",
  defaultValue: () => "instance" as "instance" | "ip",
  check: (value) => toChoice(value, "targetType", ["instance", "ip"] as const),
  choices: () => [
    { value: "instance", name: "EC2 instances, by instance ID" },
    { value: "ip", name: "IP addresses (containers, on-premises, other VPCs)" },
  ],
});

export const targetPort = q({
  key: "targetPort",
  flag: "--target-port",
  valueName: "port",
  message: "Port the targets listen on",
  prompt: "input",
  defaultValue: (known) => (known.listenerPort as number) ?? 443,
  check: (value) => checkPort(toNumber(value), "targetPort"),
});

export const targets = q({
  key: "targets",
  flag: "--targets",
  valueName: "id-or-ip,...",
  message: "Targets to register now (instance IDs or IPs; empty: register later)",
  prompt: "input",
  defaultValue: (): readonly string[] => [],
  check: (value, known) => {
    const list = toList(value, "targets");
    for (const [i, t] of list.entries()) {
      if (known.targetType === "ip") checkIpTarget(t, `targets[${i}]`, known.vpcCidr as string | undefined);
      else if (!/^i-([0-9a-f]{8}|[0-9a-f]{17})$/.test(t))
        throw new BlueprintInputError(`targets[${i}]`, `"${clip(t)}" is not an EC2 instance ID such as i-0123456789abcdef0`);
    }
    checkDistinct(list, "targets");
    return list;
  },
});

export const hostedZoneId = q({
  key: "hostedZoneId",
  flag: "--hosted-zone-id",
  valueName: "zone-id",
  message: "Route 53 public hosted zone of that domain, for the verification TXT record (empty: verify by hand)",
  prompt: "input",
  when: (known) => !!known.privateDnsName,
  defaultValue: () => null as string | null,
  check: (value) => {
    const id = toText(value, "hostedZoneId", true);
    return id === null ? null : checkHostedZoneId(id, "hostedZoneId");
  },
});

export const notificationTopicArn = q({
  key: "notificationTopicArn",
  flag: "--notification-topic",
  valueName: "sns-arn",
  message: "SNS topic for endpoint connection notifications (empty: none)",
  prompt: "input",
  defaultValue: () => null as string | null,
  check: (value, known) => {
    const arn = toText(value, "notificationTopicArn", true);
    return arn === null ? null : checkSnsTopicArn(arn, "notificationTopicArn", regionOf(known));
  },
});

export const supportedRegions = q({
  key: "supportedRegions",
  flag: "--supported-regions",
  valueName: "region,...",
  message: "Other regions consumers may connect from (empty: this region only)",
  prompt: "input",
  defaultValue: (): readonly string[] => [],
  check: (value, known) => {
    const regions = toList(value, "supportedRegions");
    const own = regionInfo(regionOf(known));
    for (const [i, r] of regions.entries()) {
      checkSamePartition(r, `supportedRegions[${i}]`, own.partition);
      if (r === own.region)
        throw new BlueprintInputError(`supportedRegions[${i}]`, `${r} is the service's own region; list only other regions`);
    }
    checkDistinct(regions, "supportedRegions");
    return regions;
  },
});

/** The props of the provider stack, by the answer that sets them. */
export const ENDPOINT_SERVICE_PROP_ANSWERS: Readonly<Record<string, string>> = {
  consumerAccounts: "consumerAccounts",
  allowedPrincipals: "consumerAccounts",
  "listener.protocol": "listenerProtocol",
  "listener.port": "listenerPort",
  "listener.certificateArn": "certificateArn",
  "targets.type": "targetType",
  "targets.port": "targetPort",
  "targets.ids": "targets",
  privateDnsName: "privateDnsName",
  hostedZoneId: "hostedZoneId",
  notificationTopicArn: "notificationTopicArn",
  supportedRegions: "supportedRegions",
};

/** The props of a consumer stack, by the answer that sets them. */
export const ENDPOINT_CONSUMER_PROP_ANSWERS: Readonly<Record<string, string>> = {
  accountId: "consumerAccounts",
  roleName: "consumerRoleName",
  externalId: "externalId",
  serviceName: "serviceName",
  serviceRegion: "serviceRegion",
  port: "listenerPort",
  privateDns: "privateDnsName",
};
