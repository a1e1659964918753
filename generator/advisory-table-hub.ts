import { awsService } from "../blueprints/lib/lint/rules-perimeter";
import { usableAddresses } from "../blueprints/lib/subnet-sizing";
import { type Answers, EH, interfaces, listOf } from "./advisory-answers";
import type { Advisory } from "./advisory-table";

/** The known defects of endpoint-hub@1, fixed in @2. */
export const HUB_ADVISORIES: readonly Advisory[] = [
  {
    id: "PL-2026-016",
    blueprint: EH,
    versions: [1],
    summary:
      "a new transit gateway keeps default route table association and propagation: every spoke learns every other spoke's range, and only the spokes' own route tables keep them apart",
    fixedIn: 2,
    rules: ["PL_TGW_SPOKE_ISOLATION"],
    affects: (answers) => (answers.transitGateway ?? "new") === "new",
  },
  {
    id: "PL-2026-017",
    blueprint: EH,
    versions: [1],
    summary:
      "S3 endpoint policies (the hub's interface endpoint and the spokes' gateways) admit your principals to any bucket: data can be copied out to another account's bucket",
    fixedIn: 2,
    rules: ["PL_S3_TRUSTED_RESOURCES"],
    affects: (answers) =>
      interfaces(answers).includes("s3") ||
      (Array.isArray(answers.spokes) && answers.spokes.some((s) => listOf((s as Answers | null)?.gatewayServices).includes("s3"))),
  },
  {
    id: "PL-2026-018",
    blueprint: EH,
    versions: [1],
    summary:
      "the hub's subnets are a sixteenth of its VPC whatever they hold: more endpoints, the gateway attachment and Resolver addresses than a subnet has usable addresses fail at apply",
    fixedIn: 2,
    rules: ["PL_SUBNET_CAPACITY"],
    affects: (answers) => {
      const prefix = Number(String(answers.vpcCidr ?? "10.0.0.0/16").split("/")[1]);
      return interfaces(answers).length + 1 + (listOf(answers.resolverInbound).length > 0 ? 1 : 0) > usableAddresses(prefix + 4);
    },
  },
  {
    id: "PL-2026-019",
    blueprint: EH,
    versions: [1],
    summary:
      "stacks with the S3 backend's use_lockfile state no required_version: Terraform older than 1.10 stops at init, or runs without the lock",
    fixedIn: 2,
    rules: ["PL_LOCKFILE_TERRAFORM_VERSION"],
    affects: (answers) => answers.backend === "s3",
  },
  {
    id: "PL-2026-020",
    blueprint: EH,
    versions: [1],
    summary:
      "an AWS service given by its full name (com.amazonaws.<region>.<service>) gets an endpoint but no private hosted zone: spokes resolve its public name",
    fixedIn: 2,
    rules: [],
    affects: (answers) => interfaces(answers).some((ref) => awsService(ref) !== undefined),
  },
  {
    id: "PL-2026-025",
    blueprint: EH,
    versions: [1],
    summary:
      "a DynamoDB interface endpoint gets a private hosted zone for dynamodb.<region>.amazonaws.com, which AWS's DynamoDB guide says not to create (requests can fall back to public addresses), and the SDKs' account-based endpoints (<account>.ddb.<region>) pass it by",
    fixedIn: 2,
    rules: [],
    affects: (answers) => interfaces(answers).some((ref) => ref === "dynamodb" || awsService(ref)?.service === "dynamodb"),
  },
  {
    id: "PL-2026-021",
    blueprint: EH,
    versions: [1],
    summary:
      "with external sharing, every cross-account spoke accepts the RAM share, but accounts inside the organization get it without an invitation: their accepter fails",
    fixedIn: 2,
    rules: [],
    affects: (answers) => answers.spokeSharing === "external",
  },
];
