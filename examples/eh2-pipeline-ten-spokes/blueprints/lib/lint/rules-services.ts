import { isWildcardPrincipal } from "./allow-all.ts";
import { asList, type Rule, resources } from "./model.ts";

/** Rules on endpoint services: who may connect, and how. */
export const ENDPOINT_SERVICE_RULES: readonly Rule[] = [
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
];

/** Rules on the load balancers behind endpoint services. */
export const LOAD_BALANCER_RULES: readonly Rule[] = [
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
];
