import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity/index.js";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group/index.js";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint/index.js";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js";
import { Construct } from "constructs";
import { checkIpAddressType, endpointIpArgs, type IpAddressType, ipv6SourceOf, serviceIpAddressType } from "../../lib/dual-stack.ts";
import { BlueprintInputError } from "../../lib/errors.ts";
import { serviceNameV2 } from "../../lib/facts/china-prefixes.ts";
import { network } from "../../lib/network.ts";
import { output } from "../../lib/outputs.ts";
import { regionInfo } from "../../lib/partitions.ts";
import type { PrincipalScope } from "../../lib/policies.ts";
import { checkOrganizationId, checkReadOnlyServices } from "../../lib/rules.ts";
import { type ResolvedService, resolveService } from "../../lib/service-names.ts";
import { STABLE_ZONE_RULES } from "../../lib/stable-zones.ts";
import { blueprintTags } from "../../lib/tags.ts";
import { checkAccountIds, checkCidr, checkDistinct, checkTags } from "../../lib/validate.ts";
import { endpointPolicyFor, type PolicyContext } from "./endpoint-policies.ts";
import { READ_ONLY_SERVICES, SSM_AGENT_ENDPOINTS } from "./policy-templates.ts";
import type { ServiceEndpointsProps } from "./props.ts";
import { checkServiceZones, subnetsFor } from "./service-zones.ts";

export const BLUEPRINT = "service-endpoints";
export const VERSION = 4;

type Tags = (suffix: string) => Record<string, string>;

/**
 * VPC endpoints that let workloads in private subnets reach AWS services
 * without the internet: an interface endpoint (PrivateLink) per interface
 * service, in one subnet per zone (placed by zone ID) behind a dedicated
 * security group that admits only the service ports from the VPC CIDR and the
 * listed on-premises networks; a gateway endpoint per gateway service on the
 * VPC's route tables; a data-perimeter endpoint policy on each endpoint that
 * can carry one.
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
    const ipAddressType = checkIpAddressType(props.ipAddressType ?? "ipv4", "ipAddressType");
    const name = props.name ?? id;
    const onPremises = (props.onPremisesCidrs ?? []).map((cidr, i) => checkCidr(cidr, `onPremisesCidrs[${i}]`, 8, 32));
    checkDistinct(onPremises, "onPremisesCidrs");
    const userTags = checkTags(props.tags ?? {}, "tags");
    const tags: Tags = (suffix) => ({ Name: `${name}-${suffix}`, ...blueprintTags(BLUEPRINT, VERSION), ...userTags });

    if (interfaceRefs.length === 0 && gatewayRefs.length === 0) {
      throw new BlueprintInputError(
        "interfaceServices",
        'and `gatewayServices` are both empty; expected at least one service, e.g. interfaceServices: ["ssm"]',
      );
    }
    const interfaces = interfaceRefs.map((ref, i) => resolveV3(ref, region, `interfaceServices[${i}]`));
    checkDistinct(
      interfaces.map((s) => s.serviceName),
      "interfaceServices",
    );
    checkDistinct(gatewayRefs, "gatewayServices");
    const gateways = gatewayRefs.map((key, i) => resolveV3(key, region, `gatewayServices[${i}]`, "Gateway"));
    const policies: PolicyContext = {
      region,
      principals: this.principalScope(props),
      readOnly: new Set(
        checkReadOnlyServices(props.readOnlyServices ?? [], "readOnlyServices", READ_ONLY_SERVICES, [...interfaceRefs, ...gatewayRefs]),
      ),
      trustedResources: props.trustedResources ?? true,
      ssmAgent: interfaceRefs.some((ref) => SSM_AGENT_ENDPOINTS.includes(ref)),
    };

    // a new VPC's subnets hold one interface per endpoint: sized for them, or refused naming vpc.cidr with the arithmetic
    const demand = { interfaces: interfaces.length, what: `${interfaces.length} interface endpoint(s)` };
    const vpc = props.vpc ?? { kind: "new" };
    const dualStack = ipAddressType === "dualstack";
    const net = network(this, region, vpc.kind === "new" && dualStack ? { ...vpc, dualStack } : vpc, tags, STABLE_ZONE_RULES, demand);
    const ipv6 = ipv6SourceOf(ipAddressType, net.ipv6Cidr, "vpc.ipv6Cidr");
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
        policy: endpointPolicyFor(gateway, policies),
        tags: tags(`${gateway.key}-gateway`),
      });
    }

    checkServiceZones(props.serviceZones);
    if (interfaces.length > 0) {
      if (net.subnetIds.length < 2) {
        throw new BlueprintInputError(
          "vpc.subnets",
          `lists ${net.subnetIds.length} subnet(s); interface endpoints need one subnet in each of at least two availability zones`,
        );
      }
      const group = this.endpointSecurityGroup(net.vpcId, { ipv4: net.cidr, ipv6 }, onPremises, interfaces, name, tags);
      this.securityGroup = group;
      for (const service of interfaces) {
        const subnets = subnetsFor(service, net, props.serviceZones);
        // dual-stack only where AWS says the service's endpoints take IPv6: elsewhere the create fails at apply
        const type = serviceIpAddressType(ipAddressType, service, props.serviceIpAddressTypes);
        this.interfaceEndpoints[service.key] = this.interfaceEndpoint(service, net.vpcId, subnets, group, privateDns, policies, tags, type);
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
    vpcCidrs: { readonly ipv4: string; readonly ipv6?: string },
    onPremises: readonly string[],
    services: ResolvedService[],
    name: string,
    tags: Tags,
  ): SecurityGroup {
    const group = new SecurityGroup(this, "endpoints-sg", {
      name: `${name}-endpoints`,
      description: `Interface VPC endpoints of ${name}: admits the service ports from the VPC CIDR${onPremises.length > 0 ? " and on-premises networks" : ""} only`,
      vpcId,
      tags: tags("endpoints"),
    });
    const ports = [...new Set(services.map((s) => s.port))].sort((a, b) => a - b);
    for (const port of ports) {
      const users = services.filter((s) => s.port === port).map((s) => (s.custom ? "a custom service" : s.key));
      const named = users.length <= 6 ? users.join(", ") : `${users.slice(0, 5).join(", ")} and ${users.length - 5} more`;
      const rule = (id: string, source: string, from: string, family: "cidrIpv4" | "cidrIpv6" = "cidrIpv4") =>
        new VpcSecurityGroupIngressRule(this, id, {
          securityGroupId: group.id,
          description: `TCP ${port} from ${from} to the ${named} endpoint(s)`,
          ipProtocol: "tcp",
          fromPort: port,
          toPort: port,
          [family]: source,
          tags: tags(id.replace("endpoints-sg-", "endpoints-")),
        });
      rule(`endpoints-sg-ingress-${port}`, vpcCidrs.ipv4, "the VPC CIDR");
      if (vpcCidrs.ipv6) rule(`endpoints-sg-ingress-ipv6-${port}`, vpcCidrs.ipv6, "the VPC's IPv6 block", "cidrIpv6");
      onPremises.forEach((source, i) => {
        rule(`endpoints-sg-on-premises-${i + 1}-${port}`, source, `on-premises network ${source}`);
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
    policies: PolicyContext,
    tags: Tags,
    ipAddressType: IpAddressType,
  ): VpcEndpoint {
    const dns = privateDns && service.privateDns;
    const gateway = this.gatewayEndpoints[service.key];
    const policy = endpointPolicyFor(service, policies);
    return new VpcEndpoint(this, `interface-${service.key}`, {
      vpcId,
      serviceName: service.serviceName,
      vpcEndpointType: "Interface",
      subnetIds,
      securityGroupIds: [group.id],
      privateDnsEnabled: dns,
      // S3: with a gateway endpoint in the VPC, in-VPC traffic keeps using the
      // (free) gateway and only on-premises resolvers get the interface's
      // addresses; without one, private DNS must serve all resolvers.
      // dual-stack: IPv6 addresses and AAAA records. S3 without private DNS gets no dns_options block (the
      // provider would send the inbound-resolver flag with it); AWS gives its records the endpoint's IP type.
      ...(service.types.includes("Gateway") && !dns
        ? endpointIpArgs(ipAddressType, {}, false)
        : endpointIpArgs(
            ipAddressType,
            dns && service.types.includes("Gateway") ? { privateDnsOnlyForInboundResolverEndpoint: gateway !== undefined } : {},
          )),
      ...(gateway ? { dependsOn: [gateway] } : {}),
      ...(policy !== undefined ? { policy } : {}),
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

/**
 * A service resolved as v3 names it: China interface names per region
 * (`serviceNameV2`), and no private DNS on DynamoDB's interface endpoint
 * (the DynamoDB PrivateLink guide: clients use the endpoint-specific DNS names).
 */
function resolveV3(ref: string, region: string, field: string, type: "Interface" | "Gateway" = "Interface"): ResolvedService {
  if (type === "Gateway") {
    const serviceName = serviceNameV2(ref, region, field, "Gateway");
    return { key: ref, serviceName, port: 443, privateDns: false, types: ["Gateway"], custom: false };
  }
  const service = resolveService(ref, region, field);
  if (service.custom) return service;
  return { ...service, serviceName: serviceNameV2(ref, region, field), privateDns: service.privateDns && ref !== "dynamodb" };
}
