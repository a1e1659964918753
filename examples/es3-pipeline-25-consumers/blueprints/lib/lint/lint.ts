import type { Finding, LintDocument, LintSuppression } from "./model.ts";
import { RULES } from "./rules.ts";
import { checkShape } from "./shape.ts";

export interface LintReport {
  readonly findings: readonly Finding[];
  /** Findings a suppression turned off, each with its reason. */
  readonly suppressed: readonly (Finding & { readonly reason: string })[];
  readonly checked: { readonly files: number; readonly resources: number; readonly rules: number };
}

/**
 * Runs every rule on every document. Suppressions apply per rule (and per
 * resource when they name one) and are reported, never silent. A document of
 * the wrong shape is a BlueprintInputError naming the node, before any rule runs.
 */
export function lint(documents: readonly LintDocument[], suppressions: readonly LintSuppression[] = []): LintReport {
  for (const doc of documents) checkShape(doc);
  const all: Finding[] = [
    ...documents.flatMap((doc) => RULES.flatMap((rule) => rule.check(doc).map((f) => ({ rule: rule.id, file: doc.file, ...f })))),
    ...RULES.flatMap((rule) => (rule.checkProject?.(documents) ?? []).map((f) => ({ rule: rule.id, ...f }))),
  ];
  const findings: Finding[] = [];
  const suppressed: (Finding & { reason: string })[] = [];
  for (const finding of all) {
    const hit = suppressions.find(
      (s) =>
        s.rule === finding.rule &&
        (s.resource === undefined || finding.resource === s.resource || finding.resource.startsWith(`${s.resource}.`)),
    );
    if (hit) suppressed.push({ ...finding, reason: hit.reason });
    else findings.push(finding);
  }
  const resourceCount = documents.reduce(
    (n, d) => n + Object.values(d.json.resource ?? {}).reduce((m, byName) => m + Object.keys(byName).length, 0),
    0,
  );
  return { findings, suppressed, checked: { files: documents.length, resources: resourceCount, rules: RULES.length } };
}

/** A report as text: findings with their fix, then the suppressions. */
export function formatReport(report: LintReport): string {
  const fixOf = (id: string) => RULES.find((r) => r.id === id)?.fix ?? "";
  const lines = report.findings.map((f) => `${f.rule} ${f.file} ${f.resource}: ${f.message}\n    fix: ${fixOf(f.rule)}`);
  if (report.suppressed.length > 0)
    lines.push(
      "",
      "Suppressed (in .privatelink.json):",
      ...report.suppressed.map((s) => `  ${s.rule} ${s.file} ${s.resource}: ${s.message}\n    reason: ${s.reason}`),
    );
  const { files, resources, rules } = report.checked;
  lines.push(
    `${report.findings.length} finding(s), ${report.suppressed.length} suppressed; ${rules} rules over ${resources} resources in ${files} file(s).`,
  );
  return lines.join("\n");
}
