import { manifest } from "../../../blueprints/endpoint-service/v2/manifest";
import { parseZonedSubnet } from "../../../blueprints/lib/zoned-vpc";
import { backendQuestions, projectName, providerRoleArn, region, tags } from "../../answers/common-questions";
import { ipAddressTypeProp } from "../../answers/dual-stack-questions";
import { type StackSpec, sharedList } from "../../stack-spec";
import { defineBlueprint } from "../blueprint";
import { BASE_PROP_ANSWERS, baseProps, checkStateKeys, compact } from "../common";
import { consumerAccounts, consumerRoleName, externalId, listenerPort, privateDnsName } from "../privatelink-questions";
import {
  certificateArn,
  hasConsumerStacks,
  hostedZoneId,
  layout,
  listenerProtocol,
  notificationTopicArn,
  supportedRegions,
  targetPort,
  targets,
  targetType,
} from "./questions";
import { describeProviderV2 } from "./v2-describe";
import { consumerProps, consumers, type EndpointServiceV2Answers, providerVpcQuestions, proxyProtocol } from "./v2-questions";

const DIR = "blueprints/endpoint-service/v2";

/** The provider VPC's props (`ZonedVpcProps`): zone IDs for a new one, subnets by zone ID for an existing one. */
function providerVpc(answers: EndpointServiceV2Answers): Record<string, unknown> {
  if (answers.vpc === "existing") {
    const subnets = (answers.subnets ?? []).map((s, i) => parseZonedSubnet(s, `subnets[${i}]`));
    return { vpcId: answers.vpcId, cidr: answers.vpcCidr, subnets, ...(answers.vpcIpv6Cidr ? { ipv6Cidr: answers.vpcIpv6Cidr } : {}) };
  }
  return { cidr: answers.vpcCidr, availabilityZoneIds: answers.availabilityZones };
}

/** Whether consumers turn private DNS on after acceptance: only for a name verified here. */
export const privateDnsStacks = (answers: EndpointServiceV2Answers) => !!(answers.privateDnsName && answers.hostedZoneId);

/**
 * The stacks, in deploy order: provider → consumer-<account> → acceptance → private-dns-<account>.
 * main.ts states the consumer list once (`consumers`); every stack names it.
 */
export const stacksV2 = (answers: EndpointServiceV2Answers): StackSpec[] => providerAndConsumerStacks(answers, DIR);

/** The stacks of v2 and later, from the blueprint folder `module` (they share answers and stack classes). */
export function providerAndConsumerStacks(answers: EndpointServiceV2Answers, module: string): StackSpec[] {
  const list = sharedList("consumers", answers.consumers.map(consumerProps));
  const assumeRole = answers.providerRoleArn ? compact({ roleArn: answers.providerRoleArn, externalId: answers.externalId }) : undefined;
  const provider: StackSpec = {
    id: "provider",
    varName: "provider",
    className: "EndpointServiceStack",
    module,
    props: compact({
      ...baseProps(answers),
      assumeRole,
      vpc: providerVpc(answers),
      consumers: list,
      listener: compact({ protocol: answers.listenerProtocol, port: answers.listenerPort, certificateArn: answers.certificateArn }),
      targets: compact({
        type: answers.targetType,
        port: answers.targetPort,
        ids: answers.targets,
        proxyProtocolV2: answers.proxyProtocol || undefined,
      }),
      privateDnsName: answers.privateDnsName,
      hostedZoneId: answers.hostedZoneId,
      notificationTopicArn: answers.notificationTopicArn,
      supportedRegions: answers.supportedRegions,
      ...ipAddressTypeProp(answers),
    }),
  };
  const withConsumers = answers.layout === "provider-and-consumers" && answers.consumers.length > 0;
  if (!withConsumers) {
    checkStateKeys(answers, 1);
    return [provider];
  }
  const repeat = { values: list.values, prop: "consumer", listName: "consumers", shared: true, key: "accountId" };
  const inConsumerAccount = compact({ ...baseProps(answers), roleName: answers.consumerRoleName, externalId: answers.externalId });
  const specs: StackSpec[] = [
    provider,
    {
      id: "consumer",
      varName: "consumerStacks",
      className: "ConsumerStack",
      module,
      props: compact({
        ...inConsumerAccount,
        port: answers.listenerPort,
        supportedRegions: answers.supportedRegions,
        ...ipAddressTypeProp(answers),
      }),
      refs: { serviceName: { stack: "provider", attribute: "serviceName" } },
      repeat,
    },
    {
      id: "acceptance",
      varName: "acceptance",
      className: "AcceptanceStack",
      module,
      props: compact({ ...baseProps(answers), assumeRole }),
      refs: { serviceId: { stack: "provider", attribute: "serviceId" }, consumers: { stack: "consumer" } },
    },
  ];
  if (privateDnsStacks(answers)) {
    specs.push({
      id: "private-dns",
      varName: "privateDns",
      className: "PrivateDnsStack",
      module,
      props: inConsumerAccount,
      refs: { acceptance: { stack: "acceptance" } },
      repeat,
    });
  }
  checkStateKeys(answers, 2 + answers.consumers.length * (privateDnsStacks(answers) ? 2 : 1));
  return specs;
}

/** A provider-and-consumers layout without consumers: valid, but likely not what was meant. */
export const noConsumerWarning = (answers: EndpointServiceV2Answers): string[] =>
  answers.layout === "provider-and-consumers" && answers.consumers.length === 0
    ? [
        "layout is provider-and-consumers, but no consumer is listed: the project has the provider stack only; list them (--consumers or --consumer-accounts), or pass --layout provider-only",
      ]
    : [];

/** endpoint-service v2: acceptance and private DNS as code, consumers in new or existing VPCs, zone IDs everywhere. */
export const endpointServiceV2 = defineBlueprint<EndpointServiceV2Answers>({
  manifest,
  dirs: [DIR],
  load: () => require("../../../blueprints/endpoint-service/v2"),
  questions: [
    projectName,
    region,
    layout,
    ...providerVpcQuestions(),
    providerRoleArn,
    supportedRegions,
    consumerAccounts({ atLeastOne: false }),
    consumers,
    {
      ...consumerRoleName(hasConsumerStacks),
      when: (known) => hasConsumerStacks(known) && ((known.consumers as unknown[]) ?? []).length > 0,
    },
    externalId,
    listenerProtocol,
    listenerPort,
    certificateArn,
    targetType,
    targetPort,
    targets,
    proxyProtocol,
    privateDnsName,
    hostedZoneId,
    notificationTopicArn,
    ...backendQuestions,
    tags,
  ],
  propAnswers: {
    ...BASE_PROP_ANSWERS,
    "vpc.cidr": "vpcCidr",
    "vpc.availabilityZoneIds": "availabilityZones",
    "vpc.vpcId": "vpcId",
    "vpc.subnets": "subnets",
    consumers: "consumers",
    consumer: "consumers",
    "listener.protocol": "listenerProtocol",
    "listener.port": "listenerPort",
    "listener.certificateArn": "certificateArn",
    "targets.type": "targetType",
    "targets.port": "targetPort",
    "targets.ids": "targets",
    "targets.proxyProtocolV2": "proxyProtocol",
    privateDnsName: "privateDnsName",
    hostedZoneId: "hostedZoneId",
    notificationTopicArn: "notificationTopicArn",
    supportedRegions: "supportedRegions",
    roleName: "consumerRoleName",
    externalId: "externalId",
    port: "listenerPort",
  },
  stacks: stacksV2,
  describe: describeProviderV2,
  warnings: noConsumerWarning,
});
