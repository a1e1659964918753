import { manifest as consumerManifest } from "../../blueprints/endpoint-consumer/v1/manifest";
import { manifest } from "../../blueprints/endpoint-service/v1/manifest";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { clip } from "../../blueprints/lib/validate";
import type { Answers } from "../answers/types";
import { label, nodeId, type ProjectDescription } from "../describe";
import type { BlueprintEntry } from "../registry";
import type { StackSpec } from "../stack-spec";
import { baseProps, compact, vpcProps } from "./common";

const SERVICE_DIR = "blueprints/endpoint-service/v1";
const CONSUMER_DIR = "blueprints/endpoint-consumer/v1";

/** Consumer stacks, one per account, in a loop in main.ts. */
function consumerSpec(answers: Answers, service: { serviceName?: string; serviceRegion?: string | null; privateDns: boolean }): StackSpec {
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

function checkStateKeys(answers: Answers, stackCount: number): void {
  if (answers.backend === "s3" && stackCount > 1 && !(answers.backendKey ?? "").includes("{stack}")) {
    throw new BlueprintInputError(
      "backendKey",
      `"${clip(answers.backendKey ?? "")}" would hold the state of all ${stackCount} stacks; expected a key with {stack} in it, e.g. ${answers.projectName}/{stack}.tfstate`,
    );
  }
}

function providerStacks(answers: Answers): StackSpec[] {
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

function consumerStacks(answers: Answers): StackSpec[] {
  checkStateKeys(answers, answers.consumerAccounts.length);
  return [
    consumerSpec(answers, {
      serviceName: answers.serviceName ?? "",
      serviceRegion: answers.serviceRegion,
      privateDns: !!answers.privateDnsName,
    }),
  ];
}

function consumerLines(answers: Answers, target: string): string[] {
  return answers.consumerAccounts.map(
    (account) =>
      `  ${nodeId(`c_${account}`)}[${label(`Consumer ${account}: interface endpoint, TCP ${answers.listenerPort} from its VPC`)}] -- PrivateLink --> ${target}`,
  );
}

function describeProvider(answers: Answers): ProjectDescription {
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
            "npx cdktf deploy provider",
            "npx cdktf deploy 'consumer-*'",
            "# then accept each connection: aws ec2 accept-vpc-endpoint-connections --service-id <service_id> --vpc-endpoint-ids <endpoint_id>",
          ]
        : ["npx cdktf deploy provider"],
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

function describeConsumers(answers: Answers): ProjectDescription {
  return {
    summary: `One interface endpoint per consumer account (${answers.consumerAccounts.length}) to the endpoint service ${answers.serviceName}${answers.serviceRegion ? ` in ${answers.serviceRegion}` : ""}, over PrivateLink.`,
    stacks: answers.consumerAccounts.map((a) => ({
      id: `consumer-${a}`,
      what: `VPC and an interface endpoint, as role ${answers.consumerRoleName} in ${a}`,
    })),
    diagram: ["flowchart LR", `  service[${label(`Endpoint service ${answers.serviceName}`)}]`, ...consumerLines(answers, "service")].join(
      "\n",
    ),
    deploy: ["npx cdktf deploy 'consumer-*'", "# then ask the provider to accept the endpoint IDs from the endpoint_id outputs"],
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

/** endpoint-service v1: the provider stack, and one consumer stack per account when asked. */
export const endpointServiceV1: BlueprintEntry = {
  manifest,
  dirs: [SERVICE_DIR, CONSUMER_DIR],
  load: () => ({ ...require("../../blueprints/endpoint-service/v1"), ...require("../../blueprints/endpoint-consumer/v1") }),
  stacks: providerStacks,
  describe: describeProvider,
};

/** endpoint-consumer v1: consumer stacks only, to another team's service. */
export const endpointConsumerV1: BlueprintEntry = {
  manifest: consumerManifest,
  dirs: [CONSUMER_DIR],
  load: () => require("../../blueprints/endpoint-consumer/v1"),
  stacks: consumerStacks,
  describe: describeConsumers,
};
