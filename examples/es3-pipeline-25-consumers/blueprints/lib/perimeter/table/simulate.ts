import { anonymousPrincipal, runSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import type { PolicyDocument } from "../../policies.ts";

/**
 * Evaluates an endpoint policy with @cloud-copilot/iam-simulate, the endpoint
 * policy being the only thing that can say no: a signed IAM principal gets an
 * allow-all identity policy and the resource an allow-all resource policy
 * (`Principal: "*"`), so "Allowed" means the endpoint lets the request through
 * and "ImplicitlyDenied" means the endpoint policy has no statement for it.
 *
 * What the simulator needs told (it infers nothing):
 * - every request context key the policy reads: `aws:PrincipalAccount`,
 *   `aws:PrincipalOrgID`, `aws:PrincipalIsAWSService`, `aws:ResourceAccount`,
 *   `aws:ResourceOrgID`, `aws:SourceVpce`… A missing key makes a condition fail
 *   silently, so the scenarios set them as AWS would for that caller;
 * - unsigned requests are `ANONYMOUS`: no identity policy applies to them;
 * - endpoint policies must use exactly `Principal: "*"` (AWS's examples'
 *   `{"AWS": "*"}` / `{"Federated": "*"}` are rejected);
 * - a wildcard in the first segment after the account (`…:*\/*`) never
 *   matches (it is read as a literal resource type): write `…:*` instead.
 * Keys the action does not know are dropped by the simulator; `simulate`
 * fails on them rather than let a typo change the outcome.
 */

export type Decision = "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied";

/** The principal of an unsigned request (no SigV4): anonymous to AWS. */
export const ANONYMOUS = "anonymous";

export interface SimRequest {
  /** An IAM action, e.g. `s3:GetObject`. */
  readonly action: string;
  /** The resource ARN the request is for. */
  readonly resource: string;
  /** The account that owns the resource. */
  readonly resourceAccount: string;
  /**
   * Who signs: a principal ARN (`arn:aws:sts::111122223333:assumed-role/app/s`),
   * an AWS service principal (`cloudformation.amazonaws.com`), or `ANONYMOUS`.
   */
  readonly principal: string;
  /** The request context keys AWS would set for this request. */
  readonly context: Readonly<Record<string, string | readonly string[]>>;
}

const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const ALLOW_ALL_RESOURCE = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] };

/** Replaces tokens (`${data.aws_caller_identity.current.account_id}`) in a policy by literal values, for simulation. */
export function bindTokens(policy: PolicyDocument | string, values: Readonly<Record<string, string>>): PolicyDocument {
  let text = typeof policy === "string" ? policy : JSON.stringify(policy);
  for (const [token, value] of Object.entries(values)) text = text.replaceAll(token, value);
  if (text.includes("${")) throw new Error(`the policy still holds an unbound token: ${/\$\{[^}]*\}/.exec(text)?.[0]}`);
  return JSON.parse(text) as PolicyDocument;
}

/** The decision of `policy` (a document or its JSON) as the endpoint policy of `request`. */
export async function simulate(policy: PolicyDocument | string, request: SimRequest): Promise<Decision> {
  const document = typeof policy === "string" ? (JSON.parse(policy) as PolicyDocument) : policy;
  const anonymous = request.principal === ANONYMOUS;
  const signedByIam = request.principal.startsWith("arn:");
  const simulation: Simulation = {
    request: {
      principal: anonymous ? anonymousPrincipal : request.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: request.resourceAccount },
      contextVariables: Object.fromEntries(Object.entries(request.context).map(([k, v]) => [k, typeof v === "string" ? v : [...v]])),
    },
    identityPolicies: signedByIam ? [{ name: "AllowAll", policy: ALLOW_ALL }] : [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: ALLOW_ALL_RESOURCE,
    vpcEndpointPolicies: [{ name: "endpoint", policy: document }],
  };
  const response = await runSimulation(simulation, {});
  if (response.resultType === "error") {
    throw new Error(`iam-simulate rejected ${request.action} on ${request.resource}: ${JSON.stringify(response.errors)}`);
  }
  if (response.resultType !== "single") {
    throw new Error(`expected one resource, got a wildcard simulation for ${request.resource}`);
  }
  const ignored = response.result.ignoredContextKeys ?? [];
  if (ignored.length > 0) throw new Error(`iam-simulate ignored context keys ${ignored.join(", ")} for ${request.action}`);
  return response.overallResult as Decision;
}

export { type Scenario, type ScenarioOptions, scenariosFor } from "./scenarios.ts";
