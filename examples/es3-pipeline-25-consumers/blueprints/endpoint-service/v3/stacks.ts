import { VpcEndpointConnectionAccepter } from "@cdktf/provider-aws/lib/vpc-endpoint-connection-accepter/index.js";
import { VpcEndpointPrivateDns } from "@cdktf/provider-aws/lib/vpc-endpoint-private-dns/index.js";
import type { Construct } from "constructs";
import { TerraformStack } from "../../lib/cdktf.ts";
import { type CheckedConsumer, checkConsumer } from "../../lib/consumers.ts";
import { BlueprintInputError } from "../../lib/errors.ts";
import { output } from "../../lib/outputs.ts";
import { regionInfo } from "../../lib/partitions.ts";
import { type AssumeRoleProps, configureStack } from "../../lib/stack.ts";
import { blueprintTags } from "../../lib/tags.ts";
import { requireTerraform } from "../../lib/terraform-version.ts";
import { checkAccountIds, checkRoleName } from "../../lib/validate.ts";
import { ConsumerEndpoint } from "./consumer.ts";
import { BLUEPRINT, EndpointService, VERSION } from "./endpoint-service.ts";
import type { AcceptanceStackProps, ConsumerStackProps, EndpointServiceStackProps, PrivateDnsStackProps } from "./props.ts";

/**
 * Deploy order, which the stacks' references imply: provider (the service) →
 * consumer-<account> (endpoints, pendingAcceptance) → acceptance (one accepter
 * per consumer, provider account) → private-dns-<account> (consumer account,
 * only with a verified private DNS name).
 */

/** 1. The provider account's stack: its AWS provider assumes the provider role. */
export class EndpointServiceStack extends TerraformStack {
  public readonly endpointService: EndpointService;
  /** The service name, for consumer stacks (a cross-stack reference). */
  public readonly serviceName: string;
  /** The service ID, for the acceptance stack (a cross-stack reference). */
  public readonly serviceId: string;

  constructor(scope: Construct, id: string, props: EndpointServiceStackProps) {
    super(scope, id);
    const { region, backend, assumeRole, tags, ...serviceProps } = props;
    configureStack(this, { region, backend, assumeRole, tags }, blueprintTags(BLUEPRINT, VERSION), "elb");
    requireTerraform(this);
    this.endpointService = new EndpointService(this, "service", { ...serviceProps, region, tags, name: serviceProps.name ?? id });
    this.serviceName = this.endpointService.serviceName;
    this.serviceId = this.endpointService.service.id;
  }
}

/** One consumer, checked alone (the provider stack checks the list), in the consumer account. */
function consumerAccount(stack: TerraformStack, props: ConsumerStackProps | PrivateDnsStackProps, supported: readonly string[]) {
  const consumer = checkConsumer(props.consumer, props.region, supported, "consumer");
  const role = checkRoleName(props.roleName ?? "PrivateLinkDeployer", "roleName");
  const partition = regionInfo(consumer.region).partition;
  const assumeRole: AssumeRoleProps = props.assumeRole ?? {
    roleArn: `arn:${partition}:iam::${consumer.accountId}:role/${role}`,
    ...(props.externalId ? { externalId: props.externalId } : {}),
  };
  configureStack(
    stack,
    { region: consumer.region, backend: props.backend, tags: props.tags, assumeRole },
    blueprintTags(BLUEPRINT, VERSION),
  );
  requireTerraform(stack);
  return consumer;
}

/** 2. A consumer account's stack: its VPC (new or existing) and interface endpoint, private DNS off. */
export class ConsumerStack extends TerraformStack {
  public readonly consumer: CheckedConsumer;
  public readonly accountId: string;
  /** The endpoint ID, for the acceptance stack (a cross-stack reference). */
  public readonly endpointId: string;

  constructor(scope: Construct, id: string, props: ConsumerStackProps) {
    super(scope, id);
    this.consumer = consumerAccount(this, props, props.supportedRegions ?? []);
    this.accountId = this.consumer.accountId;
    const endpoint = new ConsumerEndpoint(this, "consumer", {
      consumer: this.consumer,
      serviceName: props.serviceName,
      serviceRegion: props.region,
      port: props.port,
      ...(props.ipAddressType ? { ipAddressType: props.ipAddressType } : {}),
      tags: props.tags,
      name: id,
    });
    this.endpointId = endpoint.endpoint.id;
  }
}

/**
 * 3. Acceptance, in the provider account: one `aws_vpc_endpoint_connection_accepter`
 * per consumer stack, fed by its endpoint ID, so nothing else is accepted. A consumer
 * removed from the list loses its accepter and its principal; a live connection is
 * rejected with `aws ec2 reject-vpc-endpoint-connections` (the README says how).
 */
export class AcceptanceStack extends TerraformStack {
  private readonly accepted = new Map<string, string>();

  constructor(scope: Construct, id: string, props: AcceptanceStackProps) {
    super(scope, id);
    const { region, backend, assumeRole, tags } = props;
    configureStack(this, { region, backend, assumeRole, tags }, blueprintTags(BLUEPRINT, VERSION));
    requireTerraform(this);
    const accounts = checkAccountIds(
      props.consumers.map((c) => c.accountId),
      "consumers",
    );
    props.consumers.forEach((consumer, i) => {
      if (typeof consumer.endpointId !== "string" || consumer.endpointId === "")
        throw new BlueprintInputError(`consumers[${i}].endpointId`, "is missing; pass the consumer stacks (their endpointId)");
      const accepter = new VpcEndpointConnectionAccepter(this, `accept-${accounts[i]}`, {
        vpcEndpointServiceId: props.serviceId,
        vpcEndpointId: consumer.endpointId,
      });
      this.accepted.set(accounts[i], accepter.vpcEndpointId);
      output(this, `accepted_${accounts[i]}`, accepter.vpcEndpointState, `State of ${accounts[i]}'s endpoint (available once accepted)`);
    });
  }

  /** The accepted endpoint of `accountId`, read from its accepter: a reference that orders private DNS after acceptance. */
  endpointIdOf(accountId: string): string {
    const id = this.accepted.get(accountId);
    if (id === undefined) throw new BlueprintInputError("consumer.accountId", `${accountId} is not accepted by the acceptance stack`);
    return id;
  }
}

/** 4. A consumer's private DNS, turned on after acceptance, in the consumer account. */
export class PrivateDnsStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: PrivateDnsStackProps) {
    super(scope, id);
    const consumer = consumerAccount(this, props, [props.consumer.region ?? props.region]);
    new VpcEndpointPrivateDns(this, "private-dns", {
      vpcEndpointId: props.acceptance.endpointIdOf(consumer.accountId),
      privateDnsEnabled: true,
    });
  }
}
