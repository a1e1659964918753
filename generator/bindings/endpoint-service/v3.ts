import { manifest } from "../../../blueprints/endpoint-service/v3/manifest";
import { CROSS_REGION_PERMISSION } from "../../../blueprints/lib/facts/privatelink-names";
import { DUAL_STACK_PROP_ANSWERS, withDualStack } from "../../answers/dual-stack-questions";
import { withPipeline } from "../../answers/pipeline-questions";
import type { ProjectDescription } from "../../describe";
import { defineBlueprint } from "../blueprint";
import { endpointServiceV2, noConsumerWarning, providerAndConsumerStacks } from "./v2";
import { describeProviderV2 } from "./v2-describe";
import type { EndpointServiceV2Answers } from "./v2-questions";

const DIR = "blueprints/endpoint-service/v3";

/** v2's description, with what v3 changes for the second apply and for cross-region deploys. */
function describeProviderV3(answers: EndpointServiceV2Answers): ProjectDescription {
  const v2 = describeProviderV2(answers);
  const crossRegion = (answers.supportedRegions ?? []).some((r) => r !== answers.region);
  return {
    ...v2,
    notes: [
      ...v2.notes,
      "Each attribute has one owner, so a plan after a successful apply is empty: consumer endpoints leave private_dns_enabled out (created off; the private-dns stacks own it), and supported_regions states the service's own region, as AWS reports it.",
      ...(crossRegion
        ? [
            `Cross-region: the roles that deploy the provider stack and the consumer stacks in other regions need ${CROSS_REGION_PERMISSION} besides the ec2 VPC endpoint actions; without it AWS refuses supported_regions (${(answers.supportedRegions ?? []).join(", ")}) and service_region.`,
          ]
        : []),
      ...(answers.ipAddressType === "dualstack"
        ? [
            "Dual-stack: the NLB is dual-stack and the endpoint service offers ipv4 and ipv6 (supported_ip_address_types); new VPCs get an Amazon-provided IPv6 block, existing ones are admitted by the IPv6 block they state (their subnets need IPv6 blocks); consumer endpoints get IPv6 addresses and AAAA records. Targets stay IPv4: the NLB translates.",
          ]
        : []),
    ],
  };
}

/**
 * endpoint-service v3: v2's answers and stacks, with the second apply fixed: no attribute managed in
 * two places (private DNS), supported_regions stating the home region, `required_version` on every
 * stack (the S3 backend's use_lockfile needs Terraform 1.10), subnets sized for what they hold.
 */
export const endpointServiceV3 = defineBlueprint<EndpointServiceV2Answers>({
  manifest,
  questions: withPipeline(withDualStack(endpointServiceV2.questions, "subnets")),
  propAnswers: { ...endpointServiceV2.propAnswers, ...DUAL_STACK_PROP_ANSWERS },
  warnings: noConsumerWarning,
  dirs: [DIR],
  load: () => require("../../../blueprints/endpoint-service/v3"),
  stacks: (answers) => providerAndConsumerStacks(answers, DIR),
  describe: describeProviderV3,
});
