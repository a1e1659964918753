import { usableAddresses } from "../subnet-sizing.ts";
import { asList, type Body, type Rule, resources } from "./model.ts";
import { isObject } from "./nodes.ts";
import { isTerraformExpression } from "./policy.ts";
import { resolveResource } from "./references.ts";
import { regionOf } from "./rules-stack.ts";

/**
 * Attributes a parent resource sets that a separate resource also manages: the provider's docs say to
 * set them in one place only, or each plan undoes the other ("persistent differences").
 */
const SPLIT_ATTRIBUTES: readonly { parent: string; attribute: string; child: string; reference: string }[] = [
  { parent: "aws_vpc_endpoint", attribute: "private_dns_enabled", child: "aws_vpc_endpoint_private_dns", reference: "vpc_endpoint_id" },
  { parent: "aws_vpc_endpoint", attribute: "subnet_ids", child: "aws_vpc_endpoint_subnet_association", reference: "vpc_endpoint_id" },
  {
    parent: "aws_vpc_endpoint",
    attribute: "security_group_ids",
    child: "aws_vpc_endpoint_security_group_association",
    reference: "vpc_endpoint_id",
  },
  {
    parent: "aws_vpc_endpoint",
    attribute: "route_table_ids",
    child: "aws_vpc_endpoint_route_table_association",
    reference: "vpc_endpoint_id",
  },
  { parent: "aws_vpc_endpoint", attribute: "policy", child: "aws_vpc_endpoint_policy", reference: "vpc_endpoint_id" },
  { parent: "aws_security_group", attribute: "ingress", child: "aws_vpc_security_group_ingress_rule", reference: "security_group_id" },
  { parent: "aws_security_group", attribute: "egress", child: "aws_vpc_security_group_egress_rule", reference: "security_group_id" },
];

/** Whether a parent's attribute is set: present, and for a list, not empty. */
const isSet = (value: unknown) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);

/** Interfaces each resource type places in a subnet it names (a Gateway endpoint places none). */
function subnetsHolding(body: Body, type: string): unknown[] {
  if (type === "aws_vpc_endpoint") return body.vpc_endpoint_type === "Interface" ? asList(body.subnet_ids) : [];
  if (type === "aws_lb")
    return [...asList(body.subnets), ...asList(body.subnet_mapping).map((m) => (isObject(m) ? m.subnet_id : undefined))];
  if (type === "aws_ec2_transit_gateway_vpc_attachment") return asList(body.subnet_ids);
  if (type === "aws_route53_resolver_endpoint") return asList(body.ip_address).map((a) => (isObject(a) ? a.subnet_id : undefined));
  return [];
}
const PLACING = ["aws_vpc_endpoint", "aws_lb", "aws_ec2_transit_gateway_vpc_attachment", "aws_route53_resolver_endpoint"];
const TYPE_WORDS: Readonly<Record<string, string>> = {
  aws_vpc_endpoint: "interface endpoint",
  aws_lb: "load balancer",
  aws_ec2_transit_gateway_vpc_attachment: "Transit Gateway attachment",
  aws_route53_resolver_endpoint: "Resolver address",
};

/** Rules on what a first plan cannot show: the second plan, and the apply. */
export const SECOND_APPLY_RULES: readonly Rule[] = [
  {
    id: "PL_ATTRIBUTE_TWO_PLACES",
    title: "An attribute has one owner: the parent resource or its split resource, never both",
    why: "When aws_vpc_endpoint sets private_dns_enabled (or subnet_ids, security_group_ids, route_table_ids, policy) and a separate resource manages the same thing, or an aws_security_group has inline rules next to rule resources, each plan sets it back to the other's value: the plan after a successful apply is never empty, and applying it undoes the other resource's work (private DNS turned off again).",
    fix: "Leave the attribute out of the parent (for private_dns_enabled the endpoint is then created with it off) and let the split resource own it (endpoint-service@3 does; `create-privatelink upgrade`).",
    check: () => [],
    checkProject: (docs) =>
      docs.flatMap((doc) =>
        SPLIT_ATTRIBUTES.flatMap((split) =>
          resources(doc, split.child).flatMap((child) => {
            const parent = resolveResource(child.body[split.reference], doc, docs, split.parent);
            if (parent === undefined || !isSet(parent.body[split.attribute])) return [];
            return [
              {
                file: parent.doc.file,
                resource: `${split.parent}.${parent.name}`,
                message: `sets ${split.attribute}, which ${child.address} (${doc.file}) also manages: every plan after the first apply changes it back`,
              },
            ];
          }),
        ),
      ),
  },
  {
    id: "PL_SUPPORTED_REGIONS_HOME",
    title: "supported_regions states the service's own region",
    why: "AWS always reports an endpoint service's own region among its supported regions. A configuration that lists only the other regions differs from what the provider reads back, so every plan tries to remove the home region.",
    fix: "Add the provider's region to supported_regions (endpoint-service@3 does; `create-privatelink upgrade`).",
    check: (doc) =>
      resources(doc, "aws_vpc_endpoint_service").flatMap((r) => {
        const listed = asList(r.body.supported_regions);
        const home = regionOf(doc, r.body.provider);
        if (listed.length === 0 || home === undefined || listed.some((v) => typeof v !== "string" || isTerraformExpression(v))) return [];
        if (listed.includes(home)) return [];
        return [{ resource: r.address, message: `supported_regions lists ${listed.join(", ")} but not ${home}, the service's own region` }];
      }),
  },
  {
    id: "PL_SUBNET_CAPACITY",
    title: "Every subnet has an address for each interface placed in it",
    why: "AWS reserves five addresses in every subnet; each interface endpoint, load balancer, Transit Gateway attachment and Resolver address takes one more in each subnet it uses. A /28 holds 11. Past that the apply fails (InsufficientFreeAddressesInSubnet), after part of the stack exists.",
    fix: "Give the VPC a larger CIDR (newer blueprint versions size subnets for what they hold, or refuse at generate time), or spread the interfaces over larger subnets.",
    check: (doc) => {
      const placed = new Map<string, string[]>();
      for (const r of resources(doc, ...PLACING)) {
        for (const subnet of subnetsHolding(r.body, r.type)) {
          const name = typeof subnet === "string" ? /^\$\{aws_subnet\.([\w-]+)\.id\}$/.exec(subnet)?.[1] : undefined;
          if (name !== undefined) placed.set(name, [...(placed.get(name) ?? []), r.type]);
        }
      }
      return resources(doc, "aws_subnet").flatMap((subnet) => {
        const cidr = subnet.body.cidr_block;
        const prefix = typeof cidr === "string" ? /^\d+\.\d+\.\d+\.\d+\/(\d+)$/.exec(cidr)?.[1] : undefined;
        const types = placed.get(subnet.name) ?? [];
        if (prefix === undefined || types.length <= usableAddresses(Number(prefix))) return [];
        const counts = PLACING.map((t) => [t, types.filter((x) => x === t).length] as const).filter(([, n]) => n > 0);
        const what = counts.map(([t, n]) => `${n} ${TYPE_WORDS[t]}${n === 1 ? "" : "s"}`).join(", ");
        return [
          {
            resource: subnet.address,
            message: `${cidr} has ${usableAddresses(Number(prefix))} usable addresses (${2 ** (32 - Number(prefix))} - 5 AWS reserves) and holds ${types.length} interfaces (${what})`,
          },
        ];
      });
    },
  },
];

/** Rules on the transit gateway of a hub: spokes must not reach each other through it. */
export const TRANSIT_RULES: readonly Rule[] = [
  {
    id: "PL_TGW_SPOKE_ISOLATION",
    title: "Spokes do not share a propagating transit gateway route table",
    why: "With default route table association and propagation on (the provider's defaults), every attachment is associated with the one default table and propagates its range into it: each spoke learns every other spoke's range, and only the spokes' own VPC route tables keep them apart.",
    fix: "Turn both defaults off and use two route tables: spokes associate with one that holds only the hub's routes, the hub with one the spokes propagate into (endpoint-hub@2 does; `create-privatelink upgrade`).",
    check: (doc) =>
      resources(doc, "aws_ec2_transit_gateway")
        .filter((r) => r.body.default_route_table_association !== "disable" && r.body.default_route_table_propagation !== "disable")
        .map((r) => ({
          resource: r.address,
          message:
            "associates every attachment with its default route table and propagates every attachment into it: spokes learn each other's ranges",
        })),
  },
];
