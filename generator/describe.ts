import type { CostInput } from "./cost";

/** What a generated project's README and the closing summary say about it. */
export interface ProjectDescription {
  /** One paragraph: what the project deploys. */
  readonly summary: string;
  /** Each stack and what it deploys. */
  readonly stacks: readonly { readonly id: string; readonly what: string }[];
  /** Mermaid flowchart of the topology. */
  readonly diagram: string;
  /** Deploy commands after synth and test. */
  readonly deploy: readonly string[];
  /** Things to know before deploying. */
  readonly notes: readonly string[];
  readonly cost: CostInput;
  /**
   * Cost of this design against an alternative, as lines (e.g. a central
   * endpoint hub against endpoints in every VPC), with its assumptions.
   * @default none
   */
  readonly comparison?: readonly string[];
}

/** A Mermaid node label, quoted, with the characters Mermaid treats specially escaped. */
export function label(text: string): string {
  return `"${text.replace(/&/g, "#amp;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;")}"`;
}

/** A Mermaid node ID from arbitrary text. */
export function nodeId(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, "_");
}
