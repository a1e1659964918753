/** Where the CLI speaks: results to stdout, warnings and errors to stderr. */
export interface Output {
  print(text: string): void;
  warn(text: string): void;
  /** A progress line for a long step, when there is no spinner. */
  progress(text: string): void;
}

export const consoleOutput: Output = {
  print: (text) => process.stdout.write(`${text}\n`),
  warn: (text) => process.stderr.write(`warning: ${text}\n`),
  progress: (text) => process.stderr.write(`${text}\n`),
};
