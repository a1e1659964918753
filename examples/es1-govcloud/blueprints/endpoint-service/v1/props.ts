import type { ExistingVpcProps, NewVpcProps } from "../../lib/network.ts";
import type { StackBaseProps } from "../../lib/stack.ts";

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
}

export interface EndpointServiceProps {
  /** AWS region of the service, e.g. `eu-west-1`. */
  readonly region: string;
  /** The provider VPC the NLB lives in. @default a new VPC, 10.0.0.0/16 in two zones */
  readonly vpc?: NewVpcProps | ExistingVpcProps;
  /** Consumer accounts allowed to connect, as `arn:<partition>:iam::<account>:root`. @default [] */
  readonly consumerAccounts?: readonly string[];
  /** Consumer roles allowed to connect, as role ARNs without a path. @default [] */
  readonly allowedRoleArns?: readonly string[];
  /** Whether each connection must be accepted by the provider. @default true */
  readonly acceptanceRequired?: boolean;
  /** @default a TCP listener on 443 */
  readonly listener?: ListenerProps;
  /** @default instance targets on the listener port, none registered */
  readonly targets?: TargetProps;
  /** Private DNS name consumers resolve to their endpoint, e.g. `api.example.com`. @default none */
  readonly privateDnsName?: string;
  /** Public hosted zone of the private DNS name's domain, for the verification TXT record. @default none (verify by hand) */
  readonly hostedZoneId?: string;
  /** SNS topic for connection notifications (accept, reject, connect, delete). @default none */
  readonly notificationTopicArn?: string;
  /** Other regions consumers may connect from (cross-region PrivateLink). @default [] */
  readonly supportedRegions?: readonly string[];
  /** NLB deletion protection. @default true */
  readonly deletionProtection?: boolean;
  /** Prefix of resource names. @default the construct id */
  readonly name?: string;
  /** Tags on every resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Props of the provider stack: the service plus provider (with the provider role) and backend. */
export interface EndpointServiceStackProps extends StackBaseProps, Omit<EndpointServiceProps, "region" | "tags"> {}
