export type { LintReport } from "./lint.ts";
export { formatReport, lint } from "./lint.ts";
export type { Finding, LintDocument, LintSuppression, Rule, TfJson } from "./model.ts";
export { MAX_DEPTH } from "./nodes.ts";
export { RULES } from "./rules.ts";
export { checkShape } from "./shape.ts";
