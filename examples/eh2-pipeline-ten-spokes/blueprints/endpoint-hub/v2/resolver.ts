import { Route53ResolverEndpoint } from "@cdktf/provider-aws/lib/route53-resolver-endpoint/index.js";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group/index.js";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule/index.js";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js";
import type { Construct } from "constructs";

type Tags = (suffix: string) => Record<string, string>;

/**
 * A Route 53 Resolver inbound endpoint in the hub, so that on-premises resolvers
 * can forward the services' names to the hub's private hosted zones: one address
 * per hub subnet, behind a group that admits DNS (TCP and UDP 53) from the
 * on-premises ranges only, and lets the answers back to them (ports 1024-65535).
 * The rules name sources, so connections are tracked: a tracked Resolver
 * endpoint handles fewer queries per second per address than an untracked one
 * (the README says when to widen them).
 */
export function resolverInbound(
  scope: Construct,
  vpcId: string,
  subnetIds: readonly string[],
  onPremisesCidrs: readonly string[],
  name: string,
  tags: Tags,
): Route53ResolverEndpoint {
  const group = new SecurityGroup(scope, "resolver-sg", {
    name: `${name}-resolver-inbound`,
    description: `Route 53 Resolver inbound endpoint of the ${name} hub: DNS from the on-premises ranges only`,
    vpcId,
    tags: tags("resolver-inbound"),
  });
  onPremisesCidrs.forEach((cidr, i) => {
    for (const protocol of ["tcp", "udp"]) {
      new VpcSecurityGroupIngressRule(scope, `resolver-sg-ingress-${protocol}-${i}`, {
        securityGroupId: group.id,
        description: `DNS (${protocol.toUpperCase()} 53) from on-premises ${cidr}`,
        ipProtocol: protocol,
        fromPort: 53,
        toPort: 53,
        cidrIpv4: cidr,
        tags: tags(`resolver-ingress-${protocol}-${i}`),
      });
    }
    for (const protocol of ["tcp", "udp"]) {
      new VpcSecurityGroupEgressRule(scope, `resolver-sg-egress-${protocol}-${i}`, {
        securityGroupId: group.id,
        description: `DNS answers (${protocol.toUpperCase()}) to on-premises ${cidr}`,
        ipProtocol: protocol,
        fromPort: 1024,
        toPort: 65535,
        cidrIpv4: cidr,
        tags: tags(`resolver-egress-${protocol}-${i}`),
      });
    }
  });
  return new Route53ResolverEndpoint(scope, "resolver-inbound", {
    name: `${name}-inbound`,
    direction: "INBOUND",
    securityGroupIds: [group.id],
    ipAddress: subnetIds.map((subnetId) => ({ subnetId })),
    protocols: ["Do53"],
    tags: tags("resolver-inbound"),
  });
}
