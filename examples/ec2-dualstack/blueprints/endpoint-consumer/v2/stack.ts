import { VpcEndpointPrivateDns } from "@cdktf/provider-aws/lib/vpc-endpoint-private-dns/index.js";
import type { Construct } from "constructs";
import { TerraformStack } from "../../lib/cdktf.ts";
import { BlueprintInputError } from "../../lib/errors.ts";
import { regionInfo } from "../../lib/partitions.ts";
import { type AssumeRoleProps, configureStack } from "../../lib/stack.ts";
import { blueprintTags } from "../../lib/tags.ts";
import { requireTerraform } from "../../lib/terraform-version.ts";
import { checkAccountId, checkRoleName } from "../../lib/validate.ts";
import { BLUEPRINT, EndpointConsumer, VERSION } from "./endpoint-consumer.ts";
import type { EndpointConsumerStackProps, PrivateDnsStackProps } from "./props.ts";

/**
 * Deploy order: consumer-<account> (the endpoint, pendingAcceptance) → the provider accepts (their
 * account, their process) → private-dns-<account> (only with a private DNS name).
 */

/** The stack's provider in the consumer account: it assumes `roleName` there. */
function inConsumerAccount(
  stack: TerraformStack,
  props: { region: string; accountId: string; roleName?: string; externalId?: string; assumeRole?: AssumeRoleProps },
  rest: Pick<EndpointConsumerStackProps, "backend" | "tags">,
): string {
  const account = checkAccountId(props.accountId, "accountId");
  const role = checkRoleName(props.roleName ?? "PrivateLinkDeployer", "roleName");
  const partition = regionInfo(props.region).partition;
  const assumeRole = props.assumeRole ?? {
    roleArn: `arn:${partition}:iam::${account}:role/${role}`,
    ...(props.externalId ? { externalId: props.externalId } : {}),
  };
  configureStack(stack, { region: props.region, backend: rest.backend, tags: rest.tags, assumeRole }, blueprintTags(BLUEPRINT, VERSION));
  requireTerraform(stack);
  return account;
}

/** 1. A consumer account's stack: its VPC and interface endpoint, private DNS off until acceptance. */
export class EndpointConsumerStack extends TerraformStack {
  public readonly consumer: EndpointConsumer;
  public readonly accountId: string;
  /** The endpoint ID, for the private DNS stack (a cross-stack reference). */
  public readonly endpointId: string;

  constructor(scope: Construct, id: string, props: EndpointConsumerStackProps) {
    super(scope, id);
    const { region, backend, tags, accountId, roleName, externalId, assumeRole, ...consumerProps } = props;
    this.accountId = inConsumerAccount(this, { region, accountId, roleName, externalId, assumeRole }, { backend, tags });
    this.consumer = new EndpointConsumer(this, "consumer", { ...consumerProps, region, tags, name: consumerProps.name ?? id });
    this.endpointId = this.consumer.endpoint.id;
  }
}

/** 2. After the provider accepts: private DNS on the account's endpoint, in the consumer account. */
export class PrivateDnsStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: PrivateDnsStackProps) {
    super(scope, id);
    const account = inConsumerAccount(this, props, props);
    const consumer = props.consumers.find((c) => c.accountId === account);
    if (consumer === undefined) throw new BlueprintInputError("accountId", `${account} has no consumer stack; pass the consumer stacks`);
    new VpcEndpointPrivateDns(this, "private-dns", { vpcEndpointId: consumer.endpointId, privateDnsEnabled: true });
  }
}
