import { spawn } from "node:child_process";
import { createSpinner } from "nanospinner";
import type { Output } from "../output";

/** `npm install` in the new project, with a spinner on a terminal and a line otherwise; whether it succeeded. */
export async function installDependencies(dir: string, out: Output): Promise<boolean> {
  const spinner = process.stderr.isTTY ? createSpinner("npm install", { stream: process.stderr }).start() : undefined;
  if (!spinner) out.progress("npm install: installing the project's dependencies (a minute or so)");
  const code = await new Promise<number>((done) => {
    const child = spawn("npm", ["install", "--no-audit", "--no-fund"], { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
    // Ctrl-C reaches npm from the terminal; a `kill` of this process alone must not leave npm running.
    const stop = () => child.kill("SIGTERM");
    process.once("exit", stop);
    child.on("close", () => process.removeListener("exit", stop));
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("close", (status) => {
      if (status !== 0) out.warn(errors.trim().split("\n").slice(-5).join("\n"));
      done(status ?? 1);
    });
    child.on("error", () => done(1));
  });
  if (code === 0) spinner?.success({ text: "npm install" });
  else {
    spinner?.error({ text: "npm install failed" });
    out.warn("npm install failed; the project is written, run npm install in it yourself");
  }
  return code === 0;
}
