import { asList } from "./model.ts";
import { isObject } from "./nodes.ts";
import type { Statement } from "./policy.ts";

/** A principal ARN with a wildcard account (`arn:aws:iam::*:root`) names every account, like `*`. */
export const isWildcardPrincipal = (p: unknown): boolean => p === "*" || (typeof p === "string" && /^arn:[^:]+:iam::\*:/.test(p));

/**
 * A pattern that matches every value: only `*` and `?` (`*`, `?*`, `**`), or
 * an ARN pattern whose every part is a wildcard (`arn:*`, `arn:*:*:*:*:*`).
 * `?*` misses only the empty string, which no account or organization ID is.
 */
export function isMatchAll(pattern: unknown): boolean {
  if (typeof pattern !== "string" || !pattern.includes("*")) return false;
  return pattern.split(":").every((part, i) => (i === 0 && part === "arn") || /^[*?]*$/.test(part));
}

/** Condition keys that identify the caller: a negated test on them admits everyone but a few. */
const PRINCIPAL_KEYS = ["aws:principalaccount", "aws:principalorgid", "aws:principalarn", "aws:principalorgpaths", "aws:userid"];

/** Only wildcards (`????????????`: every 12-character account ID), or an ARN whose account is only wildcards (`arn:aws:iam::*:*`). */
function namesNoAccount(pattern: unknown): boolean {
  if (typeof pattern !== "string") return false;
  if (/^[*?]+$/.test(pattern)) return true;
  const parts = pattern.split(":");
  return parts[0] === "arn" && parts.length >= 6 && /^[*?]+$/.test(parts[4] ?? "");
}

/**
 * True when one condition test lets every caller through:
 * - a `…Like` test with a match-all pattern among its values (values are OR-ed), or,
 *   on the caller's identity, a pattern that names no account (`????????????`, `arn:aws:iam::*:*`);
 * - a negated test (`StringNotEquals`, `ArnNotLike`, …) on the caller's identity;
 * - `Null` false on the caller's identity: true of every signed request;
 * - any test of `aws:PrincipalType` (`StringNotEquals Anonymous`): a type, in every account.
 */
function isVacuousTest(operator: string, key: string, values: unknown): boolean {
  const base = operator.replace(/^For(Any|All)Values:/i, "").replace(/IfExists$/i, "");
  const identity = PRINCIPAL_KEYS.includes(key.toLowerCase());
  if (/Like$/i.test(base) && !/Not/i.test(base) && asList(values).some((v) => isMatchAll(v) || (identity && namesNoAccount(v))))
    return true;
  if (/^Null$/i.test(base)) return identity && asList(values).every((v) => v === false || v === "false");
  if (key.toLowerCase() === "aws:principaltype") return true;
  return /^(String|Arn)Not/i.test(base) && identity;
}

/**
 * True when a Condition narrows nothing. Operators and keys are AND-ed, so
 * the condition narrows as soon as one test does; `{}` and operators without
 * keys test nothing.
 */
export function isVacuousCondition(condition: unknown): boolean {
  if (condition === undefined) return true;
  if (!isObject(condition)) return false;
  return Object.entries(condition).every(
    ([operator, keys]) => isObject(keys) && Object.entries(keys).every(([key, values]) => isVacuousTest(operator, key, values)),
  );
}

/** Every principal: `*`, `{"AWS": "*"}`, a wildcard-account ARN, or NotPrincipal (everyone but the few named). */
function anyone(s: Statement): boolean {
  if (s.NotPrincipal !== undefined) return true;
  const p = s.Principal;
  return p === "*" || (isObject(p) && asList(p.AWS).some(isWildcardPrincipal));
}

/** Every action or resource: a match-all pattern (`*`, `*:*`), or the Not… form (all but the few named). */
const everything = (s: Statement, key: "Action" | "Resource") => s[`Not${key}`] !== undefined || asList(s[key]).some(isMatchAll);

/**
 * Every action an endpoint carries: also `<its service's prefix>:*` (`ssm:*` on an SSM
 * endpoint), as an endpoint only carries calls to its own service.
 */
function everyActionOf(s: Statement, prefix: string | undefined): boolean {
  if (everything(s, "Action")) return true;
  return (
    prefix !== undefined &&
    asList(s.Action).some(
      (a) => typeof a === "string" && a.toLowerCase().startsWith(`${prefix}:`) && /^[*?]*\*[*?]*$/.test(a.slice(prefix.length + 1)),
    )
  );
}

/**
 * The IAM action prefix of the service an endpoint reaches (`com.amazonaws.us-east-1.ecr.api` → `ecr`),
 * or undefined when its name is not a literal AWS service name.
 */
export function actionPrefixOf(serviceName: unknown): string | undefined {
  if (typeof serviceName !== "string") return undefined;
  const match = /^(?:cn\.)?com\.amazonaws\.[a-z0-9-]+\.([a-z0-9-]+)/.exec(serviceName);
  return match?.[1];
}

/** True for an Allow statement that lets every principal do every action on every resource, unconditionally. */
export function allowsAll(s: Statement, servicePrefix?: string): boolean {
  return (
    s.Effect === "Allow" && anyone(s) && everyActionOf(s, servicePrefix) && everything(s, "Resource") && isVacuousCondition(s.Condition)
  );
}

/**
 * Where a statement's allow-all-ness is only known at apply time: its effect,
 * principal or action interpolated (`${var.action}`), or a `…Like` pattern on the
 * caller's identity (it may be `*`). Exact matches (`StringEquals` on an account
 * ID from a data source) and resources stay checkable.
 * @returns the part that is an expression, or undefined
 */
export function uncheckablePart(s: Statement): string | undefined {
  const interpolated = (v: unknown) => JSON.stringify(v ?? null).includes("${");
  const part = ["Effect", "Principal", "NotPrincipal", "Action", "NotAction"].find((key) => interpolated(s[key]));
  if (part) return part;
  if (!isObject(s.Condition)) return undefined;
  for (const [operator, keys] of Object.entries(s.Condition))
    if (/Like/i.test(operator) && isObject(keys))
      for (const [key, values] of Object.entries(keys))
        if (PRINCIPAL_KEYS.includes(key.toLowerCase()) && interpolated(values)) return `Condition.${operator}.${key}`;
  return undefined;
}
