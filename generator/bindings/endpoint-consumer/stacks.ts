import type { StackSpec } from "../../stack-spec";
import { baseProps, compact } from "../common";
import type { EndpointConsumerAnswers } from "./questions";

export const CONSUMER_DIR = "blueprints/endpoint-consumer/v1";

/** What a consumer stack needs of the answers (endpoint-service and endpoint-consumer both make them). */
export type ConsumerAnswers = Omit<EndpointConsumerAnswers, "serviceName" | "serviceRegion" | "privateDnsName">;

/** Consumer stacks, one per account, in a loop in main.ts. */
export function consumerSpec(
  answers: ConsumerAnswers,
  service: { serviceName?: string; serviceRegion?: string | null; privateDns: boolean },
): StackSpec {
  return {
    id: "consumer",
    varName: "consumer",
    className: "EndpointConsumerStack",
    module: CONSUMER_DIR,
    props: compact({
      ...baseProps(answers),
      roleName: answers.consumerRoleName,
      externalId: answers.externalId,
      serviceName: service.serviceName,
      serviceRegion: service.serviceRegion,
      port: answers.listenerPort,
      vpc: { kind: "new", cidr: answers.vpcCidr, availabilityZones: answers.availabilityZones },
      privateDns: service.privateDns,
    }),
    ...(service.serviceName === undefined ? { refs: { serviceName: { stack: "provider", attribute: "serviceName" } } } : {}),
    repeat: { values: answers.consumerAccounts, prop: "accountId", listName: "consumerAccounts" },
  };
}
