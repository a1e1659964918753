/**
 * `npm run deploy` and `npm run diff`: the cdktf CLI without its telemetry. The CLI asks
 * HashiCorp's checkpoint service about updates and usage on every run, which prints an
 * error where there is no internet access; CHECKPOINT_DISABLE=1 turns that off, unless
 * you set CHECKPOINT_DISABLE yourself.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

process.env.CHECKPOINT_DISABLE ??= "1";
const cli = createRequire(import.meta.url).resolve("cdktf-cli/bundle/bin/cdktf");
const run = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit" });
if (run.error) throw run.error;
process.exit(run.status ?? 1);
