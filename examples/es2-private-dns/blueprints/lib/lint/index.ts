export type { LintReport } from "./lint";
export { formatReport, lint } from "./lint";
export type { Finding, LintDocument, LintSuppression, Rule, TfJson } from "./model";
export { MAX_DEPTH } from "./nodes";
export { RULES } from "./rules";
export { checkShape } from "./shape";
