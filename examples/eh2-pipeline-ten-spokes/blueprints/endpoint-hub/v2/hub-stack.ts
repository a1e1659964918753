import type { Construct } from "constructs";
import { TerraformStack } from "../../lib/cdktf.ts";
import { configureStack } from "../../lib/stack.ts";
import { blueprintTags } from "../../lib/tags.ts";
import { requireTerraform } from "../../lib/terraform-version.ts";
import { BLUEPRINT, EndpointHub, VERSION } from "./endpoint-hub.ts";
import type { EndpointHubStackProps } from "./props.ts";

/** The hub account's stack: its AWS provider assumes the provider role. */
export class EndpointHubStack extends TerraformStack {
  public readonly hub: EndpointHub;
  /** For the spokes' stacks (cross-stack references). */
  public readonly transitGatewayId: string;
  public readonly authorizedZones: Record<string, Record<string, string>>;
  public readonly resourceShareArn?: string;
  /** The gateway's route tables, for the spokes' stacks. */
  public readonly transitRouteTables?: { readonly spokes: string; readonly hub: string };
  /** The hub VPC's IPv6 block when it is dual-stack, for the spokes' routes. */
  public readonly ipv6Cidr?: string;

  constructor(scope: Construct, id: string, props: EndpointHubStackProps) {
    super(scope, id);
    const { region, backend, assumeRole, tags, ...hubProps } = props;
    configureStack(this, { region, backend, assumeRole, tags }, blueprintTags(BLUEPRINT, VERSION));
    requireTerraform(this);
    this.hub = new EndpointHub(this, "hub", { ...hubProps, region, tags, name: hubProps.name ?? id });
    this.transitGatewayId = this.hub.transitGatewayId;
    this.authorizedZones = this.hub.authorizedZones;
    this.resourceShareArn = this.hub.resourceShareArn;
    this.transitRouteTables = this.hub.transitRouteTables;
    this.ipv6Cidr = this.hub.ipv6Cidr;
  }
}
