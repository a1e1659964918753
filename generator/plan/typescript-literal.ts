const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const INLINE_WIDTH = 80;

/** An object key as TypeScript source: bare when it is an identifier. */
export function tsKey(name: string): string {
  return IDENTIFIER.test(name) ? name : tsString(name);
}

/**
 * A string as a TypeScript literal. JSON.stringify escapes quotes, backslashes
 * and control characters; U+2028/2029 are escaped too so that no tool that
 * predates ES2019 reads them as line breaks.
 */
export function tsString(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * A JSON value as TypeScript source, formatted like hand-written code: short
 * lists and objects on one line, others one item a line with trailing commas.
 */
export function tsLiteral(value: unknown, indent: string): string {
  if (value === null || typeof value !== "object") return typeof value === "string" ? tsString(value) : JSON.stringify(value);
  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map((item) => tsLiteral(item, inner))
    : Object.entries(value as Record<string, unknown>).map(([k, v]) => `${tsKey(k)}: ${tsLiteral(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{ ", " }"];
  if (entries.length === 0) return Array.isArray(value) ? "[]" : "{}";
  const inline = `${open}${entries.join(", ")}${close}`;
  if (!inline.includes("\n") && inline.length + indent.length <= INLINE_WIDTH) return inline;
  return `${open.trim()}\n${entries.map((e) => `${inner}${e},`).join("\n")}\n${indent}${close.trim()}`;
}
