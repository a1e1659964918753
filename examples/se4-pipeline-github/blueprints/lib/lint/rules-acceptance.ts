import { clip } from "../validate.ts";
import { type Body, type Rule, resources } from "./model.ts";

/**
 * Where an accepted endpoint or a service may come from. In one stack: the resource itself.
 * Across the project's stacks: cdktf's remote-state output, named after the resource type and
 * construct path (`cross-stack-output-aws_vpc_endpoint<path>id`).
 */
const remote = (type: string, attribute: string, not = "") =>
  new RegExp(`^\\$\\{data\\.terraform_remote_state\\.[\\w-]+\\.outputs\\.cross-stack-output-${type}${not}[\\w-]*${attribute}\\}$`);
const PROJECT_ENDPOINT_ID = [/^\$\{aws_vpc_endpoint\.[\w-]+\.id\}$/, remote("aws_vpc_endpoint", "id", "(?!_)")];
const PROJECT_SERVICE_ID = [/^\$\{aws_vpc_endpoint_service\.[\w-]+\.id\}$/, remote("aws_vpc_endpoint_service", "id")];
const matches = (value: unknown, patterns: readonly RegExp[]) => typeof value === "string" && patterns.some((re) => re.test(value));

/** Whether an endpoint's service is this project's own and requires acceptance. */
function acceptanceRequired(serviceName: unknown, services: Readonly<Record<string, Body>>): boolean {
  if (typeof serviceName !== "string") return false;
  const local = /^\$\{aws_vpc_endpoint_service\.([\w-]+)\.service_name\}$/.exec(serviceName)?.[1];
  if (local !== undefined) return services[local]?.acceptance_required !== false;
  // Another stack of the project: its services require acceptance (CKV_AWS_123 holds them to it there).
  return remote("aws_vpc_endpoint_service", "service_name").test(serviceName);
}

/** Rules on accepting connections as code, and on private DNS around acceptance. */
export const ACCEPTANCE_RULES: readonly Rule[] = [
  {
    id: "PL_ACCEPTER_FOREIGN_ENDPOINT",
    title: "Accepters accept only the project's own consumer endpoints",
    why: "An aws_vpc_endpoint_connection_accepter whose vpc_endpoint_id is a literal or another expression accepts an endpoint no consumer stack of this project made: a connection from outside the consumer list.",
    fix: "Feed vpc_endpoint_id from a consumer stack (a cross-stack reference to its aws_vpc_endpoint's id), one accepter per listed consumer; accept anything else by hand after review.",
    check: (doc) =>
      resources(doc, "aws_vpc_endpoint_connection_accepter")
        .filter((r) => !matches(r.body.vpc_endpoint_id, PROJECT_ENDPOINT_ID))
        .map((r) => ({
          resource: r.address,
          message: `accepts ${clip(String(r.body.vpc_endpoint_id), 100)}, which is not an endpoint of a consumer stack of this project`,
        })),
  },
  {
    id: "PL_ACCEPTER_FOREIGN_SERVICE",
    title: "Accepters accept for the project's own endpoint service",
    why: "An accepter whose vpc_endpoint_service_id is not a reference to the project's aws_vpc_endpoint_service accepts connections to a service this project does not manage.",
    fix: "Set vpc_endpoint_service_id to the project's endpoint service id (in the same stack, or the provider stack's by a cross-stack reference).",
    check: (doc) =>
      resources(doc, "aws_vpc_endpoint_connection_accepter")
        .filter((r) => !matches(r.body.vpc_endpoint_service_id, PROJECT_SERVICE_ID))
        .map((r) => ({
          resource: r.address,
          message: `accepts for ${clip(String(r.body.vpc_endpoint_service_id), 100)}, which is not this project's endpoint service`,
        })),
  },
  {
    id: "PL_PRIVATE_DNS_BEFORE_ACCEPTANCE",
    title: "Private DNS is turned on after acceptance, not at creation",
    why: "An endpoint to a service that requires acceptance is pendingAcceptance when it is created; private DNS cannot be enabled on it until the provider accepts, so creating it with private_dns_enabled = true fails or leaves the name unresolved.",
    fix: "Leave private_dns_enabled out of the endpoint (the provider creates it off) and turn it on with aws_vpc_endpoint_private_dns in a stack deployed after the acceptance stack; that resource then owns it.",
    check: (doc) => {
      const services = doc.json.resource?.aws_vpc_endpoint_service ?? {};
      return resources(doc, "aws_vpc_endpoint")
        .filter((r) => r.body.private_dns_enabled === true && acceptanceRequired(r.body.service_name, services))
        .map((r) => ({
          resource: r.address,
          message: "turns private DNS on at creation, on an endpoint service that requires acceptance",
        }));
    },
  },
];
