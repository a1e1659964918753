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
 * True when the text holds what is left of an unresolved diff3 conflict: any of the
 * labelled marker lines an upgrade writes (`<<<<<<< yours`, `||||||| <from>`,
 * `>>>>>>> <to>`, at line starts), so that deleting one of them does not hide the
 * others. A lone `=======` is a Markdown heading underline, not counted on its own.
 */
export function hasConflictMarkers(text: string): boolean {
  return /^(<{7}|\|{7}|>{7}) \S/m.test(text);
}
