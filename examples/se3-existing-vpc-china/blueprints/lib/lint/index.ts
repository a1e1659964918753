export type { LintReport } from "./lint";
export { formatReport, lint } from "./lint";
export type { Finding, LintDocument, LintSuppression, Rule, TfJson } from "./model";
export { RULES } from "./rules";
