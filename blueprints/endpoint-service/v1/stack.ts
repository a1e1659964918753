import type { Construct } from "constructs";
import { TerraformStack } from "../../lib/cdktf.ts";
import { configureStack } from "../../lib/stack.ts";
import { blueprintTags } from "../../lib/tags.ts";
import { BLUEPRINT, EndpointService, VERSION } from "./endpoint-service.ts";
import type { EndpointServiceStackProps } from "./props.ts";

/** The provider account's stack: its AWS provider assumes the provider role. */
export class EndpointServiceStack extends TerraformStack {
  public readonly endpointService: EndpointService;
  /** The service name, for consumer stacks (a cross-stack reference). */
  public readonly serviceName: string;

  constructor(scope: Construct, id: string, props: EndpointServiceStackProps) {
    super(scope, id);
    const { region, backend, assumeRole, tags, ...serviceProps } = props;
    configureStack(this, { region, backend, assumeRole, tags }, blueprintTags(BLUEPRINT, VERSION), "elb");
    this.endpointService = new EndpointService(this, "service", { ...serviceProps, region, tags, name: serviceProps.name ?? id });
    this.serviceName = this.endpointService.serviceName;
  }
}
