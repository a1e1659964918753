/**
 * Line endings and conflict markers of the project's text files.
 *
 * Generated files are recorded, hashed and merged with LF line endings, as git
 * stores text (`core.autocrlf`, `* text=auto`); a file checked out with CRLF is
 * the same file. A merged file is written back with the line endings the
 * user's copy had, as Prettier's `endOfLine: "auto"` keeps them.
 */
export function toLf(text: string): string {
  return text.replace(/\r\n/g, "\n");
}

/** True when the text uses CRLF line endings (its first line break is CRLF). */
export function usesCrlf(text: string | undefined): boolean {
  if (text === undefined) return false;
  const newline = text.indexOf("\n");
  return newline > 0 && text[newline - 1] === "\r";
}

/** `text` (LF) with the line endings of `like`. */
export function withEndingsOf(text: string, like: string | undefined): string {
  return usesCrlf(like) ? toLf(text).replace(/\n/g, "\r\n") : text;
}

/**
 * True when the text holds an unresolved diff3 conflict: a `<<<<<<< ` line
 * followed later by a `>>>>>>> ` line (git's markers, at line starts). A lone
 * `=======` is a Markdown heading underline, not a conflict.
 */
export function hasConflictMarkers(text: string): boolean {
  const start = /^<<<<<<< /m.exec(text);
  return start !== null && /^>>>>>>> /m.test(text.slice(start.index));
}
