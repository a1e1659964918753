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

/**
 * True when one condition test lets every caller through: a `…Like` test
 * with a match-all pattern among its values (values are OR-ed), or a negated
 * test (`StringNotEquals`, `ArnNotLike`, …) on the caller's identity.
 */
function isVacuousTest(operator: string, key: string, values: unknown): boolean {
  const base = operator.replace(/^For(Any|All)Values:/i, "").replace(/IfExists$/i, "");
  if (/Like$/i.test(base) && !/Not/i.test(base) && asList(values).some(isMatchAll)) return true;
  return /^(String|Arn)Not/i.test(base) && PRINCIPAL_KEYS.includes(key.toLowerCase());
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

/** True for an Allow statement that lets every principal do every action on every resource, unconditionally. */
export function allowsAll(s: Statement): boolean {
  return s.Effect === "Allow" && anyone(s) && everything(s, "Action") && everything(s, "Resource") && isVacuousCondition(s.Condition);
}
