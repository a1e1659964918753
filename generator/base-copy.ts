import { BlueprintInputError } from "../blueprints/lib/errors";
import type { PlannedFile } from "./plan/types";
import { sha256 } from "./provenance";

/**
 * `.privatelink.base.json`: the files exactly as they were generated, so that
 * `upgrade` merges against what was really written, not against today's
 * rendering of the old version (copier re-renders the recorded template
 * commit; a published generator cannot fetch its own past releases, so it
 * keeps the result instead). JSON, not a mirror folder, so that tsc, Jest and
 * editors never take the copies for the project's own sources.
 */
export const BASE_FILE = ".privatelink.base.json";

/** The base copy of a plan's files (without the provenance file, which records their hashes). */
export function baseFile(files: readonly PlannedFile[]): PlannedFile {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const body = {
    "//": "The generated files as create-privatelink wrote them: the base of the next upgrade's three-way merge. Do not edit.",
    files: Object.fromEntries(sorted.map((f) => [f.path, f.content])),
  };
  return { path: BASE_FILE, content: `${JSON.stringify(body, null, 2)}\n` };
}

/**
 * The base copies that can be trusted: those whose sha256 is the one the
 * provenance recorded for the file. A missing, broken or edited base file
 * yields fewer (or no) entries, and the upgrade falls back to re-rendering.
 * `disagreeing` lists the files that have a base copy whose hash is not the
 * recorded one: either the base file or the recorded hash was edited, and the
 * file is treated as edited (never overwritten as if untouched).
 */
export function readBaseCopies(
  text: string | undefined,
  recordedHashes: Readonly<Record<string, string>>,
): { copies: Map<string, string>; disagreeing: string[]; unrecorded: Map<string, string> } {
  const copies = new Map<string, string>();
  const disagreeing: string[] = [];
  /** Files the base copy holds that `.privatelink.json` no longer records: its entry was removed by hand. */
  const unrecorded = new Map<string, string>();
  if (text === undefined) return { copies, disagreeing, unrecorded };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BlueprintInputError(
      BASE_FILE,
      `is not valid JSON (${(error as Error).message.slice(0, 120)}); restore it from git, or delete it`,
    );
  }
  const files = (data as { files?: unknown } | null)?.files;
  if (files === null || typeof files !== "object" || Array.isArray(files)) {
    throw new BlueprintInputError(BASE_FILE, "has no `files` object; restore it from git, or delete it");
  }
  for (const [path, content] of Object.entries(files as Record<string, unknown>)) {
    if (typeof content === "string" && recordedHashes[path] === sha256(content)) copies.set(path, content);
    else if (recordedHashes[path] !== undefined) disagreeing.push(path);
    else if (typeof content === "string" && !Object.hasOwn(recordedHashes, path)) unrecorded.set(path, content);
  }
  return { copies, disagreeing, unrecorded };
}
