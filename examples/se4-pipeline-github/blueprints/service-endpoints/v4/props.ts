import type { IpAddressType } from "../../lib/dual-stack.ts";
import type { ExistingVpcProps, NewVpcProps } from "../../lib/network.ts";
import type { StackBaseProps } from "../../lib/stack.ts";

export type { ExistingSubnet, ExistingVpcProps, NewVpcProps } from "../../lib/network.ts";

export interface ServiceEndpointsProps {
  /** AWS region of the endpoints, e.g. `eu-west-1`. */
  readonly region: string;
  /**
   * The VPC the endpoints live in. A new VPC's zones are zone IDs (`usw1-az1`);
   * zone names only in regions that map them the same way in every account.
   * @default a new VPC, 10.0.0.0/16 in the region's first two open zone IDs
   */
  readonly vpc?: NewVpcProps | ExistingVpcProps;
  /**
   * Interface endpoints: catalog keys (`ssm`, `ecr.dkr`) or full service names
   * of the same region (an endpoint service `…vpce-svc-…` gets no policy). @default []
   */
  readonly interfaceServices?: readonly string[];
  /** Gateway endpoints: `s3` and/or `dynamodb`. @default [] */
  readonly gatewayServices?: readonly string[];
  /**
   * Accounts whose principals the endpoint policies admit.
   * @default the deploying account, read with `aws_caller_identity`
   */
  readonly allowedAccounts?: readonly string[];
  /** Admit principals of this AWS Organization instead of listed accounts. @default none */
  readonly organizationId?: string;
  /**
   * Services whose endpoints allow only read actions (pull images, read objects,
   * items, parameters and secrets): s3, dynamodb, ecr.api, ecr.dkr,
   * secretsmanager, ssm. @default [] (every action, for the admitted principals)
   */
  readonly readOnlyServices?: readonly string[];
  /**
   * Trusted-resources perimeter on the S3 endpoints: your principals reach only
   * buckets of your accounts or organization (AWS-owned buckets still pass), so
   * data cannot be copied out to someone else's bucket. Other services are not
   * narrowed: their AWS-owned resources (SSM documents, public ECR images) have
   * no account of yours. @default true
   */
  readonly trustedResources?: boolean;
  /**
   * On-premises networks (over VPN or Direct Connect) admitted to the interface
   * endpoints' ports besides the VPC CIDR: the clients an inbound-resolver-only
   * S3 interface endpoint is for. @default []
   */
  readonly onPremisesCidrs?: readonly string[];
  /**
   * Zones each interface service is offered in, as AWS answered (`--lookup`,
   * recorded in privatelink.context.json): its endpoint uses only the VPC's
   * subnets in those zones. Keys are catalog keys or full service names.
   * @default every zone of the VPC, for every service
   */
  readonly serviceZones?: Readonly<Record<string, readonly string[]>>;
  /**
   * `dualstack`: a new VPC gets an Amazon-provided IPv6 block, and the interface endpoints of services
   * whose endpoints take IPv6 (`facts/ipv6-endpoints.ts`) get IPv6 addresses and AAAA records; the
   * others, and gateway endpoints, stay IPv4. An existing VPC states its block (`vpc.ipv6Cidr`), the
   * only IPv6 source the security group admits. @default "ipv4"
   */
  readonly ipAddressType?: IpAddressType;
  /**
   * IP address types each interface service's endpoints take, as AWS answered (`--lookup`, from
   * `SupportedIpAddressTypes`, recorded in privatelink.context.json): with `dualstack`, an endpoint is
   * dual-stack when its service's list has `ipv6`. Keys are catalog keys or full service names.
   * @default AWS's IPv6 table (`facts/ipv6-endpoints.ts`) for catalog services; IPv4 for full service names
   */
  readonly serviceIpAddressTypes?: Readonly<Record<string, readonly string[]>>;
  /** Turn on private DNS for services that support it (not DynamoDB's interface endpoint). @default true */
  readonly privateDns?: boolean;
  /** Prefix of resource names (Name tags). @default the construct id */
  readonly name?: string;
  /** Tags on every resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Props of the deployable stack: the endpoints plus provider (and its role) and backend. */
export interface ServiceEndpointsStackProps extends StackBaseProps, Omit<ServiceEndpointsProps, "region" | "tags"> {}
