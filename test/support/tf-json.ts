/** Reading synthesized Terraform JSON in assertions. */
export type TfJson = {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, Record<string, unknown>>;
  provider?: Record<string, Record<string, unknown>[]>;
  terraform?: Record<string, unknown>;
};

/** Every resource of `type`, by logical ID. */
export function resourcesOf(json: TfJson, type: string): Record<string, Record<string, unknown>> {
  return json.resource?.[type] ?? {};
}

/** The bodies of every resource of `type`. */
export function bodiesOf(json: TfJson, type: string): Record<string, unknown>[] {
  return Object.values(resourcesOf(json, type));
}

/** Every resource body of the stack with its type. */
export function allResources(json: TfJson): { type: string; id: string; body: Record<string, unknown> }[] {
  return Object.entries(json.resource ?? {}).flatMap(([type, byId]) => Object.entries(byId).map(([id, body]) => ({ type, id, body })));
}

/** Types that accept `tags` in hashicorp/aws 5.100.0 among those the blueprints use. */
export const UNTAGGABLE = new Set([
  "aws_route_table_association",
  "aws_vpc_endpoint_service_allowed_principal",
  "aws_vpc_endpoint_connection_notification",
  "aws_vpc_endpoint_service_private_dns_verification",
  "aws_lb_target_group_attachment",
  "aws_route53_record",
  "aws_vpc_endpoint_private_dns",
  "aws_vpc_endpoint_connection_accepter",
]);
