/**
 * `npm run cdktf -- <command>` (and `npm run deploy`, `npm run diff`): the CDKTF CLI
 * for this Node, without telemetry.
 * - Node 22.18 and later: cdktn-cli, the community fork of the archived cdktf-cli (the
 *   same commands, cdktf.json and cdktf.out). It has no node-pty, so nothing is compiled.
 * - Node 20: cdktf-cli 0.21 (an optional dependency), whose node-pty ships a binary for
 *   it; cdktn-cli does not run there (it needs worker_threads.markAsUncloneable).
 * CHECKPOINT_DISABLE=1: the CLI otherwise asks HashiCorp's checkpoint service about
 * updates and usage on every run, which prints an error where there is no internet
 * access (unless you set CHECKPOINT_DISABLE yourself).
 * `diff` without a stack diffs every stack, in the order the app declares them (the CLI
 * takes one stack per diff).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

process.env.CHECKPOINT_DISABLE ??= "1";
const require = createRequire(import.meta.url);
const find = (path) => {
  try {
    return require.resolve(path);
  } catch {
    return undefined;
  }
};
const cli =
  (typeof require("node:worker_threads").markAsUncloneable === "function" ? find("cdktn-cli/bundle/bin/cdktn.js") : undefined) ??
  find("cdktf-cli/bundle/bin/cdktf");
if (cli === undefined) {
  console.error(
    `scripts/cdktf.mjs: no CDKTF CLI for Node ${process.version}: run npm install (cdktn-cli needs Node 22.18 or later; on Node 20, the optional cdktf-cli)`,
  );
  process.exit(1);
}
const run = (args) => {
  const result = spawnSync(process.execPath, [cli, ...args], { stdio: "inherit" });
  if (result.error) throw result.error;
  return result.status ?? 1;
};

const args = process.argv.slice(2);
if (args[0] === "diff" && !args.slice(1).some((a) => !a.startsWith("-"))) {
  const synth = run(["synth"]);
  if (synth !== 0) process.exit(synth);
  const manifest = JSON.parse(readFileSync("cdktf.out/manifest.json", "utf8"));
  let status = 0;
  for (const stack of Object.keys(manifest.stacks)) status = Math.max(status, run(["diff", stack, "--skip-synth", ...args.slice(1)]));
  process.exit(status);
}
process.exit(run(args));
