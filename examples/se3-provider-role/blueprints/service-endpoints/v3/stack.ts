import type { Construct } from "constructs";
import { TerraformStack } from "../../lib/cdktf";
import { configureStack } from "../../lib/stack";
import { blueprintTags } from "../../lib/tags";
import { requireTerraform } from "../../lib/terraform-version";
import type { ServiceEndpointsStackProps } from "./props";
import { BLUEPRINT, ServiceEndpoints, VERSION } from "./service-endpoints";

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
