import type { IpAddressType } from "../../lib/dual-stack.ts";
import type { HubSpoke } from "../../lib/spokes.ts";
import type { AssumeRoleProps, StackBaseProps } from "../../lib/stack.ts";

export type { HubSpoke } from "../../lib/spokes.ts";

/** The central VPC and what it offers to the spokes. */
export interface EndpointHubProps {
  /** AWS region of the hub and every spoke, e.g. `eu-west-1`. */
  readonly region: string;
  /**
   * Account of the hub (12 digits): spokes of other accounts get an association
   * authorization here and their association in their own stack.
   * @default the deploying account, read with `aws_caller_identity` (only without spokes)
   */
  readonly hubAccount?: string;
  /** IPv4 CIDR of the new hub VPC, /16 to /24. @default "10.0.0.0/16" */
  readonly cidr?: string;
  /** Zone IDs of the hub VPC (`euw1-az1`), the same zones in every account. @default the region's first two zone IDs */
  readonly availabilityZones?: readonly string[];
  /** Interface endpoints: catalog keys (`ssm`, `ecr.dkr`) or endpoint service names (`…vpce-svc-…`). */
  readonly interfaceServices: readonly string[];
  /** The VPCs that use the hub. @default [] (the hub alone; add spokes later) */
  readonly spokes?: readonly HubSpoke[];
  /**
   * `dualstack`: the hub VPC gets an Amazon-provided IPv6 block, endpoints of services that take IPv6 get
   * IPv6 addresses and AAAA records (and AAAA aliases in the hub's zones), the gateway attachments carry
   * IPv6, and each spoke states its IPv6 block (`spokes[i].ipv6Cidr`), routed both ways. @default "ipv4"
   */
  readonly ipAddressType?: IpAddressType;
  /** `new` creates a transit gateway; a `tgw-…` ID attaches to an existing one. @default "new" */
  readonly transitGateway?: string;
  /**
   * An existing gateway's route tables (`tgw-rtb-…`; the hub's account must own the gateway): each spoke's
   * attachment is associated with `spokes` and propagates into `hub`; the hub's attachment the other way
   * round, so that spokes reach the hub and never each other. A new gateway makes both.
   * @default none: an existing gateway's own default route table decides
   */
  readonly transitRouteTables?: { readonly spokes: string; readonly hub: string };
  /**
   * The spoke accounts are outside the hub's AWS Organization (or RAM sharing
   * with the organization is off): the share allows external principals and
   * each cross-account spoke accepts it. @default false
   */
  readonly externalPrincipals?: boolean;
  /** On-premises ranges: a Route 53 Resolver inbound endpoint answers them, and the endpoints admit them. @default [] (no Resolver endpoint) */
  readonly onPremisesCidrs?: readonly string[];
  /** Prefix of resource names. @default the construct id */
  readonly name?: string;
  /** Tags on every resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Props of the hub stack: the hub plus provider (with the provider role) and backend. */
export interface EndpointHubStackProps extends StackBaseProps, Omit<EndpointHubProps, "region" | "tags"> {}

/** Props of one spoke's stack; its provider assumes `roleName` in the spoke's account. */
export interface EndpointHubSpokeStackProps extends StackBaseProps {
  /** The spoke VPC. */
  readonly spoke: HubSpoke;
  /** The hub VPC's CIDR: the spoke's route tables send it to the transit gateway. */
  readonly hubCidr: string;
  /** The hub VPC's IPv6 block, routed to the gateway from the spoke, for a dual-stack hub. @default none (IPv4 only) */
  readonly hubIpv6Cidr?: string;
  /** The transit gateway (a reference to the hub stack's, or an existing ID). */
  readonly transitGatewayId: string;
  /**
   * Hosted zone IDs by spoke VPC ID and service, from the hub's association
   * authorizations (a cross-stack reference, so that each association follows
   * its authorization). @default {} (no associations here: same-account spokes are associated in the hub stack)
   */
  readonly hubZones?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The hub's RAM share to accept, when the spoke is outside the organization. @default none */
  readonly resourceShareArn?: string;
  /**
   * The gateway's route tables (the hub stack's, or an existing gateway's): the spoke's new attachment is
   * associated with `spokes` and propagates into `hub`, by a provider in the hub's account, which owns the
   * gateway. @default none (the gateway's defaults)
   */
  readonly transitRouteTables?: { readonly spokes: string; readonly hub: string };
  /** Role the hub's account is deployed with (the hub stack's), for the route table resources. @default the caller's own credentials */
  readonly hubAssumeRole?: AssumeRoleProps;
  /** Accounts the spoke's gateway endpoint policies admit. @default [the spoke's account] */
  readonly policyAccounts?: readonly string[];
  /** Role to assume in the spoke's account. @default "PrivateLinkDeployer" */
  readonly roleName?: string;
  /** External ID the role requires. @default none */
  readonly externalId?: string;
  /** Prefix of resource names. @default the stack id */
  readonly name?: string;
}
