import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { formatReport, type LintDocument, lint, RULES } from "../../blueprints/lib/lint";
import { clip } from "../../blueprints/lib/validate";
import type { ParsedArgs } from "../args";
import type { Output } from "../output";
import { findSuppressions } from "../provenance";

/** The synthesized JSON files at `path`: a file, a stack folder, a cdktf.out folder or a project. */
export function findStackFiles(path: string): string[] {
  if (!existsSync(path))
    throw new BlueprintInputError("path", `${clip(path)} does not exist; expected a cdk.tf.json, a cdktf.out folder or a project folder`);
  if (statSync(path).isFile()) return [path];
  if (existsSync(join(path, "cdk.tf.json"))) return [join(path, "cdk.tf.json")];
  for (const stacks of [join(path, "stacks"), join(path, "cdktf.out", "stacks")]) {
    if (existsSync(stacks)) {
      const files = readdirSync(stacks)
        .sort()
        .map((id) => join(stacks, id, "cdk.tf.json"))
        .filter((f) => existsSync(f));
      if (files.length > 0) return files;
    }
  }
  throw new BlueprintInputError(
    "path",
    `no synthesized Terraform JSON in ${clip(path)}; expected a cdk.tf.json or a cdktf.out folder (run npx cdktf synth first)`,
  );
}

/** Reads a stack's JSON; anything unreadable is a user error naming the file. */
export function readDocument(file: string, shownAs: string): LintDocument {
  let json: unknown;
  const text = readable(file, () => readFileSync(file, "utf8"));
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BlueprintInputError("path", `${clip(shownAs)} is not readable Terraform JSON (${clip((error as Error).message, 100)})`);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json))
    throw new BlueprintInputError("path", `${clip(shownAs)} is not a Terraform JSON object`);
  return { file: shownAs, json: json as LintDocument["json"] };
}

/** Filesystem errors while reading the input are the user's to fix: exit 2, naming the path. */
function readable<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new BlueprintInputError(
      "path",
      `cannot read ${clip((error as NodeJS.ErrnoException).path ?? path)} (${code}); expected readable synthesized Terraform JSON`,
    );
  }
}

/** `create-privatelink lint [path] [--json] [--rules]`: exit 1 on findings, 0 clean, 2 unreadable. */
export function lintCommand(args: ParsedArgs, out: Output): number {
  if (args.options.rules) {
    out.print(RULES.map((r) => `${r.id}: ${r.title}\n  why: ${r.why}\n  fix: ${r.fix}`).join("\n\n"));
    return 0;
  }
  const path = args.positionals[0] ?? ".";
  const files = readable(path, () => findStackFiles(path));
  const base = statSync(path).isFile() ? "." : path;
  const documents = files.map((f) => readDocument(f, statSync(path).isFile() ? basename(f) : relative(base, f) || basename(f)));
  const { suppressions } = findSuppressions(statSync(path).isFile() ? join(path, "..") : path);
  const report = lint(documents, suppressions);
  out.print(args.options.json ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.findings.length > 0 ? 1 : 0;
}
