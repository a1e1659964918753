import { asList, type Body, type LintDocument, parsePolicy, type Rule, resources, statements, WORLD } from "./model";

type Result = ReturnType<Rule["check"]>;

/** Ingress and egress rules of every kind, flattened: inline blocks and rule resources. */
function sgRules(
  doc: LintDocument,
  direction: "ingress" | "egress",
): { address: string; body: Body; cidrs: string[]; from: number; to: number; protocol: string; description: unknown }[] {
  const out: ReturnType<typeof sgRules> = [];
  const port = (v: unknown, fallback: number) => (typeof v === "number" ? v : fallback);
  for (const g of resources(doc, "aws_security_group")) {
    asList(g.body[direction]).forEach((rule, i) => {
      const r = rule as Body;
      out.push({
        address: `${g.address}.${direction}[${i}]`,
        body: r,
        cidrs: [...asList(r.cidr_blocks), ...asList(r.ipv6_cidr_blocks)] as string[],
        from: port(r.from_port, 0),
        to: port(r.to_port, 65535),
        protocol: String(r.protocol ?? "-1"),
        description: r.description,
      });
    });
  }
  for (const r of resources(doc, "aws_security_group_rule")) {
    if (r.body.type !== direction) continue;
    out.push({
      address: r.address,
      body: r.body,
      cidrs: [...asList(r.body.cidr_blocks), ...asList(r.body.ipv6_cidr_blocks)] as string[],
      from: port(r.body.from_port, 0),
      to: port(r.body.to_port, 65535),
      protocol: String(r.body.protocol ?? "-1"),
      description: r.body.description,
    });
  }
  for (const r of resources(doc, `aws_vpc_security_group_${direction}_rule`)) {
    const all = String(r.body.ip_protocol) === "-1";
    out.push({
      address: r.address,
      body: r.body,
      cidrs: [r.body.cidr_ipv4, r.body.cidr_ipv6].filter((c) => typeof c === "string") as string[],
      from: all ? 0 : port(r.body.from_port, 0),
      to: all ? 65535 : port(r.body.to_port, 65535),
      protocol: String(r.body.ip_protocol),
      description: r.body.description,
    });
  }
  return out;
}

function worldIngressOn(portNumber: number) {
  return (doc: LintDocument): Result =>
    sgRules(doc, "ingress")
      .filter((r) => r.cidrs.some((c) => WORLD.includes(c)) && (r.protocol === "-1" || (r.from <= portNumber && portNumber <= r.to)))
      .map((r) => ({
        resource: r.address,
        message: `admits port ${portNumber} from ${r.cidrs.filter((c) => WORLD.includes(c)).join(" and ")}`,
      }));
}

const isEndpointServiceRef = (name: unknown) =>
  typeof name === "string" && (/vpce-svc-/.test(name) || /\$\{.*(vpc_endpoint_service|terraform_remote_state)/.test(name));

function allowsAll(statement: Record<string, unknown>): boolean {
  const principal = statement.Principal;
  const anyone =
    principal === "*" ||
    (principal !== null && typeof principal === "object" && asList((principal as Record<string, unknown>).AWS).includes("*"));
  return (
    statement.Effect === "Allow" &&
    anyone &&
    asList(statement.Action).includes("*") &&
    asList(statement.Resource).includes("*") &&
    statement.Condition === undefined
  );
}

const isWildcardPrincipal = (p: unknown) => p === "*" || (typeof p === "string" && /^arn:[^:]+:iam::\*:/.test(p));

/** Every rule, in report order. */
export const RULES: readonly Rule[] = [
  {
    id: "CKV_AWS_123",
    title: "Endpoint services require acceptance",
    why: "Without acceptance any allowed principal connects at once; with `*` allowed, the service is effectively public.",
    fix: "Set acceptance_required = true on aws_vpc_endpoint_service and accept known endpoints.",
    check: (doc) =>
      resources(doc, "aws_vpc_endpoint_service")
        .filter((r) => r.body.acceptance_required !== true)
        .map((r) => ({ resource: r.address, message: "acceptance_required is not true" })),
  },
  {
    id: "PL_SERVICE_PRINCIPAL_WILDCARD",
    title: "Endpoint services never allow `*`",
    why: "A `*` principal lets every AWS account find and connect to the service.",
    fix: "List the consumer accounts as arn:<partition>:iam::<account>:root, or specific role ARNs.",
    check: (doc) => [
      ...resources(doc, "aws_vpc_endpoint_service")
        .filter((r) => asList(r.body.allowed_principals).some(isWildcardPrincipal))
        .map((r) => ({ resource: r.address, message: "allowed_principals contains a wildcard" })),
      ...resources(doc, "aws_vpc_endpoint_service_allowed_principal")
        .filter((r) => isWildcardPrincipal(r.body.principal_arn))
        .map((r) => ({ resource: r.address, message: "principal_arn is a wildcard" })),
    ],
  },
  {
    id: "PL_SERVICE_PRINCIPAL_PATH",
    title: "Endpoint service principals carry no IAM path",
    why: "The VPC endpoint service API rejects role ARNs with a path; the deploy fails.",
    fix: "Use arn:<partition>:iam::<account>:role/<name> without the path, or the account root.",
    check: (doc) => [
      ...resources(doc, "aws_vpc_endpoint_service").flatMap((r) =>
        asList(r.body.allowed_principals)
          .filter((p) => typeof p === "string" && /:role\/.+\//.test(p))
          .map((p) => ({ resource: r.address, message: `principal ${String(p)} has an IAM path` })),
      ),
      ...resources(doc, "aws_vpc_endpoint_service_allowed_principal")
        .filter((r) => typeof r.body.principal_arn === "string" && /:role\/.+\//.test(r.body.principal_arn))
        .map((r) => ({ resource: r.address, message: "principal_arn has an IAM path" })),
    ],
  },
  {
    id: "CKV_AWS_24",
    title: "No SSH (22) from the world",
    why: "Open SSH invites brute force.",
    fix: "Admit the port from the VPC CIDR or a known range only.",
    check: worldIngressOn(22),
  },
  {
    id: "CKV_AWS_25",
    title: "No RDP (3389) from the world",
    why: "Open RDP invites brute force.",
    fix: "Admit the port from the VPC CIDR or a known range only.",
    check: worldIngressOn(3389),
  },
  {
    id: "CKV_AWS_260",
    title: "No HTTP (80) from the world",
    why: "A private service has no reason to take traffic from the internet.",
    fix: "Admit the port from the VPC CIDR or a known range only.",
    check: worldIngressOn(80),
  },
  {
    id: "PL_SG_WORLD_INGRESS",
    title: "No ingress from 0.0.0.0/0 or ::/0 at all",
    why: "PrivateLink exists to keep traffic private; an endpoint or NLB security group open to the world defeats it.",
    fix: "Admit the service port from the VPC CIDR only.",
    check: (doc) =>
      sgRules(doc, "ingress")
        .filter((r) => r.cidrs.some((c) => WORLD.includes(c)))
        .map((r) => ({
          resource: r.address,
          message: `admits ${r.protocol === "-1" ? "all traffic" : `ports ${r.from}-${r.to}`} from ${r.cidrs.filter((c) => WORLD.includes(c)).join(" and ")}`,
        })),
  },
  {
    id: "CKV_AWS_23",
    title: "Security groups and their rules have descriptions",
    why: "Reviewers and auditors need to know what a group and each rule are for.",
    fix: "Set description on the group and on every rule.",
    check: (doc) => [
      ...resources(doc, "aws_security_group")
        .filter(
          (g) =>
            typeof g.body.description !== "string" || g.body.description.trim() === "" || g.body.description === "Managed by Terraform",
        )
        .map((g) => ({ resource: g.address, message: "the group has no description of its own" })),
      ...[...sgRules(doc, "ingress"), ...sgRules(doc, "egress")]
        .filter((r) => typeof r.description !== "string" || r.description.trim() === "")
        .map((r) => ({ resource: r.address, message: "the rule has no description" })),
    ],
  },
  {
    id: "CKV_AWS_382",
    title: "Egress is restricted",
    why: "All-traffic egress to the world lets anything behind the group exfiltrate data.",
    fix: "Allow only the ports and destinations needed (an endpoint needs no egress at all).",
    check: (doc) =>
      sgRules(doc, "egress")
        .filter((r) => r.protocol === "-1" && r.cidrs.some((c) => WORLD.includes(c)))
        .map((r) => ({ resource: r.address, message: "allows all traffic to the world" })),
  },
  {
    id: "CKV2_AWS_5",
    title: "Security groups are attached to something",
    why: "An unattached group is dead weight or a sign of a broken reference.",
    fix: "Reference the group from an endpoint, load balancer or instance, or remove it.",
    check: (doc) => {
      const ruleTypes = [
        "aws_security_group",
        "aws_security_group_rule",
        "aws_vpc_security_group_ingress_rule",
        "aws_vpc_security_group_egress_rule",
      ];
      const users = JSON.stringify(Object.entries(doc.json.resource ?? {}).filter(([type]) => !ruleTypes.includes(type)));
      return resources(doc, "aws_security_group")
        .filter((g) => !users.includes(`\${aws_security_group.${g.name}.id}`))
        .map((g) => ({ resource: g.address, message: "no resource uses this group" }));
    },
  },
  {
    id: "PL_NLB_INTERNAL",
    title: "Network Load Balancers for PrivateLink are internal",
    why: "An endpoint service needs no internet-facing NLB; one would expose the service outside PrivateLink.",
    fix: "Set internal = true.",
    check: (doc) =>
      resources(doc, "aws_lb", "aws_alb")
        .filter((r) => r.body.load_balancer_type === "network" && r.body.internal !== true)
        .map((r) => ({ resource: r.address, message: "the NLB is internet-facing" })),
  },
  {
    id: "CKV_AWS_152",
    title: "NLBs balance across zones",
    why: "Without cross-zone load balancing, a consumer's endpoint in one zone only reaches targets in that zone.",
    fix: "Set enable_cross_zone_load_balancing = true.",
    check: (doc) =>
      resources(doc, "aws_lb", "aws_alb")
        .filter((r) => r.body.load_balancer_type === "network" && r.body.enable_cross_zone_load_balancing !== true)
        .map((r) => ({ resource: r.address, message: "cross-zone load balancing is off" })),
  },
  {
    id: "CKV_AWS_150",
    title: "Load balancers have deletion protection",
    why: "Deleting the NLB behind an endpoint service cuts every consumer off.",
    fix: "Set enable_deletion_protection = true (turn it off deliberately before a planned removal).",
    check: (doc) =>
      resources(doc, "aws_lb", "aws_alb")
        .filter((r) => r.body.enable_deletion_protection !== true)
        .map((r) => ({ resource: r.address, message: "deletion protection is off" })),
  },
  {
    id: "PL_ENDPOINT_POLICY",
    title: "Endpoints carry an explicit policy that is not allow-all",
    why: "The default endpoint policy allows any principal to do anything through the endpoint, including reaching other accounts' resources.",
    fix: "Attach a policy that narrows principals (aws:PrincipalAccount or aws:PrincipalOrgID) or actions. Endpoints to endpoint services (vpce-svc) are exempt: they do not take policies.",
    check: (doc) =>
      resources(doc, "aws_vpc_endpoint")
        .filter((r) => !isEndpointServiceRef(r.body.service_name))
        .flatMap((r) => {
          if (r.body.policy === undefined) return [{ resource: r.address, message: "has no policy: AWS applies allow-all" }];
          const policy = parsePolicy(r.body.policy);
          return policy && statements(policy).some(allowsAll)
            ? [{ resource: r.address, message: "the policy allows every principal every action without a condition" }]
            : [];
        }),
  },
  {
    id: "PL_INTERFACE_MULTI_AZ",
    title: "Interface endpoints span at least two zones",
    why: "An endpoint in one zone fails with that zone.",
    fix: "Give one subnet in each of two or more availability zones.",
    check: (doc) =>
      resources(doc, "aws_vpc_endpoint")
        .filter((r) => r.body.vpc_endpoint_type === "Interface" && Array.isArray(r.body.subnet_ids) && r.body.subnet_ids.length < 2)
        .map((r) => ({ resource: r.address, message: `is in ${asList(r.body.subnet_ids).length} subnet(s)` })),
  },
  {
    id: "PL_GATEWAY_ROUTE_TABLES",
    title: "Gateway endpoints are on route tables",
    why: "A gateway endpoint without route tables routes nothing; traffic keeps going through NAT or the internet.",
    fix: "Set route_table_ids to the private route tables (and set vpc_endpoint_type explicitly: the provider's default is Gateway).",
    check: (doc) =>
      resources(doc, "aws_vpc_endpoint")
        .filter((r) => (r.body.vpc_endpoint_type ?? "Gateway") === "Gateway" && asList(r.body.route_table_ids).length === 0)
        .map((r) => ({
          resource: r.address,
          message: r.body.vpc_endpoint_type
            ? "has no route tables"
            : "has no vpc_endpoint_type (so it is a Gateway endpoint) and no route tables",
        })),
  },
  {
    id: "PL_PRIVATE_DNS_DUPLICATE",
    title: "One private-DNS endpoint per service per VPC",
    why: "AWS refuses a second endpoint with private DNS for the same service in a VPC (conflicting DNS domain).",
    fix: "Keep one endpoint with private DNS per service and VPC; turn private DNS off on the others.",
    check: (doc) => {
      const seen = new Map<string, string>();
      const out: Result = [];
      for (const r of resources(doc, "aws_vpc_endpoint").filter((e) => e.body.private_dns_enabled === true)) {
        const key = `${String(r.body.vpc_id)}|${String(r.body.service_name)}`;
        const first = seen.get(key);
        if (first)
          out.push({ resource: r.address, message: `has private DNS for ${String(r.body.service_name)} like ${first} in the same VPC` });
        else seen.set(key, r.address);
      }
      return out;
    },
  },
  {
    id: "PL_PRIVATE_DNS_VPC",
    title: "Private DNS only in VPCs with DNS support and hostnames",
    why: "Private DNS needs enableDnsSupport and enableDnsHostnames on the VPC; otherwise the endpoint cannot be created with it.",
    fix: "Set enable_dns_support and enable_dns_hostnames to true on the VPC.",
    check: (doc) =>
      resources(doc, "aws_vpc_endpoint")
        .filter((r) => r.body.private_dns_enabled === true)
        .flatMap((r) => {
          const vpcName = /^\$\{aws_vpc\.([^.]+)\.id\}$/.exec(String(r.body.vpc_id))?.[1];
          const vpc = vpcName ? doc.json.resource?.aws_vpc?.[vpcName] : undefined;
          if (!vpc || (vpc.enable_dns_support !== false && vpc.enable_dns_hostnames === true)) return [];
          return [{ resource: r.address, message: `has private DNS in aws_vpc.${vpcName}, which lacks DNS support or hostnames` }];
        }),
  },
  {
    id: "CKV_AWS_60",
    title: "Role trust policies name their principals",
    why: "A `*` principal in a trust policy lets anyone who can call STS assume the role.",
    fix: "Name the accounts or roles that may assume it.",
    check: (doc) =>
      trusts(doc)
        .filter((t) => t.aws.some((p) => p === "*") || t.principal === "*")
        .map((t) => ({ resource: t.address, message: "the trust policy allows principal *" })),
  },
  {
    id: "CKV_AWS_61",
    title: "Role trust policies do not use wildcard accounts or services",
    why: "A wildcard in a principal ARN or service widens trust to every account or service.",
    fix: "Use exact account IDs, role ARNs and service principals.",
    check: (doc) =>
      trusts(doc)
        .filter((t) => t.aws.some((p) => p !== "*" && p.includes("*")) || t.services.some((s) => s.includes("*")))
        .map((t) => ({ resource: t.address, message: "the trust policy has a wildcard in a principal" })),
  },
  {
    id: "PL_TRUST_EXTERNAL_ID",
    title: "Cross-account trust requires an external ID",
    why: "Without sts:ExternalId, a third party that can assume the role can be tricked into acting for someone else (the confused deputy).",
    fix: "Add Condition StringEquals sts:ExternalId to statements that trust other accounts.",
    check: (doc) =>
      trusts(doc)
        .filter((t) => t.aws.some((p) => p !== "*" && !p.startsWith("${")) && !t.externalId)
        .map((t) => ({ resource: t.address, message: "trusts another account without an sts:ExternalId condition" })),
  },
];

/** Allow statements of role trust policies. */
function trusts(doc: LintDocument): { address: string; principal: unknown; aws: string[]; services: string[]; externalId: boolean }[] {
  return resources(doc, "aws_iam_role").flatMap((r) => {
    const policy = parsePolicy(r.body.assume_role_policy);
    if (!policy) return [];
    return statements(policy)
      .filter((s) => s.Effect === "Allow")
      .map((s) => {
        const p = s.Principal;
        const obj = p !== null && typeof p === "object" ? (p as Record<string, unknown>) : {};
        return {
          address: r.address,
          principal: p,
          aws: asList(obj.AWS).map(String),
          services: asList(obj.Service).map(String),
          externalId: JSON.stringify(s.Condition ?? {}).includes("sts:ExternalId"),
        };
      });
  });
}
