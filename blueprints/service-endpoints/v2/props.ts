import type { ExistingVpcProps, NewVpcProps } from "../../lib/network.ts";
import type { StackBaseProps } from "../../lib/stack.ts";

export type { ExistingSubnet, ExistingVpcProps, NewVpcProps } from "../../lib/network.ts";

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
  /**
   * Services whose endpoints allow only read actions (pull images, read objects,
   * items, parameters and secrets): s3, dynamodb, ecr.api, ecr.dkr,
   * secretsmanager, ssm. @default [] (every action, for the admitted principals)
   */
  readonly readOnlyServices?: readonly string[];
  /** Turn on private DNS for services that support it. @default true */
  readonly privateDns?: boolean;
  /** Prefix of resource names (Name tags). @default the construct id */
  readonly name?: string;
  /** Tags on every resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Props of the deployable stack: the endpoints plus provider and backend. */
export interface ServiceEndpointsStackProps extends StackBaseProps, Omit<ServiceEndpointsProps, "region" | "tags"> {}
