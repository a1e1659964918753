import { clip } from "../validate.ts";
import { actionPrefixOf, allowsAll } from "./allow-all.ts";
import { asList, type Rule, resources } from "./model.ts";
import { isTerraformExpression, readPolicy } from "./policy.ts";

type Result = ReturnType<Rule["check"]>;

/** A literal endpoint service name; China's start with `cn.` like its AWS services. */
const LITERAL_ENDPOINT_SERVICE = /^(cn\.)?com\.amazonaws\.vpce\.[a-z0-9-]+\.vpce-svc-[0-9a-f]+$/;
/**
 * References this project makes to its own endpoint service: in the same stack,
 * and across stacks, where cdktf names the remote-state output after the
 * resource (`cross-stack-output-aws_vpc_endpoint_service<path>service_name`).
 * A data source (`data.aws_vpc_endpoint_service`) is not one: it may name an AWS service.
 */
const OWN_ENDPOINT_SERVICE = [
  /^\$\{aws_vpc_endpoint_service\.[\w-]+\.service_name\}$/,
  /^\$\{data\.terraform_remote_state\.[\w-]+\.outputs\.cross-stack-output-aws_vpc_endpoint_service[\w-]*service_name\}$/,
];

/** What an endpoint connects to: an endpoint service (no policy), an AWS service, or unknown until apply. */
export function serviceKind(name: unknown): "endpoint-service" | "aws" | "unknown" {
  if (typeof name !== "string") return "unknown";
  if (LITERAL_ENDPOINT_SERVICE.test(name) || OWN_ENDPOINT_SERVICE.some((re) => re.test(name))) return "endpoint-service";
  return isTerraformExpression(name) ? "unknown" : "aws";
}

const DYNAMODB = /^(cn\.)?com\.amazonaws\.[a-z0-9-]+\.dynamodb$/;

/** Rules on VPC endpoints: their policy, zones, routes and private DNS. */
export const ENDPOINT_RULES: readonly Rule[] = [
  {
    id: "PL_ENDPOINT_POLICY",
    title: "Endpoints carry an explicit policy that is not allow-all",
    why: 'The default endpoint policy allows any principal to do anything through the endpoint, including reaching other accounts\' resources. Allow-all has many spellings: an empty Condition, NotAction or NotPrincipal with Allow, {"AWS": "*"}, every action of the service the endpoint reaches (ssm:* on an SSM endpoint), StringLike with a match-all pattern such as * or ?* (or, on the identity of the caller, ???????????? or arn:aws:iam::*:*), Null false or a negated test on the identity of the caller, a test of aws:PrincipalType.',
    fix: "Attach a policy that narrows principals (StringEquals aws:PrincipalAccount or aws:PrincipalOrgID) or actions. Endpoints to endpoint services are exempt (they take no policy) when service_name is a literal com.amazonaws.vpce.<region>.vpce-svc-… or the project's own reference to an aws_vpc_endpoint_service; any other expression is flagged, since it may name an AWS service.",
    check: (doc) =>
      resources(doc, "aws_vpc_endpoint").flatMap((r) => {
        const service = serviceKind(r.body.service_name);
        if (service === "endpoint-service") return [];
        const policy = readPolicy(r.body.policy, `resource.${r.address}.policy`, doc.file);
        if (policy.kind === "absent")
          return [
            {
              resource: r.address,
              message:
                service === "aws"
                  ? "has no policy: AWS applies allow-all"
                  : `has no policy, and its service_name ${clip(String(r.body.service_name), 100)} is an expression the lint cannot resolve: unless it names an endpoint service (vpce-svc), AWS applies allow-all`,
            },
          ];
        const prefix = actionPrefixOf(r.body.service_name);
        return policy.kind === "document" && policy.statements.some((statement) => allowsAll(statement, prefix))
          ? [{ resource: r.address, message: "the policy allows every principal every action without a condition that narrows it" }]
          : [];
      }),
  },
  {
    id: "PL_ENDPOINT_SERVICE_POLICY",
    title: "Endpoints to endpoint services carry no policy",
    why: "An endpoint to a PrivateLink endpoint service (vpce-svc-…) only accepts full access: AWS refuses an explicit policy at apply, so the deploy fails (PL_ENDPOINT_POLICY exempts these endpoints from needing one).",
    fix: "Remove policy from the endpoint; control access on the endpoint service instead (allowed principals, acceptance).",
    check: (doc) =>
      resources(doc, "aws_vpc_endpoint")
        .filter((r) => serviceKind(r.body.service_name) === "endpoint-service" && r.body.policy !== undefined && r.body.policy !== null)
        .map((r) => ({
          resource: r.address,
          message: `has a policy, but ${clip(String(r.body.service_name), 100)} is an endpoint service: AWS refuses it`,
        })),
  },
  {
    id: "PL_DYNAMODB_PRIVATE_DNS",
    title: "DynamoDB interface endpoints do not ask for private DNS",
    why: "AWS's DynamoDB PrivateLink guide: interface endpoints for DynamoDB do not support private DNS; the endpoint is reached by its endpoint-specific DNS names, so private_dns_enabled = true fails or misleads.",
    fix: "Set private_dns_enabled = false and use the endpoint-specific DNS name (or the gateway endpoint inside the VPC).",
    check: (doc) =>
      resources(doc, "aws_vpc_endpoint")
        .filter(
          (r) =>
            r.body.vpc_endpoint_type === "Interface" && r.body.private_dns_enabled === true && DYNAMODB.test(String(r.body.service_name)),
        )
        .map((r) => ({ resource: r.address, message: "is a DynamoDB interface endpoint with private_dns_enabled = true" })),
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
];
