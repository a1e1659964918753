import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BASE_FILE } from "../base-copy";
import { PROVENANCE_FILE, readProvenance, sha256 } from "../provenance";

/** A shell word for `cd`: bare when it is only safe characters, else single-quoted (POSIX sh). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Optimal string alignment distance: edits, with a swap of two neighbours counted as one. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The command a bare positional probably meant (`chek` → `check`), as git's "did you
 * mean this?". A folder name is open-ended, so only a near miss counts: one edit (a
 * swap of neighbours is one) from a command of five letters or more, not a prefix of
 * it nor an extension (`service`, `checks` and `link` stay folder names), and only when
 * no such folder exists, so `./chek` still creates one.
 */
export function commandTypo(positional: string, commands: readonly string[]): string | undefined {
  if (/[\\/]/.test(positional) || existsSync(positional)) return undefined;
  const word = positional.toLowerCase();
  return commands.find((c) => c.length >= 5 && !c.startsWith(word) && !word.startsWith(c) && distance(word, c) === 1);
}

/**
 * sha256 of every file a previous run generated in `dir`: those its `.privatelink.json`
 * records, and that file and the base copy themselves; none if there is no such file.
 */
export function generatedHashes(dir: string): Set<string> {
  try {
    const files = Object.values(readProvenance(dir).files);
    const meta = [PROVENANCE_FILE, BASE_FILE].filter((f) => existsSync(join(dir, f)));
    return new Set([...files, ...meta.map((f) => sha256(readFileSync(join(dir, f), "utf8")))]);
  } catch {
    return new Set();
  }
}
