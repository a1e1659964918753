import { label, nodeId, type ProjectDescription } from "../../describe";
import { deployCommand } from "../common";
import type { EndpointServiceV2Answers } from "./v2-questions";

/** The deploy steps, in the order the stacks' references imply; each step's stacks (as `cdktf deploy` globs). */
export function deploySteps(answers: EndpointServiceV2Answers): { readonly stacks: string; readonly what: string }[] {
  const withConsumers = answers.layout === "provider-and-consumers" && answers.consumers.length > 0;
  if (!withConsumers) return [{ stacks: "provider", what: "the NLB and endpoint service" }];
  return [
    { stacks: "provider", what: "the NLB and endpoint service (provider account)" },
    { stacks: "'consumer-*'", what: "each consumer's VPC and endpoint, pendingAcceptance (consumer accounts)" },
    { stacks: "acceptance", what: "one accepter per listed consumer (provider account)" },
    ...(answers.privateDnsName && answers.hostedZoneId
      ? [{ stacks: "'private-dns-*'", what: `private DNS (${answers.privateDnsName}) on each accepted endpoint (consumer accounts)` }]
      : []),
  ];
}

/** What the README and the closing summary say about an endpoint-service v2 project. */
export function describeProviderV2(answers: EndpointServiceV2Answers): ProjectDescription {
  const steps = deploySteps(answers);
  const stacked = steps.length > 1 ? answers.consumers : [];
  const dns = steps.some((s) => s.stacks.includes("private-dns"));
  const providerAccount = answers.providerRoleArn?.split(":")[4];
  const diagram = [
    "flowchart LR",
    `  subgraph providerAccount[${label(`Provider account${providerAccount ? ` ${providerAccount}` : ""} (${answers.region})`)}]`,
    `    service[${label(`Endpoint service: acceptance required, ${answers.consumers.length} allowed account(s)`)}] --> nlb[${label(`Internal NLB: ${answers.listenerProtocol} ${answers.listenerPort}, cross-zone`)}]`,
    `    nlb --> targets[${label(`Targets: ${answers.targetType} on ${answers.targetPort}${answers.proxyProtocol ? ", proxy protocol v2" : ""}`)}]`,
    ...(stacked.length > 0 ? [`    acceptance[${label("Acceptance: one accepter per consumer")}] -. accepts .-> service`] : []),
    "  end",
    ...stacked.map(
      (c) =>
        `  ${nodeId(`c_${c.account}`)}[${label(`Consumer ${c.account}${c.region ? ` (${c.region})` : ""}: endpoint in ${c.vpcId ? `existing ${c.vpcId}` : `new VPC ${c.cidr}`}`)}] -- PrivateLink --> service`,
    ),
    ...(steps.length > 1
      ? []
      : answers.consumers.map(
          (c) =>
            `  ${nodeId(`a_${c.account}`)}[${label(`Allowed account ${c.account} (deploys its own endpoint)`)}] -. PrivateLink .-> service`,
        )),
  ].join("\n");
  const service = "<service_id>";
  return {
    summary: `An internal Network Load Balancer and a VPC endpoint service in the provider account, offered over PrivateLink to ${answers.consumers.length} consumer account(s)${stacked.length > 0 ? `, each with its own interface endpoint stack, accepted as code by the acceptance stack${dns ? " and given private DNS after acceptance" : ""}` : ""}. Traffic never crosses the internet, and no VPN, NAT gateway or peering is needed.`,
    stacks: [
      {
        id: "provider",
        what: `NLB, target group, listener and endpoint service${answers.providerRoleArn ? ` (as ${answers.providerRoleArn})` : ""}`,
      },
      ...stacked.map((c) => ({
        id: `consumer-${c.account}`,
        what: `${c.vpcId ? `existing VPC ${c.vpcId}` : `new VPC ${c.cidr}`}${c.region ? ` in ${c.region}` : ""} and an interface endpoint (private DNS off), as role ${answers.consumerRoleName} in ${c.account}`,
      })),
      ...(stacked.length > 0
        ? [{ id: "acceptance", what: "an aws_vpc_endpoint_connection_accepter per consumer endpoint, in the provider account" }]
        : []),
      ...(dns
        ? stacked.map((c) => ({
            id: `private-dns-${c.account}`,
            what: `private DNS on ${c.account}'s accepted endpoint, as role ${answers.consumerRoleName}`,
          }))
        : []),
    ],
    diagram,
    deploy: steps.map((s) => `${deployCommand(s.stacks)}  # ${s.what}`),
    notes: [
      stacked.length > 0
        ? "Acceptance is code: the acceptance stack accepts exactly the endpoints of the listed consumers (it reads their endpoint IDs from the consumer stacks), so deploy it after the consumer stacks."
        : "Acceptance is required: each consumer's endpoint stays pendingAcceptance until you accept it: aws ec2 accept-vpc-endpoint-connections --service-id <service_id> --vpc-endpoint-ids <endpoint_id>.",
      `Removing a consumer from the list removes its principal${stacked.length > 0 ? ", its stacks and its accepter" : ""}, but removing a principal does not reject a connection that is already accepted (hashicorp/terraform-provider-aws#37260). Reject it: aws ec2 reject-vpc-endpoint-connections --service-id ${service} --vpc-endpoint-ids <endpoint_id> (aws ec2 describe-vpc-endpoint-connections --filters Name=service-id,Values=${service} lists them).`,
      "The NLB's security group does not filter PrivateLink traffic (consumer addresses are unknown and may overlap); allowed principals and acceptance gate it.",
      ...(dns
        ? [
            `Consumer endpoints are created with private DNS off and turned on by the private-dns stacks after acceptance: ${answers.privateDnsName} resolves to the endpoint only then.`,
          ]
        : []),
      ...(answers.privateDnsName && !answers.hostedZoneId
        ? [
            `Verify ${answers.privateDnsName}: create the TXT record from the \`private_dns_verification\` output, then run aws ec2 start-vpc-endpoint-service-private-dns-verification; consumers then turn private DNS on themselves (aws ec2 modify-vpc-endpoint --private-dns-enabled).`,
          ]
        : []),
      ...(answers.proxyProtocol ? ["Proxy protocol v2 is on: the targets must parse the header, or every connection fails."] : []),
    ],
    cost: {
      interfaceEndpoints: stacked.length,
      zones: 2,
      gatewayEndpoints: 0,
      networkLoadBalancers: 1,
      region: answers.region,
    },
  };
}
