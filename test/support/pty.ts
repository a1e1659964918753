import { type ChildProcess, spawn } from "node:child_process";

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]|\u001b[=>]|\r/g;

export const KEY = { enter: "\r", down: "\u001b[B", up: "\u001b[A", space: " ", backspace: "\u007f", ctrlC: "\u0003" } as const;

/**
 * A program run in a real pseudo-terminal, through util-linux `script`, so that
 * it sees a TTY exactly as in a person's terminal. Output is read with the ANSI
 * escapes removed.
 */
export class Terminal {
  private readonly child: ChildProcess;
  private raw = "";
  private seen = 0;
  public readonly exited: Promise<number>;

  constructor(command: string, cwd: string) {
    this.child = spawn("script", ["-qfec", `stty cols 200 rows 50; ${command}`, "/dev/null"], {
      cwd,
      env: { ...process.env, TERM: "xterm-256color", COLUMNS: "160", LINES: "50" },
    });
    this.child.stdout!.on("data", (chunk: Buffer) => (this.raw += chunk.toString("utf8")));
    this.child.stderr!.on("data", (chunk: Buffer) => (this.raw += chunk.toString("utf8")));
    this.exited = new Promise((done) => this.child.on("close", (code) => done(code ?? -1)));
  }

  /** Everything shown so far, without escapes, runs of white space (line wraps too) as one space. */
  get screen(): string {
    return this.raw.replace(ANSI, "").replace(/\s+/g, " ");
  }

  /**
   * Waits until the output after the last match shows `pattern`; returns that
   * output up to the end of the match (what was drawn in between).
   */
  async waitFor(pattern: RegExp, timeoutMs = 20000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const rest = this.screen.slice(this.seen);
      const match = pattern.exec(rest);
      if (match) {
        this.seen += match.index + match[0].length;
        return rest.slice(0, match.index + match[0].length);
      }
      if (Date.now() - start > timeoutMs)
        throw new Error(`timed out waiting for ${pattern}; the terminal shows:\n${this.screen.slice(-1500)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Types keys, one write per key with a pause, as a person would. */
  async type(...keys: string[]): Promise<void> {
    for (const key of keys) {
      this.child.stdin!.write(key);
      await new Promise((r) => setTimeout(r, 60));
    }
  }

  /** Waits for `pattern`, then types `keys`. */
  async answer(pattern: RegExp, ...keys: string[]): Promise<void> {
    await this.waitFor(pattern);
    await new Promise((r) => setTimeout(r, 100));
    await this.type(...keys);
  }

  kill(): void {
    this.child.kill("SIGKILL");
  }
}
