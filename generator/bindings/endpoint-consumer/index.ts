import { manifest } from "../../../blueprints/endpoint-consumer/v1/manifest";
import { backendQuestions, projectName, region, tags, vpcQuestions } from "../../answers/common-questions";
import { defineBlueprint } from "../blueprint";
import { BASE_PROP_ANSWERS, checkStateKeys, VPC_PROP_ANSWERS } from "../common";
import { ENDPOINT_CONSUMER_PROP_ANSWERS } from "../endpoint-service/questions";
import { consumerAccounts, consumerRoleName, externalId, listenerPort, privateDnsName } from "../privatelink-questions";
import { describeConsumers } from "./describe";
import { type EndpointConsumerAnswers, serviceName, serviceRegion } from "./questions";
import { CONSUMER_DIR, consumerSpec } from "./stacks";

/** endpoint-consumer v1: consumer stacks only, to another team's service. */
export const endpointConsumerV1 = defineBlueprint<EndpointConsumerAnswers>({
  manifest,
  dirs: [CONSUMER_DIR],
  load: () => require("../../../blueprints/endpoint-consumer/v1"),
  questions: [
    projectName,
    region,
    serviceName,
    serviceRegion,
    ...vpcQuestions({ existing: false, zoneIds: true }),
    consumerAccounts({ atLeastOne: true }),
    consumerRoleName(() => true),
    externalId,
    listenerPort,
    privateDnsName,
    ...backendQuestions,
    tags,
  ],
  propAnswers: { ...BASE_PROP_ANSWERS, ...VPC_PROP_ANSWERS, ...ENDPOINT_CONSUMER_PROP_ANSWERS },
  stacks: (answers) => {
    checkStateKeys(answers, answers.consumerAccounts.length);
    return [
      consumerSpec(answers, {
        serviceName: answers.serviceName ?? "",
        serviceRegion: answers.serviceRegion,
        privateDns: !!answers.privateDnsName,
      }),
    ];
  },
  describe: describeConsumers,
});
