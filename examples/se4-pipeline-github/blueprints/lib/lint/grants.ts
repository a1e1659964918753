import { asList } from "./model.ts";
import { isObject } from "./nodes.ts";
import type { Statement } from "./policy.ts";

/** `*` and `?` as IAM reads them in actions and ARNs, case-insensitive for actions only when asked. */
function globMatches(pattern: string, value: string, ignoreCase: boolean): boolean {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`, ignoreCase ? "i" : "").test(value);
}

/** True when the statement's Action (or NotAction) covers `action`. */
function coversAction(s: Statement, action: string): boolean {
  if (s.NotAction !== undefined) return !asList(s.NotAction).some((p) => globMatches(String(p), action, true));
  return asList(s.Action).some((p) => globMatches(String(p), action, true));
}

/** Which resources a request is about: ARNs it may name, or a test on a Resource pattern. */
export type ResourceTest = readonly string[] | ((pattern: string) => boolean);

/** True when the statement's Resource (or NotResource) covers the resource asked about. */
function coversResource(s: Statement, test: ResourceTest): boolean {
  const matches = (pattern: string) => (typeof test === "function" ? test(pattern) : test.some((arn) => globMatches(pattern, arn, false)));
  // NotResource: covered unless excluded; a test (not ARNs) cannot tell, so it counts as covered.
  if (s.NotResource !== undefined) return typeof test === "function" || !asList(s.NotResource).map(String).some(matches);
  return asList(s.Resource).map(String).some(matches);
}

/**
 * A test for "some resource of `service` whose resource part starts with
 * `prefix`": `*`, or an ARN pattern with that service and a resource part that
 * can start so (`arn:aws:iam::111122223333:role/*` for iam and `role/`).
 */
export function someResourceOf(service: string, prefix = ""): (pattern: string) => boolean {
  return (pattern) => {
    if (pattern === "*") return true;
    const parts = pattern.split(":");
    const resource = parts.slice(5).join(":");
    return (
      parts.length >= 6 &&
      globMatches(parts[0], "arn", false) &&
      globMatches(parts[2], service, false) &&
      (resource.startsWith(prefix) || resource.startsWith("*") || globMatches(resource, `${prefix}x`, false))
    );
  };
}

/**
 * Condition keys about who calls: a statement testing one of them does not
 * admit a request signed by nobody (federation, an unsigned API call) or by
 * AWS (a presigned URL on an AWS-owned bucket). Network keys (aws:SourceVpc) do not count.
 */
const CALLER_KEY = /^(aws:principal|aws:userid$|aws:username$)/i;
/** Condition keys about who owns the resource: they also keep out reads of buckets AWS owns. */
const OWNER_KEY = /^(aws:resourceaccount$|aws:resourceorg|s3:resourceaccount$)/i;

/** Which condition keys keep the request out: the caller's, or the caller's and the resource owner's. */
export type Keys = "caller" | "caller-or-owner";

/** True when a Condition tests one of `keys`. */
export function hasIdentityCondition(condition: unknown, keys: Keys = "caller"): boolean {
  if (!isObject(condition)) return false;
  const blocks = (key: string) => CALLER_KEY.test(key) || (keys === "caller-or-owner" && OWNER_KEY.test(key));
  return Object.values(condition).some((byKey) => isObject(byKey) && Object.keys(byKey).some(blocks));
}

/** Every principal, as endpoint policies name it: `*` or `{"AWS": "*"}`. */
const toAnyone = (s: Statement) =>
  s.Principal === undefined || s.Principal === "*" || (isObject(s.Principal) && asList(s.Principal.AWS).includes("*"));

/**
 * True when an Allow statement admits `action` on `resource` for any caller,
 * with no condition on `keys` (the caller's identity, and for AWS-owned
 * buckets the resource's owner): what a request that carries none of your
 * principals needs to pass the endpoint.
 * Deny statements are not weighed: the endpoint policies here have none.
 */
export function admitsWithoutIdentity(
  statements: readonly Statement[],
  action: string,
  resource: ResourceTest,
  keys: Keys = "caller",
): boolean {
  return statements.some(
    (s) =>
      s.Effect === "Allow" &&
      toAnyone(s) &&
      !hasIdentityCondition(s.Condition, keys) &&
      coversAction(s, action) &&
      coversResource(s, resource),
  );
}

/**
 * True when some Allow statement covers `action` on some resource, whatever its principal or
 * conditions: the question is whether the policy lets the action through at all (a read-only
 * template that leaves it out denies it to everyone). Deny statements are not weighed.
 */
export function allowsAction(statements: readonly Statement[], action: string): boolean {
  return statements.some((s) => s.Effect === "Allow" && coversAction(s, action));
}

/** Condition keys that scope callers to your own accounts or organization: an identity perimeter. */
const OWN_PRINCIPAL_KEY = /^aws:principal(account|orgid|orgpaths)$/i;

const conditionKeys = (condition: unknown): string[] =>
  isObject(condition) ? Object.values(condition).flatMap((byKey) => (isObject(byKey) ? Object.keys(byKey) : [])) : [];

/**
 * The Allow statements that admit your own principals (a condition on aws:PrincipalAccount, PrincipalOrgID
 * or PrincipalOrgPaths) to `action` on `resource` with no condition on the resource's owner
 * (aws:ResourceAccount, aws:ResourceOrgID, s3:ResourceAccount): through them your principals reach
 * resources of any account. Deny statements are not weighed: the endpoint policies here have none.
 */
export function ownPrincipalsToAnyOwner(statements: readonly Statement[], action: string, resource: ResourceTest): Statement[] {
  return statements.filter((s) => {
    const keys = conditionKeys(s.Condition);
    return (
      s.Effect === "Allow" &&
      keys.some((k) => OWN_PRINCIPAL_KEY.test(k)) &&
      !keys.some((k) => OWNER_KEY.test(k)) &&
      coversAction(s, action) &&
      coversResource(s, resource)
    );
  });
}
