import { Lb } from "@cdktf/provider-aws/lib/lb/index.js";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener/index.js";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group/index.js";
import { LbTargetGroupAttachment } from "@cdktf/provider-aws/lib/lb-target-group-attachment/index.js";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record/index.js";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group/index.js";
import { VpcEndpointConnectionNotification } from "@cdktf/provider-aws/lib/vpc-endpoint-connection-notification/index.js";
import { VpcEndpointService } from "@cdktf/provider-aws/lib/vpc-endpoint-service/index.js";
import { VpcEndpointServicePrivateDnsVerification } from "@cdktf/provider-aws/lib/vpc-endpoint-service-private-dns-verification/index.js";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule/index.js";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js";
import { Construct } from "constructs";
import { checkConsumers, checkConsumerZones } from "../../lib/consumers.ts";
import { checkIpAddressType, ipv6SourceOf } from "../../lib/dual-stack.ts";
import { BlueprintInputError } from "../../lib/errors.ts";
import { byCodePoint } from "../../lib/order.ts";
import { output } from "../../lib/outputs.ts";
import { regionInfo } from "../../lib/partitions.ts";
import { checkCertificateArn, checkHostedZoneId, checkPort, checkPrivateDnsName, checkSnsTopicArn } from "../../lib/rules.ts";
import { blueprintTags } from "../../lib/tags.ts";
import { checkDistinct, checkTags } from "../../lib/validate.ts";
import { checkZonedVpc, zonedNetwork } from "../../lib/zoned-network.ts";
import type { EndpointServiceProps } from "./props.ts";

export const BLUEPRINT = "endpoint-service";
export const VERSION = 3;
export const DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09";

/**
 * A service offered over PrivateLink: an internal Network Load Balancer in
 * front of the targets, and a VPC endpoint service on it that only the listed
 * consumer accounts may connect to. Acceptance is always required: the
 * acceptance stack accepts exactly the listed consumers' endpoints.
 */
export class EndpointService extends Construct {
  public readonly service: VpcEndpointService;
  public readonly loadBalancer: Lb;
  /** Service name consumers connect to (`com.amazonaws.vpce.<region>.vpce-svc-…`). */
  public readonly serviceName: string;
  /** True when the private DNS name is verified here (a hosted zone is given): consumers turn private DNS on after acceptance. */
  public readonly privateDnsVerified: boolean;

  constructor(scope: Construct, id: string, props: EndpointServiceProps) {
    super(scope, id);
    const region = regionInfo(props.region);
    const name = props.name ?? id;
    const userTags = checkTags(props.tags ?? {}, "tags", "elb");
    const tags = (suffix: string) => ({ Name: `${name}-${suffix}`, ...blueprintTags(BLUEPRINT, VERSION), ...userTags });
    const listener = {
      protocol: props.listener?.protocol ?? "TCP",
      port: props.listener?.port ?? 443,
      certificateArn: props.listener?.certificateArn,
      sslPolicy: props.listener?.sslPolicy ?? DEFAULT_SSL_POLICY,
    };
    const targets = {
      type: props.targets?.type ?? "instance",
      port: props.targets?.port ?? listener.port,
      ids: [...(props.targets?.ids ?? [])],
      proxyProtocolV2: props.targets?.proxyProtocolV2 ?? false,
    };
    checkPort(listener.port, "listener.port");
    checkPort(targets.port, "targets.port");
    if (listener.protocol === "TLS" && !listener.certificateArn) {
      throw new BlueprintInputError(
        "listener.certificateArn",
        "is missing; a TLS listener needs an ACM certificate ARN of the same region",
      );
    }
    if (props.hostedZoneId && !props.privateDnsName)
      throw new BlueprintInputError("hostedZoneId", "is set without `privateDnsName`; give the private DNS name it verifies");
    if (props.privateDnsName !== undefined) checkPrivateDnsName(props.privateDnsName, "privateDnsName", region.partition);
    if (props.hostedZoneId !== undefined) checkHostedZoneId(props.hostedZoneId, "hostedZoneId");
    if (listener.protocol === "TLS") checkCertificateArn(listener.certificateArn, "listener.certificateArn", region.region);
    const listed = [...(props.supportedRegions ?? [])];
    listed.forEach((r, i) => {
      if (regionInfo(r, `supportedRegions[${i}]`).partition !== region.partition)
        throw new BlueprintInputError(
          `supportedRegions[${i}]`,
          `${r} is not in partition ${region.partition}; PrivateLink does not cross partitions`,
        );
    });
    checkDistinct(listed, "supportedRegions");
    // the other regions consumers may connect from: the service's own region may be listed too, and counts once
    const supportedRegions = listed.filter((r) => r !== region.region);
    const consumers = checkConsumers(props.consumers ?? [], region.region, supportedRegions, "consumers");
    const principals = consumers.map((c) => `arn:${region.partition}:iam::${c.accountId}:root`);

    const ipAddressType = checkIpAddressType(props.ipAddressType ?? "ipv4", "ipAddressType");
    const dualStack = ipAddressType === "dualstack";
    const demand = { interfaces: 1, what: "the NLB's interface" };
    const net = zonedNetwork(this, region.region, checkZonedVpc(props.vpc ?? {}, region.region, "vpc"), tags, demand, dualStack);
    const ipv6 = ipv6SourceOf(ipAddressType, net.ipv6Cidr, "vpc.ipv6Cidr");
    consumers.forEach((c, i) => {
      if (c.vpc.kind === "existing") ipv6SourceOf(ipAddressType, c.vpc.ipv6Cidr, `consumers[${i}].ipv6Cidr`);
    });
    if (net.subnetIds.length < 2)
      throw new BlueprintInputError(
        "vpc.subnets",
        `lists ${net.subnetIds.length} subnet(s); the NLB needs subnets in at least two availability zones`,
      );
    checkConsumerZones(consumers, net.zones, region.region, "consumers");

    // The NLB's group admits the listener port from the provider VPC only and sends only to the
    // targets' port in it. PrivateLink traffic is not subject to it (the enforcement flag is off),
    // because consumer addresses are unknown here and may overlap; the endpoint service's allowed
    // principals and acceptance gate that traffic instead (hashicorp/terraform-provider-aws#33766).
    const group = new SecurityGroup(this, "nlb-sg", {
      name: `${name}-nlb`,
      description: `NLB of ${name}: listener port from the VPC, targets in the VPC`,
      vpcId: net.vpcId,
      tags: tags("nlb"),
    });
    new VpcSecurityGroupIngressRule(this, "nlb-sg-ingress", {
      securityGroupId: group.id,
      description: `TCP ${listener.port} from the provider VPC`,
      ipProtocol: "tcp",
      fromPort: listener.port,
      toPort: listener.port,
      cidrIpv4: net.cidr,
      tags: tags("nlb-ingress"),
    });
    if (ipv6)
      new VpcSecurityGroupIngressRule(this, "nlb-sg-ingress-ipv6", {
        securityGroupId: group.id,
        description: `TCP ${listener.port} from the provider VPC's IPv6 block`,
        ipProtocol: "tcp",
        fromPort: listener.port,
        toPort: listener.port,
        cidrIpv6: ipv6,
        tags: tags("nlb-ingress-ipv6"),
      });
    new VpcSecurityGroupEgressRule(this, "nlb-sg-egress", {
      securityGroupId: group.id,
      description: `TCP ${targets.port} to the targets and their health checks`,
      ipProtocol: "tcp",
      fromPort: targets.port,
      toPort: targets.port,
      cidrIpv4: net.cidr,
      tags: tags("nlb-egress"),
    });

    this.loadBalancer = new Lb(this, "nlb", {
      name: lbName(name, "nlb"),
      loadBalancerType: "network",
      internal: true,
      // dual-stack: the endpoint service can offer IPv6 only on a dual-stack NLB; the targets stay IPv4
      ...(dualStack ? { ipAddressType: "dualstack" } : {}),
      subnets: net.subnetIds,
      securityGroups: [group.id],
      enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: "off",
      enableCrossZoneLoadBalancing: true,
      enableDeletionProtection: props.deletionProtection ?? true,
      tags: tags("nlb"),
    });
    const targetGroup = new LbTargetGroup(this, "targets", {
      name: lbName(name, "tg"),
      port: targets.port,
      protocol: "TCP",
      targetType: targets.type,
      ...(targets.proxyProtocolV2 ? { proxyProtocolV2: true } : {}),
      vpcId: net.vpcId,
      healthCheck: { enabled: true, protocol: "TCP", port: "traffic-port", healthyThreshold: 3, unhealthyThreshold: 3, interval: 10 },
      tags: tags("targets"),
    });
    targets.ids.forEach((target, i) => {
      new LbTargetGroupAttachment(this, `target-${i}`, { targetGroupArn: targetGroup.arn, targetId: target, port: targets.port });
    });
    new LbListener(this, "listener", {
      loadBalancerArn: this.loadBalancer.arn,
      port: listener.port,
      protocol: listener.protocol,
      ...(listener.protocol === "TLS" ? { certificateArn: listener.certificateArn, sslPolicy: listener.sslPolicy } : {}),
      defaultAction: [{ type: "forward", targetGroupArn: targetGroup.arn }],
      tags: tags("listener"),
    });

    this.service = new VpcEndpointService(this, "service", {
      acceptanceRequired: true,
      networkLoadBalancerArns: [this.loadBalancer.arn],
      allowedPrincipals: principals,
      supportedIpAddressTypes: dualStack ? ["ipv4", "ipv6"] : ["ipv4"],
      ...(props.privateDnsName ? { privateDnsName: props.privateDnsName } : {}),
      // AWS always reports the service's own region among its supported regions: stated here too, or every plan removes it
      ...(supportedRegions.length > 0 ? { supportedRegions: [region.region, ...supportedRegions].sort(byCodePoint) } : {}),
      tags: tags("service"),
    });
    this.serviceName = this.service.serviceName;
    this.privateDnsVerified = !!(props.privateDnsName && props.hostedZoneId);

    if (props.privateDnsName && props.hostedZoneId) {
      const verification = this.service.privateDnsNameConfiguration.get(0);
      const record = new Route53Record(this, "dns-verification-record", {
        zoneId: props.hostedZoneId,
        name: `${verification.name}.${props.privateDnsName}`,
        type: "TXT",
        ttl: 1800,
        records: [verification.value],
      });
      new VpcEndpointServicePrivateDnsVerification(this, "dns-verification", {
        serviceId: this.service.id,
        waitForVerification: true,
        dependsOn: [record],
      });
    }
    if (props.notificationTopicArn) {
      checkSnsTopicArn(props.notificationTopicArn, "notificationTopicArn", region.region);
      new VpcEndpointConnectionNotification(this, "connection-notification", {
        vpcEndpointServiceId: this.service.id,
        connectionNotificationArn: props.notificationTopicArn,
        connectionEvents: ["Accept", "Connect", "Delete", "Reject"],
      });
    }

    output(this, "service_name", this.service.serviceName, "Endpoint service name consumers connect to");
    output(this, "service_id", this.service.id, "Endpoint service ID (accept connections with it)");
    output(this, "nlb_arn", this.loadBalancer.arn, "Network Load Balancer ARN");
    output(this, "allowed_principals", principals, "Principals allowed to connect");
    if (props.privateDnsName)
      output(this, "private_dns_verification", this.service.privateDnsNameConfiguration, "TXT record that verifies the private DNS name");
  }
}

/** Load balancer and target group names: at most 32 characters, no leading or trailing hyphen. */
function lbName(name: string, suffix: string): string {
  return `${name
    .slice(0, 31 - suffix.length)
    .replace(/[^A-Za-z0-9-]/g, "-")
    .replace(/-+$/, "")}-${suffix}`;
}
