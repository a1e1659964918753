import { regionInfo } from "../../partitions.ts";
import { AWS_OWNED_FEATURES, awsOwnedBuckets, FEATURES_BEFORE_V4 } from "../aws-owned-buckets.ts";
import { perimeterKind } from "../endpoint-policy.ts";
import { FOREIGN_ACCOUNT } from "./scenarios.ts";
import { bindTokens, scenariosFor, simulate } from "./simulate.ts";

/**
 * The perimeter scenario table run against the endpoint policies of one
 * synthesized stack, as it stands: the accounts or organization a policy
 * admits, whether it keeps principals to their own resources, and a
 * read-only action list are read off the policy itself; the table then proves
 * what else passes (AWS-owned buckets, federation, unsigned calls to own APIs)
 * and what does not (strangers, foreign APIs). Generated projects run it in
 * their own `npm test`, the repository on every fixture.
 */

/** The literal the deploying account's token stands for in a simulation. */
const DEPLOYING = "123456789012";
/** The table's stranger is 999988887777; a project that uses it as its own is renamed for the simulation. */
const RENAMED = "210987654321";
const CALLER_TOKEN = /\$\{data\.aws_caller_identity\.[A-Za-z0-9_]+\.account_id\}/g;

interface Statement {
  readonly Sid?: string;
  readonly Action?: string | string[];
  readonly Resource?: string | string[];
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyCheck {
  /** `<endpoint type> <service name>`. */
  readonly endpoint: string;
  /** Scenarios whose decision was not the expected one, as `name: decision`; empty when the policy holds. */
  readonly mismatches: readonly string[];
  /** How many scenarios ran. */
  readonly scenarios: number;
}

type Body = Record<string, unknown>;

/** Every endpoint of a stack with a policy, checked; an endpoint without one must be to an endpoint service. */
export async function checkEndpointPolicies(
  stack: { resource?: Record<string, Record<string, Body>> },
  region: string,
): Promise<PolicyCheck[]> {
  const checks: PolicyCheck[] = [];
  const services = Object.values(stack.resource?.aws_vpc_endpoint ?? {}).map((b) => String(b.service_name).split(".").pop());
  const agentHere = services.some((s) => s === "ssmmessages" || s === "ec2messages");
  for (const body of Object.values(stack.resource?.aws_vpc_endpoint ?? {})) {
    const serviceName = String(body.service_name);
    const endpoint = `${String(body.vpc_endpoint_type)} ${serviceName}`;
    if (body.policy === undefined) {
      // AWS accepts no policy but full access on an endpoint to an endpoint service.
      const toEndpointService = /vpce-svc|aws_vpc_endpoint_service|cross-stack-output/.test(serviceName);
      checks.push({
        endpoint,
        mismatches: toEndpointService ? [] : ["no policy: only endpoints to endpoint services may go without one"],
        scenarios: 0,
      });
      continue;
    }
    const text = String(body.policy);
    const tokens = Object.fromEntries([...text.matchAll(CALLER_TOKEN)].map((m) => [m[0], DEPLOYING]));
    const policy = bindTokens(text.split(FOREIGN_ACCOUNT).join(RENAMED), tokens);
    const statements = policy.Statement as readonly Statement[];
    const own = statements.find((st) => /^AllowOwnPrincipals/.test(st.Sid ?? ""));
    const equals = own?.Condition?.StringEquals ?? {};
    const organizationId = equals["aws:PrincipalOrgID"] as string | undefined;
    // execute-api has no identity statement: its own accounts are those of the APIs it admits.
    const accounts = own
      ? [equals["aws:PrincipalAccount"] ?? []].flat()
      : [statements[0]?.Resource ?? []].flat().map((arn) => arn.split(":")[4]);
    const actions = own && Array.isArray(own.Action) ? own.Action : undefined;
    const key = serviceName.replace(/^(?:cn\.)?com\.amazonaws\.[a-z0-9-]+\./, "");
    const scenarios = scenariosFor(perimeterKind(serviceName), {
      ssmAgent: key === "ssm" && agentHere,
      awsOwnedFeatures: featuresOf(statements, region),
      region,
      ...(organizationId ? { organizationId } : { accounts }),
      ...(actions ? { service: key, actions } : {}),
      trustedResources: "aws:ResourceAccount" in equals || "aws:ResourceOrgID" in equals,
    });
    const decisions = await Promise.all(scenarios.map((s) => simulate(policy, s.request)));
    const mismatches = scenarios.flatMap((s, i) => (decisions[i] === s.expected ? [] : [`${s.name}: ${decisions[i]}`]));
    checks.push({ endpoint, mismatches, scenarios: scenarios.length });
  }
  return checks;
}

/**
 * The AWS-owned bucket features a policy is held to: those of every version (FEATURES_BEFORE_V4), and the
 * newer ones (CodeArtifact, Elastic Beanstalk) whose buckets the policy itself lists, so that a policy of
 * service-endpoints@4 is proven to pass their downloads and an older one is held to what it promised.
 */
function featuresOf(statements: readonly Statement[], region: string) {
  const partition = regionInfo(region).partition;
  const listed = new Set(statements.flatMap((st) => [st.Resource ?? []].flat()));
  const present = AWS_OWNED_FEATURES.filter(
    (f) => !FEATURES_BEFORE_V4.includes(f) && awsOwnedBuckets(region, partition, [f]).some((b) => listed.has(b.arn)),
  );
  return [...FEATURES_BEFORE_V4, ...present];
}
