import { StackBaseProps } from "../../lib/stack";

/** A new VPC with one private subnet and route table per availability zone. */
export interface NewVpcProps {
  readonly kind: "new";
  /** IPv4 CIDR of the VPC, /16 to /24. @default "10.0.0.0/16" */
  readonly cidr?: string;
  /**
   * Availability zone names, 2 or 3 of the stack's region.
   * @default the region's `a` and `b` zones
   */
  readonly availabilityZones?: readonly string[];
}

/** A subnet of an existing VPC, with its zone so synth needs no AWS lookup. */
export interface ExistingSubnet {
  /** Subnet ID, e.g. `subnet-0123456789abcdef0`. */
  readonly id: string;
  /** The subnet's availability zone name, e.g. `eu-west-1a`. */
  readonly availabilityZone: string;
}

/** An existing VPC, described by its IDs so that synth reads nothing from AWS. */
export interface ExistingVpcProps {
  readonly kind: "existing";
  /** VPC ID, e.g. `vpc-0123456789abcdef0`. */
  readonly vpcId: string;
  /** The VPC's IPv4 CIDR: the only source the endpoints' security group admits. */
  readonly cidr: string;
  /** One subnet per availability zone for the interface endpoints. @default [] (gateway endpoints only) */
  readonly subnets?: readonly ExistingSubnet[];
  /** Route tables the gateway endpoints attach to. @default [] */
  readonly routeTableIds?: readonly string[];
}

export interface ServiceEndpointsProps {
  /** AWS region of the endpoints, e.g. `eu-west-1`. */
  readonly region: string;
  /** The VPC the endpoints live in. @default a new VPC, 10.0.0.0/16 in two zones */
  readonly vpc?: NewVpcProps | ExistingVpcProps;
  /**
   * Interface endpoints: catalog keys (`ssm`, `ecr.dkr`) or full service names
   * of the same region. @default []
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
  /** Turn on private DNS for services that support it. @default true */
  readonly privateDns?: boolean;
  /** Prefix of resource names (Name tags). @default the construct id */
  readonly name?: string;
  /** Tags on every resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Props of the deployable stack: the endpoints plus provider and backend. */
export interface ServiceEndpointsStackProps extends StackBaseProps, Omit<ServiceEndpointsProps, "region" | "tags"> {}
