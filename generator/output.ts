/** Where the CLI speaks: results to stdout, warnings and errors to stderr. */
export interface Output {
  print(text: string): void;
  warn(text: string): void;
  /** A progress line for a long step, when there is no spinner. */
  progress(text: string): void;
}

/**
 * Text with its control characters escaped (`\u001b`), but for line feeds and tabs: what the
 * CLI prints quotes project files and answers that anyone who can commit may have written,
 * and an escape sequence in them must not reach the terminal as one (no colours, cursor
 * moves or title changes from a `.privatelink.json`). The CLI's own text has none.
 */
export function safeForTerminal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export const consoleOutput: Output = {
  print: (text) => process.stdout.write(`${safeForTerminal(text)}\n`),
  warn: (text) => process.stderr.write(`warning: ${safeForTerminal(text)}\n`),
  progress: (text) => process.stderr.write(`${safeForTerminal(text)}\n`),
};
