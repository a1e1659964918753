import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity/index.js";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group/index.js";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint/index.js";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js";
import { Construct } from "constructs";
import { BlueprintInputError } from "../../lib/errors.ts";
import { network } from "../../lib/network.ts";
import { output } from "../../lib/outputs.ts";
import { regionInfo } from "../../lib/partitions.ts";
import { type PrincipalScope, policyJson, scopedEndpointPolicy } from "../../lib/policies.ts";
import { checkOrganizationId, checkReadOnlyServices } from "../../lib/rules.ts";
import { type ResolvedService, resolveService, serviceName } from "../../lib/service-names.ts";
import { blueprintTags } from "../../lib/tags.ts";
import { checkAccountIds, checkDistinct, checkTags } from "../../lib/validate.ts";
import { READ_ONLY_ACTIONS, READ_ONLY_SERVICES } from "./policy-templates.ts";
import type { ServiceEndpointsProps } from "./props.ts";

export const BLUEPRINT = "service-endpoints";
export const VERSION = 2;

/**
 * VPC endpoints that let workloads in private subnets reach AWS services
 * without the internet: an interface endpoint (PrivateLink) per interface
 * service, in one subnet per zone behind a dedicated security group that admits
 * only the service port from the VPC CIDR; a gateway endpoint per gateway
 * service on the VPC's route tables; an explicit endpoint policy on each.
 */
export class ServiceEndpoints extends Construct {
  /** Interface endpoints by service key. */
  public readonly interfaceEndpoints: Record<string, VpcEndpoint> = {};
  /** Gateway endpoints by service key. */
  public readonly gatewayEndpoints: Record<string, VpcEndpoint> = {};
  /** The endpoints' security group, when there are interface endpoints. */
  public readonly securityGroup?: SecurityGroup;

  constructor(scope: Construct, id: string, props: ServiceEndpointsProps) {
    super(scope, id);
    const region = regionInfo(props.region).region;
    const interfaceRefs = [...(props.interfaceServices ?? [])];
    const gatewayRefs = [...(props.gatewayServices ?? [])];
    const privateDns = props.privateDns ?? true;
    const name = props.name ?? id;
    const userTags = checkTags(props.tags ?? {}, "tags");
    const tags = (suffix: string) => ({ Name: `${name}-${suffix}`, ...blueprintTags(BLUEPRINT, VERSION), ...userTags });

    if (interfaceRefs.length === 0 && gatewayRefs.length === 0) {
      throw new BlueprintInputError(
        "interfaceServices",
        'and `gatewayServices` are both empty; expected at least one service, e.g. interfaceServices: ["ssm"]',
      );
    }
    const interfaces = interfaceRefs.map((ref, i) => resolveService(ref, region, `interfaceServices[${i}]`));
    checkDistinct(
      interfaces.map((s) => s.serviceName),
      "interfaceServices",
    );
    checkDistinct(gatewayRefs, "gatewayServices");
    const gateways = gatewayRefs.map((key, i) => ({ key, serviceName: serviceName(key, region, `gatewayServices[${i}]`, "Gateway") }));
    const principals = this.principalScope(props);
    const readOnly = new Set(
      checkReadOnlyServices(props.readOnlyServices ?? [], "readOnlyServices", READ_ONLY_SERVICES, [...interfaceRefs, ...gatewayRefs]),
    );
    const policyFor = (key: string) => policyJson(scopedEndpointPolicy(principals, readOnly.has(key) ? READ_ONLY_ACTIONS[key] : undefined));

    const net = network(this, region, props.vpc ?? { kind: "new" }, tags);
    if (gateways.length > 0 && net.routeTableIds.length === 0) {
      throw new BlueprintInputError(
        "vpc.routeTableIds",
        "is empty; gateway endpoints attach to route tables: list the private route tables of the VPC",
      );
    }
    for (const gateway of gateways) {
      this.gatewayEndpoints[gateway.key] = new VpcEndpoint(this, `gateway-${gateway.key}`, {
        vpcId: net.vpcId,
        serviceName: gateway.serviceName,
        vpcEndpointType: "Gateway",
        routeTableIds: net.routeTableIds,
        policy: policyFor(gateway.key),
        tags: tags(`${gateway.key}-gateway`),
      });
    }

    if (interfaces.length > 0) {
      if (net.subnetIds.length < 2) {
        throw new BlueprintInputError(
          "vpc.subnets",
          `lists ${net.subnetIds.length} subnet(s); interface endpoints need one subnet in each of at least two availability zones`,
        );
      }
      const group = this.endpointSecurityGroup(net.vpcId, net.cidr, interfaces, name, tags);
      this.securityGroup = group;
      for (const service of interfaces) {
        this.interfaceEndpoints[service.key] = this.interfaceEndpoint(
          service,
          net.vpcId,
          net.subnetIds,
          group,
          privateDns,
          policyFor(service.key),
          tags,
        );
      }
    }
    this.outputs(net.vpcId, net.subnetIds);
  }

  private principalScope(props: ServiceEndpointsProps): PrincipalScope {
    if (props.organizationId !== undefined) {
      return { organizationId: checkOrganizationId(props.organizationId, "organizationId") };
    }
    if (props.allowedAccounts && props.allowedAccounts.length > 0) {
      return { accounts: checkAccountIds(props.allowedAccounts, "allowedAccounts") };
    }
    return { accounts: [new DataAwsCallerIdentity(this, "current").accountId] };
  }

  private endpointSecurityGroup(
    vpcId: string,
    cidr: string,
    services: ResolvedService[],
    name: string,
    tags: (s: string) => Record<string, string>,
  ): SecurityGroup {
    const group = new SecurityGroup(this, "endpoints-sg", {
      name: `${name}-endpoints`,
      description: `Interface VPC endpoints of ${name}: admits the service ports from the VPC CIDR only`,
      vpcId,
      tags: tags("endpoints"),
    });
    const ports = [...new Set(services.map((s) => s.port))].sort((a, b) => a - b);
    for (const port of ports) {
      const users = services.filter((s) => s.port === port).map((s) => (s.custom ? "a custom service" : s.key));
      const named = users.length <= 6 ? users.join(", ") : `${users.slice(0, 5).join(", ")} and ${users.length - 5} more`;
      new VpcSecurityGroupIngressRule(this, `endpoints-sg-ingress-${port}`, {
        securityGroupId: group.id,
        description: `TCP ${port} from the VPC CIDR to the ${named} endpoint(s)`,
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        cidrIpv4: cidr,
        tags: tags(`endpoints-ingress-${port}`),
      });
    }
    return group;
  }

  private interfaceEndpoint(
    service: ResolvedService,
    vpcId: string,
    subnetIds: string[],
    group: SecurityGroup,
    privateDns: boolean,
    policy: string,
    tags: (s: string) => Record<string, string>,
  ): VpcEndpoint {
    const dns = privateDns && service.privateDns;
    const gateway = this.gatewayEndpoints[service.key];
    return new VpcEndpoint(this, `interface-${service.key}`, {
      vpcId,
      serviceName: service.serviceName,
      vpcEndpointType: "Interface",
      subnetIds,
      securityGroupIds: [group.id],
      privateDnsEnabled: dns,
      // S3 and DynamoDB: with a gateway endpoint in the VPC, in-VPC traffic keeps
      // using the (free) gateway and only on-premises resolvers get the
      // interface's addresses; without one, private DNS must serve all resolvers.
      ...(dns && service.types.includes("Gateway")
        ? { dnsOptions: { privateDnsOnlyForInboundResolverEndpoint: gateway !== undefined } }
        : {}),
      ...(gateway ? { dependsOn: [gateway] } : {}),
      policy,
      tags: tags(service.custom ? "custom-endpoint" : service.key),
    });
  }

  private outputs(vpcId: string, subnetIds: string[]): void {
    const byKey = (endpoints: Record<string, VpcEndpoint>, pick: (e: VpcEndpoint) => unknown) =>
      Object.fromEntries(Object.entries(endpoints).map(([key, endpoint]) => [key, pick(endpoint)]));
    output(this, "vpc_id", vpcId, "VPC of the endpoints");
    output(this, "subnet_ids", subnetIds, "Subnets of the interface endpoints, one per zone");
    if (this.securityGroup) output(this, "security_group_id", this.securityGroup.id, "Security group of the interface endpoints");
    output(
      this,
      "interface_endpoint_ids",
      byKey(this.interfaceEndpoints, (e) => e.id),
      "Interface endpoint IDs by service",
    );
    output(
      this,
      "interface_endpoint_dns",
      byKey(this.interfaceEndpoints, (e) => e.dnsEntry),
      "DNS entries of the interface endpoints by service",
    );
    output(
      this,
      "gateway_endpoint_ids",
      byKey(this.gatewayEndpoints, (e) => e.id),
      "Gateway endpoint IDs by service",
    );
  }
}
