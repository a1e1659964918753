import type { Construct } from "constructs";
import { TerraformStack } from "../../lib/cdktf.ts";
import { regionInfo } from "../../lib/partitions.ts";
import { configureStack } from "../../lib/stack.ts";
import { blueprintTags } from "../../lib/tags.ts";
import { checkAccountId, checkRoleName } from "../../lib/validate.ts";
import { BLUEPRINT, EndpointConsumer, VERSION } from "./endpoint-consumer.ts";
import type { EndpointConsumerStackProps } from "./props.ts";

/** A consumer account's stack: its AWS provider assumes `roleName` in `accountId`. */
export class EndpointConsumerStack extends TerraformStack {
  public readonly consumer: EndpointConsumer;

  constructor(scope: Construct, id: string, props: EndpointConsumerStackProps) {
    super(scope, id);
    const { region, backend, tags, accountId, roleName, externalId, assumeRole, ...consumerProps } = props;
    const account = checkAccountId(accountId, "accountId");
    const role = checkRoleName(roleName ?? "PrivateLinkDeployer", "roleName");
    const partition = regionInfo(region).partition;
    configureStack(
      this,
      {
        region,
        backend,
        tags,
        assumeRole: assumeRole ?? { roleArn: `arn:${partition}:iam::${account}:role/${role}`, ...(externalId ? { externalId } : {}) },
      },
      blueprintTags(BLUEPRINT, VERSION),
    );
    this.consumer = new EndpointConsumer(this, "consumer", { ...consumerProps, region, tags, name: consumerProps.name ?? id });
  }
}
