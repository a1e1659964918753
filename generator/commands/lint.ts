import { statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { type BlueprintInputError, isInputError } from "../../blueprints/lib/errors";
import { formatReport, type LintDocument, lint, RULES } from "../../blueprints/lib/lint";
import type { ParsedArgs } from "../args";
import type { Output } from "../output";
import { findSuppressions } from "../provenance";
import { shown } from "../write/target";
import { findStackFiles, MAX_TOTAL_BYTES, readable, readDocument } from "./lint-input";

/**
 * `create-privatelink lint [path] [--json] [--rules]`: exit 1 on findings, 0 clean, 2 on input it cannot lint.
 * With --json, that input error is a JSON object on stdout too, `{"error": {"field", "message"}}`,
 * so that CI reads one format whatever happens.
 */
export function lintCommand(args: ParsedArgs, out: Output): number {
  if (args.options.rules) {
    out.print(RULES.map((r) => `${r.id}: ${r.title}\n  why: ${r.why}\n  fix: ${r.fix}`).join("\n\n"));
    return 0;
  }
  try {
    return lintPath(args.positionals[0] ?? ".", args.options.json === true, out);
  } catch (error) {
    if (!args.options.json || !isInputError(error)) throw error;
    out.print(JSON.stringify({ error: { field: error.field, message: problemOf(error) } }, null, 2));
    return 2;
  }
}

function lintPath(path: string, json: boolean, out: Output): number {
  const files = readable(path, () => findStackFiles(path));
  const single = files.length === 1 && files[0] === path;
  let used = 0;
  const documents: LintDocument[] = files.map((f) => {
    const doc = readDocument(f, single ? basename(f) : relative(path, f) || basename(f), MAX_TOTAL_BYTES - used);
    used += statSync(f).size;
    return doc;
  });
  const { file, suppressions, ignored } = findSuppressions(single ? join(path, "..") : path);
  const report = lint(documents, suppressions);
  // where the suppressions came from, and what was not read as a project's record
  const source = {
    suppressionsFrom: file === undefined ? null : shown(file),
    ignored: ignored.map(
      (f) => `${shown(f)}: not a project's .privatelink.json (no blueprint and files); its suppressions were not applied`,
    ),
  };
  out.print(
    json
      ? JSON.stringify({ ...report, ...source }, null, 2)
      : [
          formatReport(report),
          ...(source.suppressionsFrom && suppressions.length > 0 ? [`Suppressions read from ${source.suppressionsFrom}.`] : []),
          ...source.ignored.map((line) => `Ignored ${line}.`),
        ].join("\n"),
  );
  return report.findings.length > 0 ? 1 : 0;
}

/** The message without the "`field`: " that starts it: the JSON carries the field on its own. */
function problemOf(error: BlueprintInputError): string {
  const prefix = `\`${error.field}\`: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}
