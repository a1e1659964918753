import { label, type ProjectDescription } from "../../describe";
import { deployCommand } from "../common";
import { consumerLines } from "../endpoint-service/describe";
import type { EndpointConsumerAnswers } from "./questions";

/** What the README and the closing summary say about an endpoint-consumer project. */
export function describeConsumers(answers: EndpointConsumerAnswers): ProjectDescription {
  return {
    summary: `One interface endpoint per consumer account (${answers.consumerAccounts.length}) to the endpoint service ${answers.serviceName}${answers.serviceRegion ? ` in ${answers.serviceRegion}` : ""}, over PrivateLink.`,
    stacks: answers.consumerAccounts.map((a) => ({
      id: `consumer-${a}`,
      what: `VPC and an interface endpoint, as role ${answers.consumerRoleName} in ${a}`,
    })),
    diagram: ["flowchart LR", `  service[${label(`Endpoint service ${answers.serviceName}`)}]`, ...consumerLines(answers, "service")].join(
      "\n",
    ),
    deploy: [deployCommand("'consumer-*'"), "# then ask the provider to accept the endpoint IDs from the endpoint_id outputs"],
    notes: ["The provider must allow each consumer account and accept its connection before traffic flows."],
    cost: {
      interfaceEndpoints: answers.consumerAccounts.length,
      zones: answers.availabilityZones.length,
      gatewayEndpoints: 0,
      networkLoadBalancers: 0,
      region: answers.region,
    },
  };
}
