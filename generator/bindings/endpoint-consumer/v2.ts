import { manifest } from "../../../blueprints/endpoint-consumer/v2/manifest";
import { DUAL_STACK_PROP_ANSWERS, ipAddressTypeProp, withDualStack } from "../../answers/dual-stack-questions";
import type { ProjectDescription } from "../../describe";
import type { StackSpec } from "../../stack-spec";
import { defineBlueprint } from "../blueprint";
import { baseProps, checkStateKeys, compact, deployCommand } from "../common";
import { describeConsumers } from "./describe";
import { endpointConsumerV1 } from "./index";
import type { EndpointConsumerAnswers } from "./questions";

const DIR = "blueprints/endpoint-consumer/v2";

/** The stacks, in deploy order: consumer-<account>, then (with a private DNS name) private-dns-<account>. */
function stacksV2(answers: EndpointConsumerAnswers): StackSpec[] {
  const inAccount = compact({ ...baseProps(answers), roleName: answers.consumerRoleName, externalId: answers.externalId });
  const repeat = { values: answers.consumerAccounts, prop: "accountId", listName: "consumerAccounts", shared: true };
  const consumers: StackSpec = {
    id: "consumer",
    varName: "consumerStacks",
    className: "EndpointConsumerStack",
    module: DIR,
    props: compact({
      ...inAccount,
      serviceName: answers.serviceName,
      serviceRegion: answers.serviceRegion,
      port: answers.listenerPort,
      vpc: {
        kind: "new",
        cidr: answers.vpcCidr,
        availabilityZones: answers.availabilityZones,
        ...(answers.ipAddressType === "dualstack" ? { dualStack: true } : {}),
      },
      ...ipAddressTypeProp(answers),
    }),
    repeat,
  };
  const withDns = !!answers.privateDnsName;
  checkStateKeys(answers, answers.consumerAccounts.length * (withDns ? 2 : 1));
  if (!withDns) return [consumers];
  return [
    consumers,
    {
      id: "private-dns",
      varName: "privateDns",
      className: "PrivateDnsStack",
      module: DIR,
      props: inAccount,
      refs: { consumers: { stack: "consumer" } },
      repeat,
    },
  ];
}

/** v1's description, with private DNS as its own step after the provider accepts. */
function describeConsumersV2(answers: EndpointConsumerAnswers): ProjectDescription {
  const v1 = describeConsumers(answers);
  const dns = answers.privateDnsName;
  return {
    ...v1,
    stacks: [
      ...v1.stacks.map((s) => ({ ...s, what: s.what.replace("an interface endpoint", "an interface endpoint (private DNS off)") })),
      ...(dns
        ? answers.consumerAccounts.map((a) => ({
            id: `private-dns-${a}`,
            what: `private DNS (${dns}) on ${a}'s endpoint once accepted, as role ${answers.consumerRoleName}`,
          }))
        : []),
    ],
    deploy: [
      `${deployCommand("'consumer-*'")}  # each account's VPC and endpoint, pendingAcceptance`,
      "# the provider accepts the endpoint IDs from the endpoint_id outputs",
      ...(dns ? [`${deployCommand("'private-dns-*'")}  # private DNS (${dns}) on each accepted endpoint`] : []),
    ],
    notes: [
      ...v1.notes,
      ...(answers.ipAddressType === "dualstack"
        ? [
            "Dual-stack: each new VPC gets an Amazon-provided IPv6 block; the endpoint gets IPv6 addresses and AAAA records. The provider's service must offer IPv6 (supported_ip_address_types ipv4 and ipv6), or AWS refuses the endpoint: ask the provider, or check with aws ec2 describe-vpc-endpoint-services.",
          ]
        : []),
      ...(dns
        ? [
            `Endpoints are created with private DNS off: AWS cannot turn it on while a connection is pendingAcceptance. Once the provider has accepted, the private-dns stacks turn it on and own it; ${dns} resolves to the endpoint only then.`,
          ]
        : []),
    ],
  };
}

/** endpoint-consumer v2: v1's answers; private DNS after acceptance, in its own stacks; subnets sized; required_version. */
export const endpointConsumerV2 = defineBlueprint<EndpointConsumerAnswers>({
  manifest,
  dirs: [DIR],
  load: () => require("../../../blueprints/endpoint-consumer/v2"),
  questions: withDualStack(endpointConsumerV1.questions, "availabilityZones"),
  propAnswers: { ...endpointConsumerV1.propAnswers, ...DUAL_STACK_PROP_ANSWERS },
  stacks: stacksV2,
  describe: describeConsumersV2,
});
