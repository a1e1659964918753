import { label, nodeId, type ProjectDescription } from "../../describe";
import { deployCommand } from "../common";
import type { EndpointServiceAnswers } from "./questions";

/** What the README and the closing summary say about an endpoint-service project. */
export function consumerLines(
  answers: { readonly consumerAccounts: readonly string[]; readonly listenerPort: number },
  target: string,
): string[] {
  return answers.consumerAccounts.map(
    (account) =>
      `  ${nodeId(`c_${account}`)}[${label(`Consumer ${account}: interface endpoint, TCP ${answers.listenerPort} from its VPC`)}] -- PrivateLink --> ${target}`,
  );
}

export function describeProvider(answers: EndpointServiceAnswers): ProjectDescription {
  const consumers = answers.layout === "provider-and-consumers" ? answers.consumerAccounts : [];
  const providerAccount = answers.providerRoleArn?.split(":")[4];
  const diagram = [
    "flowchart LR",
    `  subgraph providerAccount[${label(`Provider account${providerAccount ? ` ${providerAccount}` : ""} (${answers.region})`)}]`,
    `    service[${label(`Endpoint service: acceptance required, ${answers.consumerAccounts.length} allowed account(s)`)}] --> nlb[${label(`Internal NLB: ${answers.listenerProtocol} ${answers.listenerPort}, cross-zone`)}]`,
    `    nlb --> targets[${label(`Targets: ${answers.targetType} on ${answers.targetPort}`)}]`,
    "  end",
    ...consumerLines({ ...answers, consumerAccounts: consumers }, "service"),
    ...answers.consumerAccounts
      .filter((a) => !consumers.includes(a))
      .map((a) => `  ${nodeId(`a_${a}`)}[${label(`Allowed account ${a} (deploys its own endpoint)`)}] -. PrivateLink .-> service`),
  ].join("\n");
  return {
    summary: `An internal Network Load Balancer and a VPC endpoint service in the provider account, offered over PrivateLink to ${answers.consumerAccounts.length} consumer account(s)${consumers.length > 0 ? ", each with its own interface endpoint stack" : ""}. Connections need the provider's acceptance; traffic never crosses the internet, and no VPN, NAT gateway or peering is needed.`,
    stacks: [
      {
        id: "provider",
        what: `NLB, target group, listener and endpoint service${answers.providerRoleArn ? ` (as ${answers.providerRoleArn})` : ""}`,
      },
      ...consumers.map((a) => ({
        id: `consumer-${a}`,
        what: `VPC and an interface endpoint to the service, as role ${answers.consumerRoleName} in ${a}`,
      })),
    ],
    diagram,
    deploy:
      consumers.length > 0
        ? [
            deployCommand("provider"),
            deployCommand("'consumer-*'"),
            "# then accept each connection: aws ec2 accept-vpc-endpoint-connections --service-id <service_id> --vpc-endpoint-ids <endpoint_id>",
          ]
        : [deployCommand("provider")],
    notes: [
      "Acceptance is required: each consumer's endpoint stays pendingAcceptance until the provider accepts it (the `service_id` and `endpoint_id` outputs give the IDs).",
      "The NLB's security group does not filter PrivateLink traffic (consumer addresses are unknown and may overlap); allowed principals and acceptance gate it.",
      ...(answers.privateDnsName && !answers.hostedZoneId
        ? [
            `Verify ${answers.privateDnsName}: create the TXT record from the \`private_dns_verification\` output, then run aws ec2 start-vpc-endpoint-service-private-dns-verification.`,
          ]
        : []),
    ],
    cost: {
      interfaceEndpoints: consumers.length,
      zones: answers.availabilityZones.length,
      gatewayEndpoints: 0,
      networkLoadBalancers: 1,
      region: answers.region,
    },
  };
}
