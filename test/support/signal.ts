import { spawn } from "node:child_process";
import { CLI } from "./cli";

export interface SignalledRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node <script> <args>` and sends `signal` `delay` ms after `when` first holds
 * (checked on each output and every 5 ms), or after `when` ms: a Ctrl-C or a `kill`
 * at a chosen point of a run.
 */
export function runAndSignal(
  args: readonly string[],
  signal: NodeJS.Signals,
  when: number | ((out: { stdout: string; stderr: string }) => boolean),
  options: { script?: string; cwd?: string; env?: NodeJS.ProcessEnv; delay?: number } = {},
): Promise<SignalledRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [options.script ?? CLI, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let sent = false;
    const send = () => {
      if (!sent && child.exitCode === null) child.kill(signal);
      sent = true;
    };
    let met = false;
    const check = () => {
      if (met || typeof when !== "function" || !when({ stdout, stderr })) return;
      met = true;
      if (options.delay) setTimeout(send, options.delay);
      else send();
    };
    const poll = setInterval(check, 5);
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      check();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      check();
    });
    const timer = typeof when === "number" ? setTimeout(send, when) : undefined;
    child.on("close", (code, killedBy) => {
      clearTimeout(timer);
      clearInterval(poll);
      done({ code, signal: killedBy, stdout, stderr });
    });
  });
}
