import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import type { LintDocument } from "../../blueprints/lib/lint";
import { clip } from "../../blueprints/lib/validate";

/**
 * The most one stack file may weigh. A stack is tens of KiB (the 25-consumer
 * example's largest is 37 KiB) and a project of 100 stacks a few MiB in all:
 * 32 MiB per file is generous, and keeps JSON.parse's memory bounded.
 */
export const MAX_FILE_BYTES = 32 * 2 ** 20;
/** The most all stack files of one run may weigh together. */
export const MAX_TOTAL_BYTES = 128 * 2 ** 20;

/** Kernel pseudo-file systems: sizes of 0, reads that block or never end; nothing there is synthesized JSON. */
const PSEUDO_ROOTS = ["/proc", "/sys", "/dev"];
const EXPECTED = "expected a cdk.tf.json, a cdktf.out folder or a project folder";

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** Refuses a path that is, or resolves (through symlinks) to, a kernel pseudo-file. */
function refusePseudo(path: string, shownAs: string): void {
  const real = readable(path, () => realpathSync(path));
  const root = PSEUDO_ROOTS.find((r) => real === r || real.startsWith(`${r}/`));
  if (root)
    throw new BlueprintInputError(
      "path",
      `${clip(shownAs)} is under ${root}, a kernel pseudo-file system whose files are not what they seem (a size of 0, reads that block or never end); ${EXPECTED}`,
    );
}

/** The synthesized JSON files at `path`: a file, a stack folder, a cdktf.out folder or a project. */
export function findStackFiles(path: string): string[] {
  if (!existsSync(path)) throw new BlueprintInputError("path", `${clip(path)} does not exist; ${EXPECTED}`);
  refusePseudo(path, path);
  if (!statSync(path).isDirectory()) return [path];
  if (existsSync(join(path, "cdk.tf.json"))) return [join(path, "cdk.tf.json")];
  for (const stacks of [join(path, "stacks"), join(path, "cdktf.out", "stacks")]) {
    if (existsSync(stacks)) {
      const files = readdirSync(stacks)
        .sort()
        .map((id) => join(stacks, id, "cdk.tf.json"))
        .filter((f) => existsSync(f));
      if (files.length > 0) return files;
    }
  }
  throw new BlueprintInputError(
    "path",
    `no synthesized Terraform JSON in ${clip(path)}; expected a cdk.tf.json or a cdktf.out folder (run npm run synth first)`,
  );
}

/**
 * Reads a stack's JSON, bounded: only regular files (a FIFO or a device would
 * block or never end), at most `budget` bytes, checked on the open descriptor
 * and again while reading, since some files report a size they do not have.
 */
export function readDocument(file: string, shownAs: string, budget = MAX_FILE_BYTES): LintDocument {
  refusePseudo(file, shownAs);
  const limit = Math.min(budget, MAX_FILE_BYTES);
  const stat = readable(file, () => statSync(file));
  if (!stat.isFile())
    throw new BlueprintInputError(
      "path",
      `${clip(shownAs)} is not a regular file (${stat.isDirectory() ? "a folder" : "a FIFO, socket or device"}); expected synthesized Terraform JSON`,
    );
  const text = readable(file, () => readBounded(file, limit, shownAs));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BlueprintInputError("path", `${clip(shownAs)} is not readable Terraform JSON (${clip((error as Error).message, 100)})`);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json))
    throw new BlueprintInputError("path", `${clip(shownAs)} is not a Terraform JSON object`);
  return { file: shownAs, json: json as LintDocument["json"] };
}

function tooBig(shownAs: string, size: number, limit: number): BlueprintInputError {
  const what =
    limit < MAX_FILE_BYTES
      ? `what is left of the ${MAX_TOTAL_BYTES / 2 ** 20} MiB for all stacks together`
      : `${MAX_FILE_BYTES / 2 ** 20} MiB`;
  return new BlueprintInputError("path", `${clip(shownAs)} is ${mib(size)}; expected at most ${what} (synthesized stacks are tens of KiB)`);
}

function readBounded(file: string, limit: number, shownAs: string): string {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    if (size > limit) throw tooBig(shownAs, size, limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(2 ** 20, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) throw tooBig(shownAs, total, limit);
    }
    return Buffer.concat(chunks).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/** Filesystem errors while reading the input are the user's to fix: exit 2, naming the path. */
export function readable<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new BlueprintInputError(
      "path",
      `cannot read ${clip((error as NodeJS.ErrnoException).path ?? path)} (${code}); expected readable synthesized Terraform JSON`,
    );
  }
}
