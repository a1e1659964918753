import type { BackendProps } from "../../blueprints/lib/stack";

/** How an endpoint-service project is laid out. */
export type Layout = "provider-and-consumers" | "provider-only";

/**
 * Every answer the generator knows. The answers file (`--answers`) and the
 * provenance file (`.privatelink.json`) share this schema; a blueprint uses the
 * answers its manifest lists and ignores the rest.
 */
export interface Answers {
  /** Blueprint and version, `<name>@<version>`, e.g. `service-endpoints@1`. */
  readonly blueprint: string;
  /** npm package name of the generated project. */
  readonly projectName: string;
  /** AWS region of the stacks. */
  readonly region: string;
  /** `new` makes a VPC; `existing` uses the IDs below. */
  readonly vpc: "new" | "existing";
  /** IPv4 CIDR of the VPC (new or existing). */
  readonly vpcCidr: string;
  /** Zones of a new VPC. */
  readonly availabilityZones: readonly string[];
  /** ID of an existing VPC. */
  readonly vpcId: string | null;
  /** Subnets of an existing VPC as `subnet-…@<zone>`. */
  readonly subnets: readonly string[];
  /** Route tables of an existing VPC, for gateway endpoints. */
  readonly routeTableIds: readonly string[];
  /** Interface endpoint services: catalog keys or full service names. */
  readonly services: readonly string[];
  /** Gateway endpoint services: s3, dynamodb. */
  readonly gatewayServices: readonly string[];
  /** Accounts whose principals endpoint policies admit; empty = the deploying account. */
  readonly allowedAccounts: readonly string[];
  /** AWS Organization whose principals endpoint policies admit, instead of accounts. */
  readonly organizationId: string | null;
  /** Services whose endpoints allow only read actions. */
  readonly readOnlyServices: readonly string[];
  /** Consumer accounts an endpoint service authorizes. */
  readonly consumerAccounts: readonly string[];
  /** Role the provider stack's AWS provider assumes; null = caller's credentials. */
  readonly providerRoleArn: string | null;
  /** External ID for assuming the provider and consumer roles. */
  readonly externalId: string | null;
  /** Role name assumed in each consumer account. */
  readonly consumerRoleName: string;
  /** Which stacks an endpoint-service project has. */
  readonly layout: Layout;
  /** Listener protocol of the NLB. */
  readonly listenerProtocol: "TCP" | "TLS";
  /** Listener port of the NLB, and the port consumers connect to. */
  readonly listenerPort: number;
  /** ACM certificate for a TLS listener. */
  readonly certificateArn: string | null;
  /** Target type of the NLB's target group. */
  readonly targetType: "instance" | "ip";
  /** Port the targets listen on. */
  readonly targetPort: number;
  /** Instance IDs or IPv4 addresses registered as targets. */
  readonly targets: readonly string[];
  /** Private DNS name of the endpoint service, verified with a TXT record. */
  readonly privateDnsName: string | null;
  /** Route 53 public hosted zone of the private DNS name's domain. */
  readonly hostedZoneId: string | null;
  /** SNS topic for endpoint connection notifications. */
  readonly notificationTopicArn: string | null;
  /** Other regions consumers may connect from. */
  readonly supportedRegions: readonly string[];
  /** Endpoint service name, for consumer-only projects. */
  readonly serviceName: string | null;
  /** Region of the endpoint service when consumers are elsewhere. */
  readonly serviceRegion: string | null;
  /** State backend kind. */
  readonly backend: "local" | "s3";
  readonly backendBucket: string | null;
  readonly backendKey: string | null;
  readonly backendRegion: string | null;
  /** Tags on every resource. */
  readonly tags: Readonly<Record<string, string>>;
}

export type AnswerKey = keyof Answers;

/** The backend props an answers set describes. */
export function backendOf(answers: Answers): BackendProps {
  if (answers.backend === "local") return { kind: "local" };
  return {
    kind: "s3",
    bucket: answers.backendBucket ?? "",
    key: answers.backendKey ?? "",
    region: answers.backendRegion ?? answers.region,
  };
}
