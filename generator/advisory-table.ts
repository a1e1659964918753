import { isEndpointServiceName } from "../blueprints/lib/service-names";
import { usableAddresses } from "../blueprints/lib/subnet-sizing";
import { type Answers, consumerObjects, ES, hasInterface, interfaces, listOf, newVpcByZoneName, SE } from "./advisory-answers";
import { HUB_ADVISORIES } from "./advisory-table-hub";

export type { Answers } from "./advisory-answers";

/**
 * Known defects of released blueprint versions, like `npm audit`'s advisories:
 * a released version never changes (its output is frozen), so a defect is
 * fixed in a newer version and reported here for projects still on the old
 * one. `check` lists them; `upgrade` is the fix.
 */
export interface Advisory {
  /** Stable ID, `PL-<year>-<nnn>`. */
  readonly id: string;
  readonly blueprint: string;
  /** Released versions that have the defect. */
  readonly versions: readonly number[];
  /** What goes wrong, in one line a user recognizes. */
  readonly summary: string;
  /** The first version without it. */
  readonly fixedIn: number;
  /** The lint rules that find it in synthesized JSON; none when the lint cannot see it. */
  readonly rules: readonly string[];
  /**
   * Whether a project with these recorded answers has the defect (`check` reports it,
   * and a new project starts with its suppressions). @default every project of the version
   */
  readonly affects?: (answers: Answers) => boolean;
}

export const ADVISORIES: readonly Advisory[] = [
  ...HUB_ADVISORIES,
  {
    id: "PL-2026-001",
    blueprint: SE,
    versions: [1, 2],
    summary:
      "the S3 endpoint policy blocks ECR image layer downloads, Amazon Linux repositories and SSM Agent buckets (AWS-owned buckets), and AWS services acting for you",
    fixedIn: 3,
    rules: ["PL_S3_AWS_OWNED_READS"],
    affects: (answers) => hasInterface("s3")(answers) || listOf(answers.gatewayServices).includes("s3"),
  },
  {
    id: "PL-2026-002",
    blueprint: SE,
    versions: [1, 2],
    summary: "the STS endpoint policy blocks web-identity and SAML federation into your roles (IRSA, CI OIDC, SAML sign-in)",
    fixedIn: 3,
    rules: ["PL_STS_FEDERATION"],
    affects: hasInterface("sts"),
  },
  {
    id: "PL-2026-003",
    blueprint: SE,
    versions: [1, 2],
    summary:
      "the execute-api endpoint policy blocks unsigned calls to your private APIs, and lets your principals call other accounts' APIs",
    fixedIn: 3,
    rules: ["PL_EXECUTE_API_UNSIGNED"],
    affects: hasInterface("execute-api"),
  },
  {
    id: "PL-2026-004",
    blueprint: SE,
    versions: [1, 2],
    summary: "an endpoint to an endpoint service (vpce-svc-…) gets an endpoint policy, which AWS refuses at apply",
    fixedIn: 3,
    rules: ["PL_ENDPOINT_SERVICE_POLICY"],
    affects: (answers) => interfaces(answers).some(isEndpointServiceName),
  },
  {
    id: "PL-2026-005",
    blueprint: SE,
    versions: [1, 2],
    summary:
      "the default zones are names (<region>a, <region>b): they may not exist for newer accounts (us-west-1) and mean different zones in each account where names are mapped per account",
    fixedIn: 3,
    rules: ["PL_ZONE_NAMES"],
    affects: newVpcByZoneName,
  },
  {
    id: "PL-2026-006",
    blueprint: SE,
    versions: [1, 2],
    summary: "the DynamoDB interface endpoint asks for private DNS, which DynamoDB's interface endpoints do not offer",
    fixedIn: 3,
    rules: ["PL_DYNAMODB_PRIVATE_DNS"],
    // a full service name is a custom service to v1 and v2, which gets no private DNS
    affects: (answers) => interfaces(answers).includes("dynamodb"),
  },
  {
    id: "PL-2026-024",
    blueprint: SE,
    versions: [1, 2],
    summary:
      "the S3 endpoints admit only your principals but any bucket: your principals (or stolen credentials) can copy data out to another account's bucket",
    fixedIn: 3,
    rules: ["PL_S3_TRUSTED_RESOURCES"],
    // an S3 endpoint that allows writes: a read-only s3 (v2) allows none
    affects: (answers) =>
      (listOf(answers.gatewayServices).includes("s3") || hasInterface("s3")(answers)) && !listOf(answers.readOnlyServices).includes("s3"),
  },
  {
    id: "PL-2026-007",
    blueprint: SE,
    versions: [1, 2],
    summary:
      "in cn-northwest-1, the Polly interface endpoint is named com.amazonaws.cn-northwest-1.polly; AWS names it cn.com.amazonaws.cn-northwest-1.polly",
    fixedIn: 3,
    // Service names are not something the lint can check against AWS: `check` reports it.
    rules: [],
    // the one catalog service whose China name v3 corrects (blueprints/lib/facts/china-prefixes.ts)
    affects: (answers) => answers.region === "cn-northwest-1" && interfaces(answers).includes("polly"),
  },
  {
    id: "PL-2026-008",
    blueprint: ES,
    versions: [1, 2],
    summary:
      "supported_regions leaves out the service's own region, which AWS always reports: every plan after the first apply tries to remove it",
    fixedIn: 3,
    rules: ["PL_SUPPORTED_REGIONS_HOME"],
    affects: (answers) => listOf(answers.supportedRegions).some((r) => r !== answers.region),
  },
  {
    id: "PL-2026-009",
    blueprint: ES,
    versions: [2],
    summary:
      "consumer endpoints set private_dns_enabled = false while the private-dns stacks turn it on: every later plan of a consumer stack turns private DNS off again",
    fixedIn: 3,
    rules: ["PL_ATTRIBUTE_TWO_PLACES"],
    affects: (answers) =>
      answers.layout !== "provider-only" && consumerObjects(answers).length > 0 && !!answers.privateDnsName && !!answers.hostedZoneId,
  },
  {
    id: "PL-2026-010",
    blueprint: ES,
    versions: [1, 2],
    summary:
      "stacks with the S3 backend's use_lockfile state no required_version: Terraform older than 1.10 stops at init, or runs without the lock",
    fixedIn: 3,
    rules: ["PL_LOCKFILE_TERRAFORM_VERSION"],
    affects: (answers) => answers.backend === "s3",
  },
  {
    id: "PL-2026-011",
    blueprint: SE,
    versions: [2, 3],
    summary:
      "a read-only ssm endpoint allows only parameter reads: next to the ssmmessages/ec2messages endpoints, the SSM Agent cannot register (UpdateInstanceInformation, ListAssociations, GetDocument … are denied)",
    fixedIn: 4,
    rules: ["PL_SSM_READ_ONLY_AGENT"],
    affects: (answers) =>
      listOf(answers.readOnlyServices).includes("ssm") && interfaces(answers).some((s) => s === "ssmmessages" || s === "ec2messages"),
  },
  {
    id: "PL-2026-012",
    blueprint: SE,
    versions: [1, 2, 3],
    summary:
      "a new VPC's subnets are a sixteenth of it whatever they hold: more interface endpoints than a subnet has usable addresses (a /28 of a /24 VPC holds 11) fail at apply",
    fixedIn: 4,
    rules: ["PL_SUBNET_CAPACITY"],
    affects: (answers) => {
      if (answers.vpc === "existing") return false;
      const prefix = Number(String(answers.vpcCidr ?? "10.0.0.0/16").split("/")[1]);
      return interfaces(answers).length > usableAddresses(prefix + 4);
    },
  },
  {
    id: "PL-2026-013",
    blueprint: SE,
    versions: [1, 2, 3],
    summary:
      "the S3 endpoint policy does not read CodeArtifact's package asset buckets (assets-<account>-<region>) or Elastic Beanstalk's platform buckets: package downloads and Beanstalk environments fail through it",
    fixedIn: 4,
    // The buckets' owners are AWS accounts the lint cannot tell from others': `check` reports it.
    rules: [],
    affects: (answers) => hasInterface("s3")(answers) || listOf(answers.gatewayServices).includes("s3"),
  },
  {
    id: "PL-2026-014",
    blueprint: "endpoint-consumer",
    versions: [1],
    summary:
      "with a private DNS name, the endpoint asks for private DNS at creation, while its connection is pendingAcceptance: AWS cannot turn it on before the provider accepts",
    fixedIn: 2,
    // The service is another team's (a literal vpce-svc name): the lint cannot know it requires acceptance. `check` reports it.
    rules: [],
    affects: (answers) => !!answers.privateDnsName,
  },
  {
    id: "PL-2026-015",
    blueprint: ES,
    versions: [1],
    summary:
      "with a name verified here, the consumer stacks ask for private DNS at creation, before the provider has accepted their endpoints",
    fixedIn: 3,
    rules: ["PL_PRIVATE_DNS_BEFORE_ACCEPTANCE"],
    affects: (answers) =>
      answers.layout !== "provider-only" &&
      listOf(answers.consumerAccounts).length > 0 &&
      !!answers.privateDnsName &&
      !!answers.hostedZoneId,
  },
  {
    id: "PL-2026-022",
    blueprint: SE,
    versions: [1, 2],
    summary:
      "stacks with the S3 backend's use_lockfile state no required_version: Terraform older than 1.10 stops at init, or runs without the lock",
    fixedIn: 3,
    rules: ["PL_LOCKFILE_TERRAFORM_VERSION"],
    affects: (answers) => answers.backend === "s3",
  },
  {
    id: "PL-2026-023",
    blueprint: "endpoint-consumer",
    versions: [1],
    summary:
      "stacks with the S3 backend's use_lockfile state no required_version: Terraform older than 1.10 stops at init, or runs without the lock",
    fixedIn: 2,
    rules: ["PL_LOCKFILE_TERRAFORM_VERSION"],
    affects: (answers) => answers.backend === "s3",
  },
];
