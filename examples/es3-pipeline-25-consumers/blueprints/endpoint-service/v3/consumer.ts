import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group/index.js";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint/index.js";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js";
import { Construct } from "constructs";
import type { CheckedConsumer } from "../../lib/consumers.ts";
import { checkIpAddressType, endpointIpArgs, type IpAddressType, ipv6SourceOf } from "../../lib/dual-stack.ts";
import { BlueprintInputError } from "../../lib/errors.ts";
import { output } from "../../lib/outputs.ts";
import { checkEndpointServiceName, checkPort } from "../../lib/rules.ts";
import { regionOfServiceName } from "../../lib/service-names.ts";
import { blueprintTags } from "../../lib/tags.ts";
import { checkTags } from "../../lib/validate.ts";
import { zonedNetwork } from "../../lib/zoned-network.ts";
import { BLUEPRINT, VERSION } from "./endpoint-service.ts";

/** What a consumer's endpoint needs: the checked consumer and the service it connects to. */
export interface ConsumerEndpointProps {
  readonly consumer: CheckedConsumer;
  /** The service name, or the provider stack's reference to it. */
  readonly serviceName: string;
  /** Region of the service. */
  readonly serviceRegion: string;
  /** Port the service listens on. @default 443 */
  readonly port?: number;
  /** `dualstack`: IPv6 addresses and AAAA records too; a new VPC gets an IPv6 block. @default "ipv4" */
  readonly ipAddressType?: IpAddressType;
  /** Prefix of resource names. @default the construct id */
  readonly name?: string;
  /** Tags on every resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A consumer's interface endpoint to the service, one subnet per zone, behind a
 * security group admitting only the service port from the consumer VPC. Private
 * DNS starts off: the service requires acceptance, and private DNS is turned on
 * after it, by the consumer's private DNS stack (`aws_vpc_endpoint_private_dns`).
 * `private_dns_enabled` is therefore left out here: the provider creates the
 * endpoint with it off, and reads back what the private DNS stack set, so no
 * later plan turns it off again (the attribute has one owner).
 */
export class ConsumerEndpoint extends Construct {
  public readonly endpoint: VpcEndpoint;

  constructor(scope: Construct, id: string, props: ConsumerEndpointProps) {
    super(scope, id);
    const { consumer } = props;
    const name = props.name ?? id;
    const port = checkPort(props.port ?? 443, "port");
    const userTags = checkTags(props.tags ?? {}, "tags");
    const tags = (suffix: string) => ({ Name: `${name}-${suffix}`, ...blueprintTags(BLUEPRINT, VERSION), ...userTags });
    if (!props.serviceName.includes("${")) {
      checkEndpointServiceName(props.serviceName, "serviceName");
      if (regionOfServiceName(props.serviceName) !== props.serviceRegion)
        throw new BlueprintInputError("serviceName", `is not in ${props.serviceRegion}, the service's region`);
    }
    const ipAddressType = checkIpAddressType(props.ipAddressType ?? "ipv4", "ipAddressType");
    const demand = { interfaces: 1, what: "the interface endpoint" };
    const net = zonedNetwork(this, consumer.region, consumer.vpc, tags, demand, ipAddressType === "dualstack");
    const ipv6 = ipv6SourceOf(ipAddressType, net.ipv6Cidr, "consumer.ipv6Cidr");
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
      ...(consumer.region !== props.serviceRegion ? { serviceRegion: props.serviceRegion } : {}),
      ...endpointIpArgs(ipAddressType),
      tags: tags("endpoint"),
    });
    output(this, "endpoint_id", this.endpoint.id, "Interface endpoint ID (the acceptance stack accepts it)");
    output(this, "endpoint_state", this.endpoint.state, "pendingAcceptance until the acceptance stack is deployed");
    output(this, "dns_entries", this.endpoint.dnsEntry, "DNS names of the endpoint");
  }
}
