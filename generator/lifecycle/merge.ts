type MergeDiff3 = (
  a: string[],
  o: string[],
  b: string[],
  options: { label: { a: string; o: string; b: string }; stringSeparator: string },
) => { conflict: boolean; result: string[] };

// node-diff3 ships a CommonJS build, but its type declarations are ESM-only, which
// TypeScript's node16 resolution refuses to import from CommonJS: require it with its type.
const { mergeDiff3 } = require("node-diff3") as { mergeDiff3: MergeDiff3 };

export interface MergeResult {
  readonly content: string;
  readonly conflict: boolean;
}

/**
 * A three-way merge of one file by lines (node-diff3): edits on either side
 * that do not overlap are both kept; overlapping ones are written with
 * standard diff3 conflict markers, labelled.
 */
export function mergeFile(ours: string, base: string, theirs: string, labels: { ours: string; base: string; theirs: string }): MergeResult {
  if (ours === base) return { content: theirs, conflict: false };
  if (theirs === base || ours === theirs) return { content: ours, conflict: false };
  const lines = (text: string) => text.split("\n");
  const merged = mergeDiff3(lines(ours), lines(base), lines(theirs), {
    label: { a: labels.ours, o: labels.base, b: labels.theirs },
    stringSeparator: "\n",
  });
  return { content: merged.result.join("\n"), conflict: merged.conflict };
}
