import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group/index.js";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint/index.js";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js";
import { Construct } from "constructs";
import { checkIpAddressType, endpointIpArgs, ipv6SourceOf } from "../../lib/dual-stack.ts";
import { BlueprintInputError } from "../../lib/errors.ts";
import { network } from "../../lib/network.ts";
import { output } from "../../lib/outputs.ts";
import { regionInfo } from "../../lib/partitions.ts";
import { checkEndpointServiceName, checkPort, checkSamePartition } from "../../lib/rules.ts";
import { regionOfServiceName } from "../../lib/service-names.ts";
import { blueprintTags } from "../../lib/tags.ts";
import { checkTags } from "../../lib/validate.ts";
import type { EndpointConsumerProps } from "./props.ts";

export const BLUEPRINT = "endpoint-consumer";
export const VERSION = 2;

const isToken = (value: string) => value.includes("${");

/**
 * An interface endpoint to a PrivateLink endpoint service, in one subnet per
 * zone, behind a security group that admits only the service's port from the
 * consumer VPC. No endpoint policy: endpoints to endpoint services always
 * allow full access; the provider's allowed principals and acceptance gate them.
 * `private_dns_enabled` is left out: the provider creates the endpoint with it
 * off (the connection is pendingAcceptance until the provider accepts), and the
 * private DNS stack, deployed after acceptance, owns it from then on.
 */
export class EndpointConsumer extends Construct {
  public readonly endpoint: VpcEndpoint;

  constructor(scope: Construct, id: string, props: EndpointConsumerProps) {
    super(scope, id);
    const region = regionInfo(props.region);
    const name = props.name ?? id;
    const port = props.port ?? 443;
    const userTags = checkTags(props.tags ?? {}, "tags");
    const tags = (suffix: string) => ({ Name: `${name}-${suffix}`, ...blueprintTags(BLUEPRINT, VERSION), ...userTags });
    checkPort(port, "port");
    const serviceRegion = props.serviceRegion && props.serviceRegion !== region.region ? props.serviceRegion : undefined;
    if (serviceRegion) checkSamePartition(serviceRegion, "serviceRegion", region.partition);
    if (!isToken(props.serviceName)) {
      checkEndpointServiceName(props.serviceName, "serviceName");
      const named = regionOfServiceName(props.serviceName);
      if (named !== (serviceRegion ?? region.region)) {
        throw new BlueprintInputError(
          "serviceName",
          `is in region ${named}, but the endpoint expects ${serviceRegion ?? region.region}; set \`serviceRegion\` to ${named} for a cross-region endpoint`,
        );
      }
    }

    const ipAddressType = checkIpAddressType(props.ipAddressType ?? "ipv4", "ipAddressType");
    const vpc = props.vpc ?? { kind: "new" };
    const demand = { interfaces: 1, what: "the interface endpoint" };
    const net = network(
      this,
      region.region,
      vpc.kind === "new" && ipAddressType === "dualstack" ? { ...vpc, dualStack: true } : vpc,
      tags,
      undefined,
      demand,
    );
    const ipv6 = ipv6SourceOf(ipAddressType, net.ipv6Cidr, "vpc.ipv6Cidr");
    if (net.subnetIds.length < 2)
      throw new BlueprintInputError(
        "vpc.subnets",
        `lists ${net.subnetIds.length} subnet(s); the endpoint needs one subnet in each of at least two availability zones`,
      );
    const group = new SecurityGroup(this, "endpoint-sg", {
      name: `${name}-endpoint`,
      description: `Endpoint of ${name}: TCP ${port} from the VPC CIDR only`,
      vpcId: net.vpcId,
      tags: tags("endpoint"),
    });
    new VpcSecurityGroupIngressRule(this, "endpoint-sg-ingress", {
      securityGroupId: group.id,
      description: `TCP ${port} from the VPC CIDR to the service`,
      ipProtocol: "tcp",
      fromPort: port,
      toPort: port,
      cidrIpv4: net.cidr,
      tags: tags("endpoint-ingress"),
    });
    if (ipv6)
      new VpcSecurityGroupIngressRule(this, "endpoint-sg-ingress-ipv6", {
        securityGroupId: group.id,
        description: `TCP ${port} from the VPC's IPv6 block to the service`,
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        cidrIpv6: ipv6,
        tags: tags("endpoint-ingress-ipv6"),
      });
    this.endpoint = new VpcEndpoint(this, "endpoint", {
      vpcId: net.vpcId,
      serviceName: props.serviceName,
      vpcEndpointType: "Interface",
      subnetIds: net.subnetIds,
      securityGroupIds: [group.id],
      ...(serviceRegion ? { serviceRegion } : {}),
      // dual-stack: IPv6 addresses and AAAA records; the service must offer IPv6 (its supported_ip_address_types)
      ...endpointIpArgs(ipAddressType),
      tags: tags("endpoint"),
    });
    output(this, "endpoint_id", this.endpoint.id, "Interface endpoint ID (the provider accepts the connection by it)");
    output(this, "endpoint_state", this.endpoint.state, "pendingAcceptance until the provider accepts");
    output(this, "dns_entries", this.endpoint.dnsEntry, "DNS names of the endpoint");
  }
}
