import { manifest } from "../../../blueprints/endpoint-hub/v2/manifest";
import { withDualStack } from "../../answers/dual-stack-questions";
import { withPipeline } from "../../answers/pipeline-questions";
import type { ProjectDescription } from "../../describe";
import { defineBlueprint } from "../blueprint";
import { describeHub } from "./describe";
import { endpointHubV1 } from "./index";
import { hubServiceNames, spokesToCheck } from "./lookup";
import { hubStacksIn } from "./stacks";
import { type EndpointHubV2Answers, externalAccounts, transitRouteTables } from "./v2-questions";

const DIR = "blueprints/endpoint-hub/v2";

const tablesOf = (answers: EndpointHubV2Answers) =>
  answers.transitRouteTables.length === 2 ? { spokes: answers.transitRouteTables[0], hub: answers.transitRouteTables[1] } : undefined;

/** v1's description, with what v2 changes: isolated spokes, trusted resources on S3, sized subnets, more DNS names. */
function describeHubV2(answers: EndpointHubV2Answers): ProjectDescription {
  const v1 = describeHub(answers);
  const isolated = answers.transitGateway === "new" || tablesOf(answers) !== undefined;
  return {
    ...v1,
    notes: [
      ...v1.notes.map((n) => n.replace(" Spokes route only the hub's range to it, so they do not reach each other.", "")),
      isolated
        ? "Spokes never reach each other through the gateway: each spoke's attachment is associated with a route table that holds only the hub's range, and propagates into the hub's table (the spoke stacks do this with a provider in the hub's account, which owns the gateway)."
        : "The existing gateway's own default route table decides what the attachments reach: give its two route tables (--transit-route-tables spokes,hub) so that spokes reach only the hub.",
      "S3 endpoint policies (the hub's interface endpoint and the spokes' gateways) keep principals to the hub's and spokes' own buckets, and AWS-owned ones: data cannot be copied out to another account's bucket.",
      ...(answers.services.includes("s3")
        ? ["The S3 zones cover access points (*.s3-accesspoint) and S3 Control (<account>.s3-control) too, as S3's own private DNS does."]
        : []),
      ...(answers.ipAddressType === "dualstack"
        ? [
            "Dual-stack: the hub VPC gets an Amazon-provided IPv6 block; endpoints of services AWS lists with IPv6 get IPv6 addresses, and their zones answer AAAA as well as A (check with dig AAAA from a spoke); the gateway attachments carry IPv6, each spoke's block is routed to the hub and the hub's to each spoke, and the endpoints admit the hub's and spokes' IPv6 blocks only. Spokes that keep an existing attachment need its IPv6 support on (aws ec2 modify-transit-gateway-vpc-attachment --options Ipv6Support=enable). The Resolver endpoint stays IPv4.",
          ]
        : []),
      ...(answers.resolverInbound.length > 0
        ? [
            "The Resolver endpoint's security group names its sources, so AWS tracks each DNS connection: at high query rates per address, allow all traffic in and out of that group instead (untracked), as the Route 53 Resolver guide describes.",
          ]
        : []),
    ],
  };
}

/**
 * endpoint-hub v2: v1's answers, plus the gateway's route tables for an existing one and the accounts
 * outside the organization; spokes isolated by route tables, S3 trusted resources, sized subnets, the
 * Resolver's egress rules, S3 access point and control zones, required_version.
 */
export const endpointHubV2 = defineBlueprint<EndpointHubV2Answers>({
  manifest,
  dirs: [DIR],
  load: () => require("../../../blueprints/endpoint-hub/v2"),
  questions: withPipeline(
    withDualStack(
      endpointHubV1.questions.flatMap((question) =>
        question.key === "spokeSharing"
          ? [question, externalAccounts]
          : question.key === "transitGateway"
            ? [question, transitRouteTables]
            : [question],
      ),
      "availabilityZones",
    ),
  ),
  propAnswers: {
    ...endpointHubV1.propAnswers,
    ipAddressType: "ipAddressType",
    transitRouteTables: "transitRouteTables",
    "transitRouteTables.spokes": "transitRouteTables",
    "transitRouteTables.hub": "transitRouteTables",
  },
  stacks: (answers) =>
    hubStacksIn(answers, DIR, {
      routeTables: true,
      transitRouteTables: tablesOf(answers),
      externalAccounts: answers.externalAccounts,
      dualStack: answers.ipAddressType === "dualstack",
    }),
  lookupServices: hubServiceNames,
  lookupVpcs: spokesToCheck,
  describe: describeHubV2,
});
