import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

/** The built CLI (npm test builds it first). */
export const CLI = join(__dirname, "..", "..", "dist", "generator", "cli.js");

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real CLI without a TTY, on this Node or on `options.node`. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; node?: string } = {}): CliResult {
  const result = spawnSync(options.node ?? process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? tmp("cli-cwd"),
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    input: "",
    timeout: 60000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A new empty temporary directory. */
export function tmp(label: string): string {
  return mkdtempSync(join(tmpdir(), `privatelink-${label}-`));
}

/** Every file below `dir` with its content, by relative POSIX path (skipping node_modules and cdktf.out). */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name === "node_modules" || name === "cdktf.out" || name === ".terraform") continue;
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full).split("\\").join("/")] = readFileSync(full, "utf8");
    }
  };
  walk(dir);
  return out;
}
