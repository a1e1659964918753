import type { ConsumerProps } from "../../lib/consumers.ts";
import type { IpAddressType } from "../../lib/dual-stack.ts";
import type { StackBaseProps } from "../../lib/stack.ts";
import type { ZonedVpcProps } from "../../lib/zoned-network.ts";

export type { ConsumerProps } from "../../lib/consumers.ts";
export type { ZonedSubnet, ZonedVpcProps } from "../../lib/zoned-network.ts";

/** The NLB listener consumers connect to. */
export interface ListenerProps {
  /** `TCP` passes TLS through to the targets; `TLS` terminates it at the NLB. @default "TCP" */
  readonly protocol?: "TCP" | "TLS";
  /** Listener port, and the port consumers connect to. @default 443 */
  readonly port?: number;
  /** ACM certificate ARN; required for TLS. @default none */
  readonly certificateArn?: string;
  /** TLS security policy. @default "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09" (TLS 1.3 and 1.2, post-quantum key exchange) */
  readonly sslPolicy?: string;
}

/** What the NLB forwards to. */
export interface TargetProps {
  /** `instance` for EC2 instance IDs, `ip` for IPv4 addresses. @default "instance" */
  readonly type?: "instance" | "ip";
  /** Port the targets listen on. @default the listener port */
  readonly port?: number;
  /** Targets registered now; more can be registered later (e.g. by an Auto Scaling group). @default [] */
  readonly ids?: readonly string[];
  /** Send a proxy protocol v2 header with each connection (the targets must expect it). @default false */
  readonly proxyProtocolV2?: boolean;
}

export interface EndpointServiceProps {
  /** AWS region of the service, e.g. `eu-west-1`. */
  readonly region: string;
  /** The provider VPC the NLB lives in, zones by zone ID. @default a new VPC, 10.0.0.0/16 in the region's first two zone IDs */
  readonly vpc?: ZonedVpcProps;
  /** Consumers allowed to connect, each as `arn:<partition>:iam::<account>:root`; acceptance accepts exactly their endpoints. @default [] */
  readonly consumers?: readonly ConsumerProps[];
  /** @default a TCP listener on 443 */
  readonly listener?: ListenerProps;
  /** @default instance targets on the listener port, none registered, no proxy protocol */
  readonly targets?: TargetProps;
  /** Private DNS name consumers resolve to their endpoint, e.g. `api.example.com`. @default none */
  readonly privateDnsName?: string;
  /** Public hosted zone of the private DNS name's domain, for the verification TXT record. @default none (verify by hand) */
  readonly hostedZoneId?: string;
  /** SNS topic for connection notifications (accept, reject, connect, delete). @default none */
  readonly notificationTopicArn?: string;
  /**
   * Other regions consumers may connect from (cross-region PrivateLink). The service's own region is always
   * supported: with any other region listed, the resource states it too, as AWS reports it. Deploying needs
   * `vpce:AllowMultiRegion` besides the `ec2:*VpcEndpointService*` actions. @default []
   */
  readonly supportedRegions?: readonly string[];
  /**
   * `dualstack`: a dual-stack NLB and endpoint service (`supported_ip_address_types` ipv4 and ipv6), new
   * VPCs with an Amazon-provided IPv6 block; existing VPCs state theirs (`vpc.ipv6Cidr`,
   * `consumers[i].ipv6Cidr`), their subnets need IPv6 blocks. Targets stay IPv4. @default "ipv4"
   */
  readonly ipAddressType?: IpAddressType;
  /** NLB deletion protection. @default true */
  readonly deletionProtection?: boolean;
  /** Prefix of resource names. @default the construct id */
  readonly name?: string;
  /** Tags on every resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Props of the provider stack: the service plus provider (with the provider role) and backend. */
export interface EndpointServiceStackProps extends StackBaseProps, Omit<EndpointServiceProps, "region" | "tags"> {}

/** Props of a consumer account's stack: its interface endpoint to the service, private DNS off until acceptance. */
export interface ConsumerStackProps extends StackBaseProps {
  /** The consumer: account, region (defaults to `region`, the service's) and VPC. */
  readonly consumer: ConsumerProps;
  /** The service name, `com.amazonaws.vpce.<region>.vpce-svc-…`, or the provider stack's reference. */
  readonly serviceName: string;
  /** Other regions the service supports: a consumer in one of them connects across regions. @default [] */
  readonly supportedRegions?: readonly string[];
  /** Port the service listens on: the only port the endpoint's security group admits. @default 443 */
  readonly port?: number;
  /** `dualstack`: the endpoint gets IPv6 addresses and AAAA records (the service's must be dual-stack). @default "ipv4" */
  readonly ipAddressType?: IpAddressType;
  /** Role to assume in the consumer account. @default "PrivateLinkDeployer" */
  readonly roleName?: string;
  /** External ID the role requires. @default none */
  readonly externalId?: string;
}

/** An interface endpoint the provider accepts: which consumer, and its endpoint ID (a consumer stack's reference). */
export interface AcceptedEndpoint {
  readonly accountId: string;
  readonly endpointId: string;
}

/** Props of the acceptance stack, in the provider account (same provider role as the provider stack). */
export interface AcceptanceStackProps extends StackBaseProps {
  /** The endpoint service's ID (the provider stack's reference). */
  readonly serviceId: string;
  /** The consumer stacks: one accepter each, and nothing else is accepted. */
  readonly consumers: readonly AcceptedEndpoint[];
}

/** An accepted endpoint whose private DNS the consumer turns on. */
export interface AcceptedEndpointRef {
  /** The endpoint ID, read from the acceptance stack so this deploys after acceptance. */
  endpointIdOf(accountId: string): string;
}

/** Props of a consumer's private DNS stack, deployed after acceptance, in the consumer account. */
export interface PrivateDnsStackProps extends StackBaseProps {
  readonly consumer: ConsumerProps;
  /** The acceptance stack. */
  readonly acceptance: AcceptedEndpointRef;
  /** Role to assume in the consumer account. @default "PrivateLinkDeployer" */
  readonly roleName?: string;
  /** External ID the role requires. @default none */
  readonly externalId?: string;
}
