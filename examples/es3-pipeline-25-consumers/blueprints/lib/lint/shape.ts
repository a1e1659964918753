import { type Body, type LintDocument, resources } from "./model.ts";
import { badNode, checkDepth, child, expectObject } from "./nodes.ts";
import { readPolicy } from "./policy.ts";

/** Attributes that hold a policy document, by resource type: the ones the rules read. */
export const POLICY_ATTRIBUTES: Readonly<Record<string, string>> = {
  aws_vpc_endpoint: "policy",
  aws_iam_role: "assume_role_policy",
};

/**
 * Checks that a document has the shape the rules read: bounded nesting,
 * resources as objects, security group rules as objects with CIDR strings, and
 * policies as IAM policy documents. Anything else is a user error naming the
 * node (exit 2), never a TypeError or RangeError from inside a rule.
 */
export function checkShape(doc: LintDocument): void {
  const file = doc.file;
  checkDepth(doc.json, file);
  expectObject(doc.json, "(document)", file, "a Terraform JSON object");
  if (doc.json.resource === undefined) return;
  const byType = expectObject(doc.json.resource, "resource", file, "an object of resource types, as cdktf synth writes it");
  for (const [type, byName] of Object.entries(byType)) {
    const named = expectObject(byName, child("resource", type), file, "an object of resources by name");
    for (const [name, body] of Object.entries(named))
      expectObject(body, child(child("resource", type), name), file, "an object of the resource's arguments");
  }
  for (const group of resources(doc, "aws_security_group"))
    for (const direction of ["ingress", "egress"]) checkInlineRules(group.body[direction], `resource.${group.address}.${direction}`, file);
  for (const rule of resources(doc, "aws_security_group_rule")) checkCidrs(rule.body, `resource.${rule.address}`, file);
  for (const rule of resources(doc, "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"))
    for (const key of ["cidr_ipv4", "cidr_ipv6"])
      if (rule.body[key] !== undefined && typeof rule.body[key] !== "string")
        throw badNode(`resource.${rule.address}.${key}`, file, rule.body[key], "a CIDR string");
  for (const [type, attr] of Object.entries(POLICY_ATTRIBUTES))
    for (const r of resources(doc, type)) readPolicy(r.body[attr], `resource.${r.address}.${attr}`, file);
}

/** Inline `ingress` / `egress`: a block or a list of blocks, each an object. */
function checkInlineRules(value: unknown, field: string, file: string): void {
  if (value === undefined || value === null) return;
  const list = Array.isArray(value) ? value : [value];
  list.forEach((rule, i) => {
    const at = Array.isArray(value) ? child(field, i) : field;
    checkCidrs(expectObject(rule, at, file, "an object (a rule block with ports, protocol and CIDRs)"), at, file);
  });
}

/** `cidr_blocks` / `ipv6_cidr_blocks`: a list of CIDR strings, or one Terraform expression string. */
function checkCidrs(body: Body, field: string, file: string): void {
  for (const key of ["cidr_blocks", "ipv6_cidr_blocks"]) {
    const value = body[key];
    if (value === undefined || value === null || typeof value === "string") continue;
    if (!Array.isArray(value)) throw badNode(`${field}.${key}`, file, value, "a list of CIDR strings");
    value.forEach((cidr, i) => {
      if (typeof cidr !== "string") throw badNode(`${field}.${key}[${i}]`, file, cidr, "a CIDR string");
    });
  }
}
