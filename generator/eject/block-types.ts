/**
 * Which keys are nested blocks (not attributes) in hashicorp/aws 5.100.0, for the types the
 * blueprints use: Terraform JSON writes both as objects or lists, HCL needs to know which is which.
 * Generated from `terraform providers schema -json`; test/eject/block-types.test.ts checks it
 * against the provider, so a new resource type in a blueprint fails there first.
 */
export interface BlockTree {
  readonly [name: string]: BlockTree;
}

export const AWS_BLOCKS: { readonly provider: BlockTree; readonly resource: BlockTree; readonly data: BlockTree } = {
  provider: {
    assume_role: {},
    assume_role_with_web_identity: {},
    default_tags: {},
    endpoints: {},
    ignore_tags: {},
  },
  resource: {
    aws_ec2_transit_gateway: {
      timeouts: {},
    },
    aws_ec2_transit_gateway_route_table: {},
    aws_ec2_transit_gateway_route_table_association: {},
    aws_ec2_transit_gateway_route_table_propagation: {},
    aws_ec2_transit_gateway_vpc_attachment: {},
    aws_lb: {
      access_logs: {},
      connection_logs: {},
      ipam_pools: {},
      minimum_load_balancer_capacity: {},
      subnet_mapping: {},
      timeouts: {},
    },
    aws_lb_listener: {
      default_action: {
        authenticate_cognito: {},
        authenticate_oidc: {},
        fixed_response: {},
        forward: {
          stickiness: {},
          target_group: {},
        },
        redirect: {},
      },
      mutual_authentication: {},
      timeouts: {},
    },
    aws_lb_target_group: {
      health_check: {},
      stickiness: {},
      target_failover: {},
      target_group_health: {
        dns_failover: {},
        unhealthy_state_routing: {},
      },
      target_health_state: {},
    },
    aws_lb_target_group_attachment: {},
    aws_ram_principal_association: {},
    aws_ram_resource_association: {},
    aws_ram_resource_share: {
      timeouts: {},
    },
    aws_ram_resource_share_accepter: {
      timeouts: {},
    },
    aws_route: {
      timeouts: {},
    },
    aws_route53_record: {
      alias: {},
      cidr_routing_policy: {},
      failover_routing_policy: {},
      geolocation_routing_policy: {},
      geoproximity_routing_policy: {
        coordinates: {},
      },
      latency_routing_policy: {},
      timeouts: {},
      weighted_routing_policy: {},
    },
    aws_route53_resolver_endpoint: {
      ip_address: {},
      timeouts: {},
    },
    aws_route53_vpc_association_authorization: {
      timeouts: {},
    },
    aws_route53_zone: {
      timeouts: {},
      vpc: {},
    },
    aws_route53_zone_association: {
      timeouts: {},
    },
    aws_route_table: {
      timeouts: {},
    },
    aws_route_table_association: {
      timeouts: {},
    },
    aws_security_group: {
      timeouts: {},
    },
    aws_subnet: {
      timeouts: {},
    },
    aws_vpc: {},
    aws_vpc_endpoint: {
      dns_options: {},
      subnet_configuration: {},
      timeouts: {},
    },
    aws_vpc_endpoint_connection_notification: {},
    aws_vpc_endpoint_policy: {
      timeouts: {},
    },
    aws_vpc_endpoint_private_dns: {},
    aws_vpc_endpoint_route_table_association: {},
    aws_vpc_endpoint_security_group_association: {},
    aws_vpc_endpoint_connection_accepter: {},
    aws_vpc_endpoint_service: {
      timeouts: {},
    },
    aws_vpc_endpoint_service_allowed_principal: {},
    aws_vpc_endpoint_service_private_dns_verification: {
      timeouts: {},
    },
    aws_vpc_endpoint_subnet_association: {
      timeouts: {},
    },
    aws_vpc_security_group_egress_rule: {},
    aws_vpc_security_group_ingress_rule: {},
  },
  data: {
    aws_caller_identity: {},
  },
};
