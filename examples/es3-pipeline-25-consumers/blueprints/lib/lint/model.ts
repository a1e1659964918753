/** Synthesized Terraform JSON, as far as the lint reads it. */
export interface TfJson {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Body>>>>;
  readonly [key: string]: unknown;
}

export type Body = Readonly<Record<string, unknown>>;

/** One synthesized stack: its JSON and where it came from. */
export interface LintDocument {
  /** Path shown in findings, e.g. `cdktf.out/stacks/provider/cdk.tf.json`. */
  readonly file: string;
  readonly json: TfJson;
}

export interface Finding {
  /** Rule ID; the public rule it mirrors where there is one (`CKV_AWS_123`), else `PL_…`. */
  readonly rule: string;
  /** Terraform address, e.g. `aws_lb.service_nlb_1A2B3C4D`. */
  readonly resource: string;
  readonly file: string;
  /** What is wrong, in this resource. */
  readonly message: string;
}

/** A rule turned off for a project, with the written reason; optionally for one resource only. */
export interface LintSuppression {
  readonly rule: string;
  readonly reason: string;
  /** Terraform address; all resources when absent. */
  readonly resource?: string;
}

export interface Rule {
  readonly id: string;
  readonly title: string;
  /** Why it matters. */
  readonly why: string;
  /** How to fix it. */
  readonly fix: string;
  readonly check: (doc: LintDocument) => Omit<Finding, "rule" | "file">[];
  /** Findings that need every stack of the project at once (a reference between stacks), each naming its file. @default none */
  readonly checkProject?: (docs: readonly LintDocument[]) => Omit<Finding, "rule">[];
}

/** Every resource of the given types, with its address. */
export function resources(doc: LintDocument, ...types: string[]): { address: string; name: string; type: string; body: Body }[] {
  return types.flatMap((type) =>
    Object.entries(doc.json.resource?.[type] ?? {}).map(([name, body]) => ({ address: `${type}.${name}`, name, type, body })),
  );
}

export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
