const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** Objects this short stay on one line (a choice: Biome keeps whichever form it is given, if it fits). */
const INLINE_OBJECT_WIDTH = 80;
/** The generated projects' Biome line width: Biome puts a list on one line exactly when it fits in it. */
export const LINE_WIDTH = 140;

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
 * A JSON value as TypeScript source, formatted as Biome formats it (so a
 * generated file passes `biome format` unchanged): lists on one line when
 * the whole line fits, else one item a line with trailing commas; short
 * objects on one line. `prefix` is how many characters stand before the value
 * on its line (indent and key), so the line's width is known.
 */
export function tsLiteral(value: unknown, indent: string, prefix = indent.length): string {
  if (value === null || typeof value !== "object") return typeof value === "string" ? tsString(value) : JSON.stringify(value);
  const inner = `${indent}  `;
  const isList = Array.isArray(value);
  const entries = isList
    ? value.map((item) => tsLiteral(item, inner))
    : Object.entries(value as Record<string, unknown>).map(
        ([k, v]) => `${tsKey(k)}: ${tsLiteral(v, inner, inner.length + tsKey(k).length + 2)}`,
      );
  if (entries.length === 0) return isList ? "[]" : "{}";
  const inline = isList ? `[${entries.join(", ")}]` : `{ ${entries.join(", ")} }`;
  // The trailing comma after the value counts towards the line.
  const fits =
    !inline.includes("\n") && (isList ? prefix + inline.length + 1 <= LINE_WIDTH : inline.length + indent.length <= INLINE_OBJECT_WIDTH);
  if (fits) return inline;
  return `${isList ? "[" : "{"}\n${entries.map((e) => `${inner}${e},`).join("\n")}\n${indent}${isList ? "]" : "}"}`;
}
