/**
 * Terraform strings are templates in both syntaxes: literal text with `${ expr }` interpolations
 * and `%{ directive }`s, and `$${` / `%%{` for a literal `${` / `%{`. The JSON and the native
 * syntax share that template language; only the string quoting differs. This splits a template
 * into its literal and expression parts, so each can be written (or renamed) on its own.
 */
export type TemplatePart = { readonly kind: "literal" | "interpolation"; readonly text: string };

/** The parts of a template; an interpolation's text is the whole `${...}` or `%{...}`. */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = "";
  let i = 0;
  while (i < template.length) {
    const two = template.slice(i, i + 2);
    const three = template.slice(i, i + 3);
    if (three === "$${" || three === "%%{") {
      literal += three;
      i += 3;
      continue;
    }
    if (two === "${" || two === "%{") {
      const end = closingBrace(template, i + 2);
      if (end === undefined) {
        literal += template.slice(i);
        break;
      }
      if (literal) parts.push({ kind: "literal", text: literal });
      literal = "";
      parts.push({ kind: "interpolation", text: template.slice(i, end + 1) });
      i = end + 1;
      continue;
    }
    literal += template[i];
    i++;
  }
  if (literal) parts.push({ kind: "literal", text: literal });
  return parts;
}

/** The index of the `}` that closes an expression starting at `from`, skipping nested braces and quoted strings. */
function closingBrace(text: string, from: number): number | undefined {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const end = closingQuote(text, i + 1);
      if (end === undefined) return undefined;
      i = end + 1;
      continue;
    }
    if (c === "{") depth++;
    if (c === "}") {
      if (depth === 0) return i;
      depth--;
    }
    i++;
  }
  return undefined;
}

/** The index of the `"` that closes a quoted string inside an expression (which may itself hold templates). */
function closingQuote(text: string, from: number): number | undefined {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\") {
      i += 2;
      continue;
    }
    if (c === '"') return i;
    if ((c === "$" || c === "%") && text[i + 1] === "{") {
      const end = closingBrace(text, i + 2);
      if (end === undefined) return undefined;
      i = end + 1;
      continue;
    }
    i++;
  }
  return undefined;
}

/** The template with every interpolation's expression passed through `rename` (literal text untouched). */
export function mapExpressions(template: string, rename: (expression: string) => string): string {
  return templateParts(template)
    .map((p) => (p.kind === "literal" ? p.text : `${p.text.slice(0, 2)}${rename(p.text.slice(2, -1))}}`))
    .join("");
}
