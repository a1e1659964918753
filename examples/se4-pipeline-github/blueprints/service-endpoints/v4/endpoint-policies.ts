import { supportsEndpointPolicy } from "../../lib/facts/policy-support.ts";
import { AWS_OWNED_FEATURES, endpointPolicy, perimeterKind } from "../../lib/perimeter/index.ts";
import { type PrincipalScope, policyJson } from "../../lib/policies.ts";
import type { ResolvedService } from "../../lib/service-names.ts";
import { READ_ONLY_ACTIONS, SSM_AGENT_ACTIONS } from "./policy-templates.ts";

/** What decides the endpoint policies of one stack. */
export interface PolicyContext {
  readonly region: string;
  readonly principals: PrincipalScope;
  /** Catalog keys whose endpoints allow only the read-only template's actions. */
  readonly readOnly: ReadonlySet<string>;
  /** The SSM Agent has its other endpoints here: a read-only `ssm` endpoint keeps the agent's actions. */
  readonly ssmAgent: boolean;
  /** Trusted-resources perimeter on the S3 endpoints. */
  readonly trustedResources: boolean;
}

/**
 * The data-perimeter policy of an endpoint to `service`, as JSON; undefined
 * when the endpoint must carry none: endpoints to endpoint services
 * (`…vpce-svc-…`) accept only full access, and so do services whose guide says
 * endpoint policies are not supported (`supportsEndpointPolicy`).
 */
export function endpointPolicyFor(service: ResolvedService, ctx: PolicyContext): string | undefined {
  if (!supportsEndpointPolicy(service.key)) return undefined;
  const kind = perimeterKind(service.custom ? service.serviceName : service.key);
  return policyJson(
    endpointPolicy({
      service: service.custom ? service.serviceName : service.key,
      region: ctx.region,
      principals: ctx.principals,
      actions: ctx.readOnly.has(service.key) ? readOnlyActions(service.key, ctx) : undefined,
      trustedResources: ctx.trustedResources && kind === "s3",
      // every AWS-owned bucket of the catalog, CodeArtifact's and Elastic Beanstalk's included
      ...(kind === "s3" ? { awsOwnedFeatures: AWS_OWNED_FEATURES } : {}),
    }),
  );
}

/** The read-only template of `key`; for `ssm` next to the agent's endpoints, with the agent's actions too. */
function readOnlyActions(key: string, ctx: PolicyContext): readonly string[] {
  const template = READ_ONLY_ACTIONS[key];
  return key === "ssm" && ctx.ssmAgent ? [...new Set([...template, ...SSM_AGENT_ACTIONS])].sort() : template;
}
