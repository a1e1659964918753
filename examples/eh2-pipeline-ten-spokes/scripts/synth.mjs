/**
 * `npm run synth`: main.ts synthesized without starting the cdktf CLI (about 2 s
 * of the CLI's 2.5 s), into the same cdktf.out/ as `npx cdktf synth`.
 *
 * Loaded by `npm run synth` (`node --import ./scripts/typescript.mjs --import
 * ./scripts/synth.mjs main.ts`), it does what `cdktf synth` does around the app
 * (cdktf-cli 0.21, SynthStack.synth): the same environment before the app runs,
 * and after it the stack folders of stacks no longer in the app removed. The
 * CLI never deletes cdktf.out itself, so terraform's files in the stack folders
 * stay. Not copied: the CLI's NODE_OPTIONS=--max-old-space-size=4096 (a heap
 * size, set before this runs) and its telemetry. An error annotation fails the
 * run from inside the app.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const config = JSON.parse(readFileSync("cdktf.json", "utf8"));
const outdir = config.output ?? "cdktf.out";
const isRelative = (source) => source.startsWith("./") || source.startsWith("../");
const relativeModules = (config.terraformModules ?? []).filter((m) => isRelative(typeof m === "string" ? m : m.source));
const context = process.env.CDKTF_CONTEXT_JSON ? JSON.parse(process.env.CDKTF_CONTEXT_JSON) : (config.context ?? {});

// Terraform variables are for terraform's runs, not for synth.
for (const key of Object.keys(process.env)) if (key.startsWith("TF_VAR_")) delete process.env[key];
process.env.CDKTF_OUTDIR = outdir;
process.env.CDKTF_CONTEXT_JSON = JSON.stringify({ ...context, cdktfRelativeModules: relativeModules });
process.env.SYNTH_HCL_OUTPUT = "false";

process.on("exit", (code) => {
  if (code !== 0) return;
  const manifest = join(outdir, "manifest.json");
  if (!existsSync(manifest)) {
    console.error(`ERROR: main.ts did not call app.synth(): ${manifest} was not written`);
    process.exitCode = 1;
    return;
  }
  const { stacks } = JSON.parse(readFileSync(manifest, "utf8"));
  const stacksDir = join(outdir, "stacks");
  for (const entry of readdirSync(stacksDir, { withFileTypes: true })) {
    if (entry.isDirectory() && !(entry.name in stacks)) rmSync(join(stacksDir, entry.name), { recursive: true });
  }
  for (const stack of Object.values(stacks)) {
    for (const a of stack.annotations)
      console.log(`${a.level.replace(/^@cdktf\/(\w+)$/, "$1").toUpperCase()} [${a.constructPath}]: ${a.message}`);
  }
  console.log(`Generated Terraform code for the stacks: ${Object.keys(stacks).join(", ")}`);
});
