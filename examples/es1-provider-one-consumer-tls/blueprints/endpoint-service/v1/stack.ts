import type { Construct } from "constructs";
import { TerraformStack } from "../../lib/cdktf";
import { configureStack } from "../../lib/stack";
import { blueprintTags } from "../../lib/tags";
import { BLUEPRINT, EndpointService, VERSION } from "./endpoint-service";
import type { EndpointServiceStackProps } from "./props";

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
