import type { Construct } from "constructs";
import { TerraformStack } from "../../lib/cdktf.ts";
import { configureStack } from "../../lib/stack.ts";
import { blueprintTags } from "../../lib/tags.ts";
import { requireTerraform } from "../../lib/terraform-version.ts";
import type { ServiceEndpointsStackProps } from "./props.ts";
import { BLUEPRINT, ServiceEndpoints, VERSION } from "./service-endpoints.ts";

/** A deployable stack: the AWS provider (optionally assuming a role), the backend and the endpoints. */
export class ServiceEndpointsStack extends TerraformStack {
  public readonly endpoints: ServiceEndpoints;

  constructor(scope: Construct, id: string, props: ServiceEndpointsStackProps) {
    super(scope, id);
    const { region, backend, assumeRole, tags, ...endpointProps } = props;
    configureStack(this, { region, backend, assumeRole, tags }, blueprintTags(BLUEPRINT, VERSION));
    requireTerraform(this);
    this.endpoints = new ServiceEndpoints(this, "endpoints", { ...endpointProps, region, tags, name: endpointProps.name ?? id });
  }
}
