import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The `app` command of a project's cdktf.json (what `cdktf synth` runs, e.g.
 * `node --import ./scripts/typescript.mjs main.ts`), or why there is none.
 */
export function appCommand(projectDir: string): { readonly command: string } | { readonly problem: string } {
  const file = join(projectDir, "cdktf.json");
  if (!existsSync(file)) return { problem: "has no cdktf.json" };
  let app: unknown;
  try {
    app = (JSON.parse(readFileSync(file, "utf8")) as { app?: unknown }).app;
  } catch {
    app = undefined;
  }
  if (typeof app !== "string" || app.trim() === "") return { problem: `has no "app" command in cdktf.json` };
  return { command: app };
}

/**
 * Runs the app command in the project as `cdktf synth` does, through a shell,
 * with `CDKTF_OUTDIR` pointing at `outdir` so that nothing in the project changes.
 */
export function runApp(projectDir: string, command: string, outdir: string): SpawnSyncReturns<string> {
  return spawnSync(command, {
    cwd: projectDir,
    shell: true,
    env: { ...process.env, CDKTF_OUTDIR: outdir },
    encoding: "utf8",
    timeout: 300_000,
  });
}
