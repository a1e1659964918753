/**
 * Ctrl-C, `kill` and a closed terminal, told honestly. Before the write nothing is
 * on disk, so the process exits at once. During the write the signal is only
 * recorded: the writer checks it between files (never between a file's two
 * renames), rolls back and throws `Interrupted`. After the write the project is
 * there, and the message says so. Exit codes are the shell's: 128 + the signal.
 */
export const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
export type Signal = (typeof SIGNALS)[number];

const EXIT_CODES: Readonly<Record<Signal, number>> = { SIGINT: 130, SIGHUP: 129, SIGTERM: 143 };

export function exitCodeFor(signal: Signal): number {
  return EXIT_CODES[signal];
}

/** Where the run is, for what a signal means. */
export type Phase = "before-write" | "writing" | "written" | "installing";

/** A write stopped by a signal and rolled back. */
export class Interrupted extends Error {
  constructor(
    readonly signal: Signal,
    message: string,
  ) {
    super(message);
    this.name = "Interrupted";
  }
}

let phase: Phase = "before-write";
let pending: Signal | undefined;

/** The signal received during the write, if any: the writer's `interrupted` option. */
export function pendingSignal(): Signal | undefined {
  return pending;
}

export function setPhase(next: Phase): void {
  phase = next;
}

const MESSAGES: Readonly<Record<Exclude<Phase, "writing">, string>> = {
  "before-write": "Interrupted: nothing was written.",
  written: "Interrupted: the project was written.",
  installing: "Interrupted: the project was written; npm install was interrupted (run it in the project yourself).",
};

/** Says what a signal means in the current phase and exits; set up by `handleSignals`. */
let report: ((signal: Signal) => void) | undefined;

/** Installs the handlers; `exit` and `write` are the process's unless a test passes its own. */
export function handleSignals(
  write: (text: string) => void = (text) => process.stderr.write(text),
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  report = (signal) => {
    write(`\n${MESSAGES[phase === "writing" ? "written" : phase]}\n`);
    exit(exitCodeFor(signal));
  };
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      if (phase === "writing") pending ??= signal;
      else report?.(signal);
    });
  }
}

/**
 * Runs the write with signals deferred. A signal that lands after the writer's last
 * check (the write is complete) is reported as such, at once: the process exits.
 */
export async function whileWriting<T>(write: () => Promise<T>): Promise<T> {
  setPhase("writing");
  try {
    const result = await write();
    setPhase("written");
    if (pending) report?.(pending);
    return result;
  } catch (error) {
    setPhase("before-write");
    throw error;
  } finally {
    pending = undefined;
  }
}
