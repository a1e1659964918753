import { clip } from "../validate.ts";
import { uncheckablePart } from "./allow-all.ts";
import { asList, type LintDocument, type Rule, resources } from "./model.ts";
import { isObject } from "./nodes.ts";
import { readPolicy } from "./policy.ts";
import { POLICY_ATTRIBUTES } from "./shape.ts";

/** Rules on role trust policies, and on policies the lint cannot read. */
export const POLICY_RULES: readonly Rule[] = [
  {
    id: "CKV_AWS_60",
    title: "Role trust policies name their principals",
    why: "A `*` principal in a trust policy lets anyone who can call STS assume the role.",
    fix: "Name the accounts or roles that may assume it.",
    check: (doc) =>
      trusts(doc)
        .filter((t) => t.aws.some((p) => p === "*") || t.principal === "*")
        .map((t) => ({ resource: t.address, message: "the trust policy allows principal *" })),
  },
  {
    id: "CKV_AWS_61",
    title: "Role trust policies do not use wildcard accounts or services",
    why: "A wildcard in a principal ARN or service widens trust to every account or service.",
    fix: "Use exact account IDs, role ARNs and service principals.",
    check: (doc) =>
      trusts(doc)
        .filter((t) => t.aws.some((p) => p !== "*" && p.includes("*")) || t.services.some((s) => s.includes("*")))
        .map((t) => ({ resource: t.address, message: "the trust policy has a wildcard in a principal" })),
  },
  {
    id: "PL_TRUST_EXTERNAL_ID",
    title: "Cross-account trust requires an external ID",
    why: "Without sts:ExternalId, a third party that can assume the role can be tricked into acting for someone else (the confused deputy).",
    fix: "Add Condition StringEquals sts:ExternalId to statements that trust other accounts.",
    check: (doc) =>
      trusts(doc)
        .filter((t) => t.aws.some((p) => p !== "*" && !p.startsWith("${")) && !t.externalId)
        .map((t) => ({ resource: t.address, message: "trusts another account without an sts:ExternalId condition" })),
  },
  {
    id: "PL_POLICY_UNCHECKED",
    title: "Policies are literal JSON the lint can read",
    why: "A policy built by a Terraform expression (${jsonencode(…)}, ${data.aws_iam_policy_document.x.json}, a template), or a literal one whose principal, action or identity pattern is an expression (${var.action}), is only known at apply time: the lint cannot tell whether it allows all, so it reports it rather than pass it silently.",
    fix: "Build the policy as a JSON string at synth time (JSON.stringify of the document in main.ts); if it must stay an expression, review it and suppress this rule for that resource in .privatelink.json with the reason.",
    check: (doc) =>
      Object.entries(POLICY_ATTRIBUTES).flatMap(([type, attr]) =>
        resources(doc, type).flatMap((r) => {
          const policy = readPolicy(r.body[attr], `resource.${r.address}.${attr}`, doc.file);
          if (policy.kind === "expression")
            return [
              {
                resource: r.address,
                message: `the ${attr} is a Terraform expression (${clip(policy.text, 60)}), known only at apply time: the lint cannot check it`,
              },
            ];
          if (policy.kind !== "document") return [];
          // A literal document with an expression where allow-all is decided (its principal, its action, …).
          return policy.statements.flatMap((statement, i) => {
            const part = uncheckablePart(statement);
            return part === undefined
              ? []
              : [
                  {
                    resource: r.address,
                    message: `Statement[${i}].${part} of the ${attr} is a Terraform expression, known only at apply time: the lint cannot tell whether it allows all`,
                  },
                ];
          });
        }),
      ),
  },
];

/** Allow statements of role trust policies. */
function trusts(doc: LintDocument): { address: string; principal: unknown; aws: string[]; services: string[]; externalId: boolean }[] {
  return resources(doc, "aws_iam_role").flatMap((r) => {
    const policy = readPolicy(r.body.assume_role_policy, `resource.${r.address}.assume_role_policy`, doc.file);
    if (policy.kind !== "document") return [];
    return policy.statements
      .filter((s) => s.Effect === "Allow")
      .map((s) => {
        const p = s.Principal;
        const obj = isObject(p) ? p : {};
        return {
          address: r.address,
          principal: p,
          aws: asList(obj.AWS).map(String),
          services: asList(obj.Service).map(String),
          externalId: JSON.stringify(s.Condition ?? {}).includes("sts:ExternalId"),
        };
      });
  });
}
