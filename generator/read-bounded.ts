import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { BlueprintInputError } from "../blueprints/lib/errors";
import { clip } from "../blueprints/lib/validate";

/**
 * Reads a small text file the user points at (answers, provenance) with a
 * bound: a device such as /dev/zero, a FIFO or a multi-gigabyte file is
 * refused with a message naming `field`, never read without end.
 */
export function readBounded(path: string, field: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new BlueprintInputError(
      field,
      `cannot read ${clip(path)} (${(error as NodeJS.ErrnoException).code ?? "error"}); expected a readable JSON file`,
    );
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new BlueprintInputError(field, `${clip(path)} is not a regular file; expected a JSON file`);
    if (stat.size > maxBytes) {
      throw new BlueprintInputError(
        field,
        `${clip(path)} is ${stat.size} bytes; expected at most ${maxBytes} (${Math.round(maxBytes / 1024)} KiB)`,
      );
    }
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (let n = 1; n > 0 && length <= maxBytes; length += n) n = readSync(fd, buffer, length, maxBytes + 1 - length, null);
    if (length > maxBytes) throw new BlueprintInputError(field, `${clip(path)} grew past ${maxBytes} bytes while it was read`);
    return buffer.subarray(0, length).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/** An answers file is a few KiB; 1 MiB leaves room for a thousand consumers. */
export const MAX_ANSWERS_BYTES = 1024 * 1024;
