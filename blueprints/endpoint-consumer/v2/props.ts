import type { IpAddressType } from "../../lib/dual-stack.ts";
import type { ExistingVpcProps, NewVpcProps } from "../../lib/network.ts";
import type { StackBaseProps } from "../../lib/stack.ts";

export interface EndpointConsumerProps {
  /** AWS region of the consumer's VPC, e.g. `eu-west-1`. */
  readonly region: string;
  /** The endpoint service's name, `com.amazonaws.vpce.<region>.vpce-svc-…` (or a reference to the provider stack's). */
  readonly serviceName: string;
  /** Region of the endpoint service when it is not `region` (cross-region PrivateLink). @default the same region */
  readonly serviceRegion?: string;
  /** Port the service listens on: the only port the endpoint's security group admits. @default 443 */
  readonly port?: number;
  /** The consumer VPC. @default a new VPC, 10.0.0.0/16 in two zones */
  readonly vpc?: NewVpcProps | ExistingVpcProps;
  /**
   * `dualstack`: the endpoint gets IPv6 addresses and AAAA records (the service must offer IPv6); a new
   * VPC gets an Amazon-provided IPv6 block, an existing one states its block (`vpc.ipv6Cidr`). @default "ipv4"
   */
  readonly ipAddressType?: IpAddressType;
  /** Prefix of resource names. @default the construct id */
  readonly name?: string;
  /** Tags on every resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Props of a consumer account's stack. */
export interface EndpointConsumerStackProps extends StackBaseProps, Omit<EndpointConsumerProps, "region" | "tags"> {
  /** The consumer account (12 digits); the stack assumes `roleName` in it. */
  readonly accountId: string;
  /** Role to assume in the consumer account. @default "PrivateLinkDeployer" */
  readonly roleName?: string;
  /** External ID the role requires. @default none */
  readonly externalId?: string;
}

/** The consumer stacks' endpoints, for the private DNS stacks: which account, and its endpoint ID. */
export interface ConsumerEndpointRef {
  readonly accountId: string;
  /** The endpoint ID (a cross-stack reference to the consumer stack's endpoint). */
  readonly endpointId: string;
}

/**
 * Props of a consumer account's private DNS stack: deployed after the provider has accepted the endpoint
 * (private DNS cannot be turned on while it is pendingAcceptance), in the consumer account.
 */
export interface PrivateDnsStackProps extends StackBaseProps {
  /** The consumer account whose endpoint gets private DNS. */
  readonly accountId: string;
  /** The consumer stacks; the one of `accountId` gives the endpoint. */
  readonly consumers: readonly ConsumerEndpointRef[];
  /** Role to assume in the consumer account. @default "PrivateLinkDeployer" */
  readonly roleName?: string;
  /** External ID the role requires. @default none */
  readonly externalId?: string;
}
