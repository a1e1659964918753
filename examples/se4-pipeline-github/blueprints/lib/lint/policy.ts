import { BlueprintInputError } from "../errors.ts";
import { clip } from "../validate.ts";
import { asList } from "./model.ts";
import { badNode, checkDepth, child, expectObject } from "./nodes.ts";

/** One statement of a policy document, its shape checked. */
export type Statement = Readonly<Record<string, unknown>>;

/** What a policy attribute holds, as far as the lint can know at synth time. */
export type PolicyValue =
  | { readonly kind: "absent" }
  | { readonly kind: "expression"; readonly text: string }
  | { readonly kind: "document"; readonly statements: readonly Statement[] };

/** Drops Terraform's escapes for a literal `${` / `%{` (`$${`, `%%{`, as IAM policy variables need). */
const unescaped = (text: string) => text.replace(/\$\$\{|%%\{/g, "");

/**
 * True when Terraform would interpolate the string (`${…}`) or run a template
 * directive (`%{…}`): some of its value is only known at apply time.
 */
export function isTerraformExpression(text: string): boolean {
  return /\$\{|%\{/.test(unescaped(text));
}

/**
 * True when the interpolations of a string could change the shape of the JSON
 * around them: a directive (`%{ for … }`), or an interpolation with a quote in
 * it. Interpolations without quotes only fill in a JSON string's value, such as
 * the account ID in `"aws:PrincipalAccount": ["${data.aws_caller_identity.x.account_id}"]`.
 */
function shapesJson(text: string): boolean {
  const plain = unescaped(text);
  if (/%\{/.test(plain)) return true;
  for (let start = plain.indexOf("${"); start !== -1; start = plain.indexOf("${", start + 2)) {
    let depth = 0;
    for (let i = start + 1; i < plain.length; i++) {
      if (plain[i] === "{") depth++;
      else if (plain[i] === "}" && --depth === 0) break;
      else if (plain[i] === '"') return true;
    }
  }
  return false;
}

/**
 * Reads a policy attribute (`policy`, `assume_role_policy`) and checks the
 * document's shape, so that rules can read it without guarding every node.
 * `attr` is the attribute's path; nodes inside the policy are named after it,
 * e.g. `resource.aws_vpc_endpoint.e.policy: Statement[0]`.
 */
export function readPolicy(value: unknown, attr: string, file: string): PolicyValue {
  if (value === undefined || value === null) return { kind: "absent" };
  const expected = "an IAM policy document as a JSON string (or a Terraform expression)";
  if (typeof value !== "string") throw badNode(attr, file, value, `a string: ${expected}`);
  const interpolated = isTerraformExpression(value);
  // A literal JSON document whose string values are partly interpolated is still read; anything else with
  // an expression in it (jsonencode, a data source's json, a template) is only known at apply time.
  if (interpolated && shapesJson(value)) return { kind: "expression", text: value };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{"));
  } catch (error) {
    if (interpolated) return { kind: "expression", text: value };
    throw new BlueprintInputError(
      clip(attr, 160),
      `is not JSON (${clip((error as Error).message, 100)}) (in ${clip(file)}); expected ${expected}`,
    );
  }
  const at = (path: string) => (path === "" ? attr : `${attr}: ${path}`);
  checkDepth(parsed, file, at);
  const policy = expectObject(parsed, attr, file, "a JSON object with a Statement (an IAM policy document)");
  const raw = policy.Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const statements = list.map((s, i) => checkStatement(s, at(Array.isArray(raw) ? child("Statement", i) : "Statement"), file));
  return { kind: "document", statements };
}

const STRING_LISTS = ["Action", "NotAction", "Resource", "NotResource"] as const;

function checkStatement(value: unknown, field: string, file: string): Statement {
  const s = expectObject(value, field, file, "a statement object with Effect, Action and Resource");
  if (s.Effect !== undefined && typeof s.Effect !== "string") throw badNode(`${field}.Effect`, file, s.Effect, '"Allow" or "Deny"');
  for (const key of ["Principal", "NotPrincipal"] as const) if (s[key] !== undefined) checkPrincipal(s[key], `${field}.${key}`, file);
  for (const key of STRING_LISTS) if (s[key] !== undefined) checkStrings(s[key], `${field}.${key}`, file, "a string or a list of strings");
  if (s.Condition !== undefined) {
    const condition = expectObject(s.Condition, `${field}.Condition`, file, 'an object of operators, e.g. {"StringEquals": {…}}');
    for (const [operator, keys] of Object.entries(condition)) {
      const byKey = expectObject(keys, `${field}.Condition.${operator}`, file, "an object of condition keys and values");
      for (const [key, values] of Object.entries(byKey)) {
        asList(values).forEach((v, i) => {
          // Condition values are strings, but IAM also takes numbers and booleans ("aws:SecureTransport": false).
          if (!["string", "number", "boolean"].includes(typeof v))
            throw badNode(
              `${field}.Condition.${operator}.${key}${Array.isArray(values) ? `[${i}]` : ""}`,
              file,
              v,
              "a string, number or boolean",
            );
        });
      }
    }
  }
  return s;
}

function checkPrincipal(value: unknown, field: string, file: string): void {
  if (value === "*") return;
  const principal = expectObject(value, field, file, '"*" or an object such as {"AWS": ["arn:aws:iam::111122223333:root"]}');
  for (const [kind, ids] of Object.entries(principal)) checkStrings(ids, child(field, kind), file, "a string or a list of strings");
}

function checkStrings(value: unknown, field: string, file: string, expected: string): void {
  if (typeof value === "string") return;
  if (!Array.isArray(value)) throw badNode(field, file, value, expected);
  value.forEach((v, i) => {
    if (typeof v !== "string") throw badNode(`${field}[${i}]`, file, v, "a string");
  });
}
