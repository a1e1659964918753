import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group/index.js";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint/index.js";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js";
import type { Construct } from "constructs";
import { endpointIpArgs, type IpAddressType } from "../../lib/dual-stack.ts";
import { endpointPolicy } from "../../lib/perimeter/index.ts";
import { type PrincipalScope, policyJson } from "../../lib/policies.ts";
import { isEndpointServiceName, type ResolvedService } from "../../lib/service-names.ts";

type Tags = (suffix: string) => Record<string, string>;

/** A range the endpoints admit, and whose it is (for the rule's description). */
export interface AdmittedRange {
  readonly cidr: string;
  readonly what: string;
  /** An IPv6 block (a dual-stack hub's and spokes'). @default false */
  readonly ipv6?: boolean;
}

/**
 * The endpoints' security group: each service port from the listed ranges only
 * (the hub, the spokes and, with a Resolver endpoint, on-premises), one rule per
 * port and range so that each says whose range it is.
 */
export function hubSecurityGroup(
  scope: Construct,
  vpcId: string,
  services: readonly ResolvedService[],
  admitted: readonly AdmittedRange[],
  name: string,
  tags: Tags,
): SecurityGroup {
  const group = new SecurityGroup(scope, "endpoints-sg", {
    name: `${name}-endpoints`,
    description: `Interface VPC endpoints of the ${name} hub: admits the service ports from the hub and spoke CIDRs only`,
    vpcId,
    tags: tags("endpoints"),
  });
  const ports = [...new Set(services.map((s) => s.port))].sort((a, b) => a - b);
  for (const port of ports) {
    admitted.forEach((range, i) => {
      new VpcSecurityGroupIngressRule(scope, `endpoints-sg-ingress-${port}-${i}`, {
        securityGroupId: group.id,
        description: `TCP ${port} from ${range.what} (${range.cidr})`,
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        ...(range.ipv6 ? { cidrIpv6: range.cidr } : { cidrIpv4: range.cidr }),
        tags: tags(`endpoints-ingress-${port}-${i}`),
      });
    });
  }
  return group;
}

/**
 * One interface endpoint per service, private DNS off (the hub's hosted zones
 * answer for every VPC instead), each with a data-perimeter policy for the hub's
 * and spokes' accounts; endpoints to endpoint services (`vpce-svc`) take none.
 */
export function hubEndpoints(
  scope: Construct,
  services: readonly ResolvedService[],
  net: { readonly vpcId: string; readonly subnetIds: string[] },
  group: SecurityGroup,
  principals: PrincipalScope,
  region: string,
  tags: Tags,
  ipAddressTypes: Readonly<Record<string, IpAddressType>> = {},
): Record<string, VpcEndpoint> {
  const endpoints: Record<string, VpcEndpoint> = {};
  services.forEach((service, i) => {
    const custom = isEndpointServiceName(service.serviceName);
    endpoints[service.key] = new VpcEndpoint(scope, service.custom ? `interface-custom-${i}` : `interface-${service.key}`, {
      vpcId: net.vpcId,
      serviceName: service.serviceName,
      vpcEndpointType: "Interface",
      subnetIds: net.subnetIds,
      securityGroupIds: [group.id],
      privateDnsEnabled: false,
      // dual-stack: IPv6 addresses and AAAA records (S3 without private DNS: no dns_options block; AWS follows the IP type)
      ...endpointIpArgs(ipAddressTypes[service.key] ?? "ipv4", {}, service.key !== "s3"),
      // trusted resources on S3: principals of the hub's and spokes' accounts reach only those accounts' buckets (and AWS-owned ones)
      ...(custom
        ? {}
        : {
            policy: policyJson(
              endpointPolicy({ service: service.serviceName, region, principals, trustedResources: service.key === "s3" }),
            ),
          }),
      tags: tags(service.custom ? `custom-endpoint-${i}` : service.key),
    });
  });
  return endpoints;
}
