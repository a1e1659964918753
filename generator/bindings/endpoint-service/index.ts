import { manifest } from "../../../blueprints/endpoint-service/v1/manifest";
import { backendQuestions, projectName, providerRoleArn, region, tags, vpcQuestions } from "../../answers/common-questions";
import type { StackSpec } from "../../stack-spec";
import { defineBlueprint } from "../blueprint";
import { BASE_PROP_ANSWERS, baseProps, checkStateKeys, compact, VPC_PROP_ANSWERS, vpcProps } from "../common";
import { CONSUMER_DIR, consumerSpec } from "../endpoint-consumer/stacks";
import { consumerAccounts, consumerRoleName, externalId, listenerPort, privateDnsName } from "../privatelink-questions";
import { describeProvider } from "./describe";
import {
  certificateArn,
  ENDPOINT_CONSUMER_PROP_ANSWERS,
  ENDPOINT_SERVICE_PROP_ANSWERS,
  type EndpointServiceAnswers,
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

const SERVICE_DIR = "blueprints/endpoint-service/v1";

function providerStacks(answers: EndpointServiceAnswers): StackSpec[] {
  const provider: StackSpec = {
    id: "provider",
    varName: "provider",
    className: "EndpointServiceStack",
    module: SERVICE_DIR,
    props: compact({
      ...baseProps(answers),
      assumeRole: answers.providerRoleArn ? compact({ roleArn: answers.providerRoleArn, externalId: answers.externalId }) : undefined,
      vpc: vpcProps(answers),
      consumerAccounts: answers.consumerAccounts,
      listener: compact({ protocol: answers.listenerProtocol, port: answers.listenerPort, certificateArn: answers.certificateArn }),
      targets: compact({ type: answers.targetType, port: answers.targetPort, ids: answers.targets }),
      privateDnsName: answers.privateDnsName,
      hostedZoneId: answers.hostedZoneId,
      notificationTopicArn: answers.notificationTopicArn,
      supportedRegions: answers.supportedRegions,
    }),
  };
  const withConsumers = answers.layout === "provider-and-consumers" && answers.consumerAccounts.length > 0;
  const specs = withConsumers
    ? [provider, consumerSpec(answers, { privateDns: !!(answers.privateDnsName && answers.hostedZoneId) })]
    : [provider];
  checkStateKeys(answers, withConsumers ? 1 + answers.consumerAccounts.length : 1);
  return specs;
}

/** endpoint-service v1: the provider stack, and one consumer stack per account when asked. */
export const endpointServiceV1 = defineBlueprint<EndpointServiceAnswers>({
  manifest,
  dirs: [SERVICE_DIR, CONSUMER_DIR],
  load: () => ({ ...require("../../../blueprints/endpoint-service/v1"), ...require("../../../blueprints/endpoint-consumer/v1") }),
  questions: [
    projectName,
    region,
    layout,
    ...vpcQuestions({ existing: true, zoneIds: true }),
    providerRoleArn,
    consumerAccounts({ atLeastOne: false }),
    consumerRoleName(hasConsumerStacks),
    externalId,
    listenerProtocol,
    listenerPort,
    certificateArn,
    targetType,
    targetPort,
    targets,
    privateDnsName,
    hostedZoneId,
    notificationTopicArn,
    supportedRegions,
    ...backendQuestions,
    tags,
  ],
  propAnswers: { ...BASE_PROP_ANSWERS, ...VPC_PROP_ANSWERS, ...ENDPOINT_SERVICE_PROP_ANSWERS, ...ENDPOINT_CONSUMER_PROP_ANSWERS },
  stacks: providerStacks,
  describe: describeProvider,
});
