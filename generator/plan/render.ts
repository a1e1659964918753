import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { PACKAGE_ROOT } from "../paths";

const cache = new Map<string, HandlebarsTemplateDelegate>();

/**
 * Renders `templates/<name>` with Handlebars in strict mode (a missing value is
 * an error, not an empty string) and without HTML escaping: every value is
 * computed in TypeScript first, templates only use {{#if}} and {{#each}}.
 */
export function render(name: string, context: object): string {
  let template = cache.get(name);
  if (!template) {
    const source = readFileSync(join(PACKAGE_ROOT, "templates", name), "utf8");
    template = Handlebars.create().compile(source, { strict: true, noEscape: true });
    cache.set(name, template);
  }
  return normalize(template(context));
}

/** LF line endings, no trailing spaces, exactly one newline at the end. */
export function normalize(text: string): string {
  return `${text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
