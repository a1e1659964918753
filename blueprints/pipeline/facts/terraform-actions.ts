/**
 * The IAM actions Terraform's AWS provider (hashicorp/aws 5.100.0) calls to create, update, tag and delete each
 * resource type the blueprints synthesize: the deploy roles' policies are built from the types a role's stacks hold,
 * and nothing else. Reads are granted by service (`ec2:Describe*`): they change nothing, most take no resource-level
 * permissions, and the provider's read functions call many of them.
 *
 * Sources:
 * - the provider's resource code at v5.100.0, internal/service/{ec2,elbv2,route53,route53resolver,ram}/ (the SDK
 *   operations each resource's create, read, update and delete call),
 *   https://github.com/hashicorp/terraform-provider-aws/tree/v5.100.0/internal/service
 * - the Service Authorization Reference (action names): https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html,
 *   list_elasticloadbalancingv2.html, list_amazonroute53.html, list_amazonroute53resolver.html, list_awsresourceaccessmanagerram.html
 * - PrivateLink: creating an interface endpoint with private DNS associates AWS's private hosted zone with the VPC
 *   (route53:AssociateVPCWithHostedZone); cross-region endpoints and services need vpce:AllowMultiRegion
 *   (https://docs.aws.amazon.com/vpc/latest/privatelink/security_iam_id-based-policy-examples.html)
 * - service-linked roles the first use creates (iam:CreateServiceLinkedRole, scoped by iam:AWSServiceName):
 *   Elastic Load Balancing (https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-service-linked-roles.html),
 *   Transit Gateway (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-service-linked-roles.html)
 * - Route 53 Resolver endpoints create network interfaces as the caller
 *   (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/access-control-managing-permissions.html)
 */

/** What one resource type needs. */
export interface TypeActions {
  /** Actions called in the stack's region (granted only there). */
  readonly regional: readonly string[];
  /** Actions of global services (Route 53, IAM), called through us-east-1 whatever the stack's region. @default none */
  readonly global?: readonly string[];
  /** Service principals whose service-linked role the first create makes. @default none */
  readonly serviceLinkedRoles?: readonly string[];
}

/** Not a resource type: resources of a stack that reach across regions (`stack-facts.ts` says which). */
export const CROSS_REGION = "cross-region PrivateLink";

const EC2_TAGS = ["ec2:CreateTags", "ec2:DeleteTags"];
const ELB_TAGS = ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"];
const SG_RULES = [
  "ec2:ModifySecurityGroupRules",
  "ec2:UpdateSecurityGroupRuleDescriptionsIngress",
  "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
];
const ZONE_VPC = ["route53:AssociateVPCWithHostedZone", "route53:DisassociateVPCFromHostedZone"];

/** By Terraform resource type. A type missing here cannot get a deploy role: a test holds every blueprint's types to it. */
export const TYPE_ACTIONS: Readonly<Record<string, TypeActions>> = {
  aws_vpc: {
    regional: [
      "ec2:CreateVpc",
      "ec2:DeleteVpc",
      "ec2:ModifyVpcAttribute",
      "ec2:AssociateVpcCidrBlock",
      "ec2:DisassociateVpcCidrBlock",
      ...EC2_TAGS,
    ],
  },
  aws_subnet: {
    regional: [
      "ec2:CreateSubnet",
      "ec2:DeleteSubnet",
      "ec2:ModifySubnetAttribute",
      "ec2:AssociateSubnetCidrBlock",
      "ec2:DisassociateSubnetCidrBlock",
      ...EC2_TAGS,
    ],
  },
  aws_route_table: {
    regional: ["ec2:CreateRouteTable", "ec2:DeleteRouteTable", "ec2:CreateRoute", "ec2:DeleteRoute", "ec2:ReplaceRoute", ...EC2_TAGS],
  },
  aws_route_table_association: { regional: ["ec2:AssociateRouteTable", "ec2:DisassociateRouteTable", "ec2:ReplaceRouteTableAssociation"] },
  aws_route: { regional: ["ec2:CreateRoute", "ec2:DeleteRoute", "ec2:ReplaceRoute"] },
  aws_security_group: {
    // The provider revokes AWS's default egress rule after creating a group.
    regional: [
      "ec2:CreateSecurityGroup",
      "ec2:DeleteSecurityGroup",
      "ec2:RevokeSecurityGroupEgress",
      "ec2:RevokeSecurityGroupIngress",
      ...EC2_TAGS,
    ],
  },
  aws_vpc_security_group_ingress_rule: {
    regional: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", ...SG_RULES, ...EC2_TAGS],
  },
  aws_vpc_security_group_egress_rule: {
    regional: ["ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupEgress", ...SG_RULES, ...EC2_TAGS],
  },
  aws_vpc_endpoint: {
    regional: ["ec2:CreateVpcEndpoint", "ec2:ModifyVpcEndpoint", "ec2:DeleteVpcEndpoints", ...EC2_TAGS],
    global: ZONE_VPC,
  },
  // An endpoint in another region than its service (service_region), a service offered to other regions (supported_regions).
  [CROSS_REGION]: { regional: ["vpce:AllowMultiRegion"] },
  aws_vpc_endpoint_private_dns: { regional: ["ec2:ModifyVpcEndpoint"], global: ZONE_VPC },
  aws_vpc_endpoint_service: {
    regional: [
      "ec2:CreateVpcEndpointServiceConfiguration",
      "ec2:ModifyVpcEndpointServiceConfiguration",
      "ec2:DeleteVpcEndpointServiceConfigurations",
      "ec2:ModifyVpcEndpointServicePermissions",
      ...EC2_TAGS,
    ],
  },
  aws_vpc_endpoint_connection_accepter: { regional: ["ec2:AcceptVpcEndpointConnections", "ec2:RejectVpcEndpointConnections"] },
  aws_vpc_endpoint_service_private_dns_verification: { regional: ["ec2:StartVpcEndpointServicePrivateDnsVerification"] },
  aws_lb: {
    regional: [
      "elasticloadbalancing:CreateLoadBalancer",
      "elasticloadbalancing:DeleteLoadBalancer",
      "elasticloadbalancing:ModifyLoadBalancerAttributes",
      "elasticloadbalancing:SetSubnets",
      "elasticloadbalancing:SetSecurityGroups",
      "elasticloadbalancing:SetIpAddressType",
      "elasticloadbalancing:ModifyIpPools",
      ...ELB_TAGS,
    ],
    serviceLinkedRoles: ["elasticloadbalancing.amazonaws.com"],
  },
  aws_lb_listener: {
    regional: [
      "elasticloadbalancing:CreateListener",
      "elasticloadbalancing:DeleteListener",
      "elasticloadbalancing:ModifyListener",
      "elasticloadbalancing:ModifyListenerAttributes",
      ...ELB_TAGS,
    ],
  },
  aws_lb_target_group: {
    regional: [
      "elasticloadbalancing:CreateTargetGroup",
      "elasticloadbalancing:DeleteTargetGroup",
      "elasticloadbalancing:ModifyTargetGroup",
      "elasticloadbalancing:ModifyTargetGroupAttributes",
      ...ELB_TAGS,
    ],
  },
  aws_lb_target_group_attachment: { regional: ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"] },
  aws_route53_record: { regional: [], global: ["route53:ChangeResourceRecordSets"] },
  aws_route53_zone: {
    regional: [],
    global: [
      "route53:CreateHostedZone",
      "route53:DeleteHostedZone",
      "route53:UpdateHostedZoneComment",
      "route53:ChangeTagsForResource",
      ...ZONE_VPC,
    ],
  },
  aws_route53_zone_association: { regional: [], global: ZONE_VPC },
  aws_route53_vpc_association_authorization: {
    regional: [],
    global: ["route53:CreateVPCAssociationAuthorization", "route53:DeleteVPCAssociationAuthorization"],
  },
  aws_route53_resolver_endpoint: {
    regional: [
      "route53resolver:CreateResolverEndpoint",
      "route53resolver:UpdateResolverEndpoint",
      "route53resolver:DeleteResolverEndpoint",
      "route53resolver:AssociateResolverEndpointIpAddress",
      "route53resolver:DisassociateResolverEndpointIpAddress",
      "route53resolver:TagResource",
      "route53resolver:UntagResource",
      "ec2:CreateNetworkInterface",
      "ec2:DeleteNetworkInterface",
      "ec2:ModifyNetworkInterfaceAttribute",
      "ec2:CreateNetworkInterfacePermission",
    ],
  },
  aws_ec2_transit_gateway: {
    regional: ["ec2:CreateTransitGateway", "ec2:ModifyTransitGateway", "ec2:DeleteTransitGateway", ...EC2_TAGS],
  },
  aws_ec2_transit_gateway_route_table: {
    regional: ["ec2:CreateTransitGatewayRouteTable", "ec2:DeleteTransitGatewayRouteTable", ...EC2_TAGS],
  },
  aws_ec2_transit_gateway_route_table_association: {
    regional: ["ec2:AssociateTransitGatewayRouteTable", "ec2:DisassociateTransitGatewayRouteTable"],
  },
  aws_ec2_transit_gateway_route_table_propagation: {
    regional: ["ec2:EnableTransitGatewayRouteTablePropagation", "ec2:DisableTransitGatewayRouteTablePropagation"],
  },
  aws_ec2_transit_gateway_route: {
    regional: ["ec2:CreateTransitGatewayRoute", "ec2:DeleteTransitGatewayRoute", "ec2:ReplaceTransitGatewayRoute"],
  },
  aws_ec2_transit_gateway_vpc_attachment: {
    // With the default route table's association and propagation off, the provider sets them as the attachment is made.
    regional: [
      "ec2:CreateTransitGatewayVpcAttachment",
      "ec2:ModifyTransitGatewayVpcAttachment",
      "ec2:DeleteTransitGatewayVpcAttachment",
      "ec2:AssociateTransitGatewayRouteTable",
      "ec2:DisassociateTransitGatewayRouteTable",
      "ec2:EnableTransitGatewayRouteTablePropagation",
      "ec2:DisableTransitGatewayRouteTablePropagation",
      ...EC2_TAGS,
    ],
    serviceLinkedRoles: ["transitgateway.amazonaws.com"],
  },
  aws_ram_resource_share: {
    regional: ["ram:CreateResourceShare", "ram:UpdateResourceShare", "ram:DeleteResourceShare", "ram:TagResource", "ram:UntagResource"],
  },
  aws_ram_resource_association: { regional: ["ram:AssociateResourceShare", "ram:DisassociateResourceShare"] },
  aws_ram_principal_association: { regional: ["ram:AssociateResourceShare", "ram:DisassociateResourceShare"] },
  aws_ram_resource_share_accepter: {
    regional: ["ram:AcceptResourceShareInvitation", "ram:DisassociateResourceShare"],
  },
};

/** Reads by service: what the provider's read functions and data sources call, and refresh before every plan. */
export const SERVICE_READS: Readonly<Record<string, readonly string[]>> = {
  ec2: ["ec2:Describe*", "ec2:GetManagedPrefixListEntries", "ec2:GetSecurityGroupsForVpc"],
  elasticloadbalancing: ["elasticloadbalancing:Describe*"],
  route53: ["route53:Get*", "route53:List*"],
  route53resolver: ["route53resolver:Get*", "route53resolver:List*"],
  ram: ["ram:Get*", "ram:List*"],
  vpce: [],
  iam: [],
};
