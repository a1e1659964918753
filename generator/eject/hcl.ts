import { templateParts } from "./template";

/** A bare HCL expression (a reference such as `aws_vpc.main`), written as is. */
export class Expression {
  constructor(readonly text: string) {}
}

export interface Attribute {
  readonly kind: "attribute";
  readonly name: string;
  /** A JSON value (strings are templates, as in Terraform JSON) or an Expression. */
  readonly value: unknown;
}

export interface Block {
  readonly kind: "block";
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: readonly Item[];
}

export type Item = Attribute | Block;

export const attribute = (name: string, value: unknown): Attribute => ({ kind: "attribute", name, value });
export const block = (type: string, labels: readonly string[], body: readonly Item[]): Block => ({ kind: "block", type, labels, body });

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const KEYWORDS = new Set(["true", "false", "null", "for", "in", "if", "endfor", "endif"]);
const INDENT = "  ";

/** True when `name` can be written bare as an attribute or block name. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** Top-level blocks, separated by a blank line, as a .tf file. */
export function writeHcl(blocks: readonly Block[]): string {
  return `${blocks.map((b) => writeBlock(b, 0)).join("\n\n")}\n`;
}

function writeBlock(b: Block, depth: number): string {
  const pad = INDENT.repeat(depth);
  const head = [b.type, ...b.labels.map((l) => quoted(l, true))].join(" ");
  if (b.body.length === 0) return `${pad}${head} {}`;
  return `${pad}${head} {\n${writeBody(b.body, depth + 1)}\n${pad}}`;
}

/** Attributes aligned on `=` in runs (as `terraform fmt` does), blocks after a blank line. */
function writeBody(items: readonly Item[], depth: number): string {
  const pad = INDENT.repeat(depth);
  const lines: string[] = [];
  let run: [string, string][] = [];
  items.forEach((item, i) => {
    if (item.kind === "attribute") {
      if (!isIdentifier(item.name)) throw new Error(`"${item.name}" is not a valid HCL attribute name`);
      run.push([item.name, writeValue(item.value, depth)]);
      return;
    }
    lines.push(...aligned(run, pad));
    run = [];
    if (i > 0) lines.push("");
    lines.push(writeBlock(item, depth));
  });
  lines.push(...aligned(run, pad));
  return lines.join("\n");
}

/** `name = value` lines; single-line ones aligned in runs, a multi-line value ends a run (terraform fmt's rule). */
function aligned(entries: readonly [string, string][], pad: string): string[] {
  const lines: string[] = [];
  let start = 0;
  const flush = (end: number) => {
    const group = entries.slice(start, end);
    const width = Math.max(0, ...group.map(([k]) => k.length));
    for (const [k, v] of group) lines.push(`${pad}${k.padEnd(width)} = ${v}`);
  };
  entries.forEach(([k, v], i) => {
    if (!v.includes("\n")) return;
    flush(i);
    lines.push(`${pad}${k} = ${v}`);
    start = i + 1;
  });
  flush(entries.length);
  return lines;
}

/** An HCL expression for a JSON value; nested collections are indented one level below `depth`. */
export function writeValue(value: unknown, depth: number): string {
  if (value instanceof Expression) return value.text;
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean" || typeof value === "number") return JSON.stringify(value);
  if (typeof value === "string") return writeString(value);
  const pad = INDENT.repeat(depth + 1);
  const end = INDENT.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((v) => writeValue(v, depth + 1));
    const inline = `[${items.join(", ")}]`;
    if (inline.length <= 80 && !inline.includes("\n")) return inline;
    return `[\n${items.map((v) => `${pad}${v},`).join("\n")}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  const lines = aligned(
    entries.map(([k, v]) => [isIdentifier(k) && !KEYWORDS.has(k) ? k : quoted(k, true), writeValue(v, depth + 1)]),
    pad,
  );
  return `{\n${lines.join("\n")}\n${end}}`;
}

/**
 * A template as HCL: a lone interpolation unwrapped (`"${a.b}"` is `a.b`, the same value and type),
 * a multi-line text ending in a newline as a heredoc, anything else quoted with escapes.
 */
export function writeString(template: string): string {
  const parts = templateParts(template);
  if (parts.length === 1 && parts[0].kind === "interpolation" && parts[0].text.startsWith("${") && !parts[0].text.includes("\n")) {
    return parts[0].text.slice(2, -1).trim();
  }
  const literal = parts.filter((p) => p.kind === "literal").map((p) => p.text);
  const heredocSafe = literal.every((t) => !/[\r\u0000-\u0008\u000b-\u001f\u007f]/.test(t));
  if (template.endsWith("\n") && template.length > 1 && heredocSafe) return heredoc(template);
  return quoted(template, false);
}

/** A quoted string; `literalOnly` escapes `${` and `%{` too (labels and object keys are not templates). */
export function quoted(text: string, literalOnly: boolean): string {
  const parts = literalOnly ? [{ kind: "literal", text: text.replace(/([$%])\{/g, "$1$1{") }] : templateParts(text);
  return `"${parts.map((p) => (p.kind === "literal" ? escapeLiteral(p.text) : p.text)).join("")}"`;
}

function escapeLiteral(text: string): string {
  return text.replace(/[\\"\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    const named: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

/** A heredoc whose marker appears on no line of the text; heredocs take no backslash escapes. */
function heredoc(template: string): string {
  const lines = template.slice(0, -1).split("\n");
  let marker = "EOT";
  for (let n = 2; lines.some((l) => l.trim() === marker); n++) marker = `EOT${n}`;
  return `<<${marker}\n${template}${marker}`;
}
