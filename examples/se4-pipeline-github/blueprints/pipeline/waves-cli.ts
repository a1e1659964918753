/**
 * `node blueprints/pipeline/waves-cli.ts <manifest.json> <wave jobs>`: the workflow's matrices from cdktf's stack
 * dependencies, written as job outputs to $GITHUB_OUTPUT (stdout without it), and the waves to the job summary.
 * A manifest deeper than the workflow's wave jobs fails here, before anything is planned or applied.
 */
import { appendFileSync, readFileSync } from "node:fs";
import { type Manifest, matrixOutputs, wavesMarkdown, wavesOf } from "./waves.ts";

const [manifestPath, jobsText] = process.argv.slice(2);
if (manifestPath === undefined || !/^[1-9][0-9]*$/.test(jobsText ?? "")) {
  process.stderr.write("usage: node blueprints/pipeline/waves-cli.ts <cdktf.out/manifest.json> <number of wave jobs>\n");
  process.exit(2);
}
try {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const outputs = matrixOutputs(manifest, Number(jobsText));
  const lines = `${Object.entries(outputs)
    .map(([name, value]) => `${name}=${value}`)
    .join("\n")}\n`;
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, lines);
  else process.stdout.write(lines);
  if (process.env.GITHUB_STEP_SUMMARY)
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, `### Apply waves (cdktf.out/manifest.json)\n\n${wavesMarkdown(wavesOf(manifest))}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
