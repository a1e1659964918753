import { BlueprintInputError } from "../errors.ts";
import { clip } from "../validate.ts";

/**
 * How deep synthesized JSON (or a policy inside it) may nest. The examples
 * reach 12; 64 leaves room for any real stack while keeping every walk of
 * the document, including JSON.stringify, far from the call-stack limit.
 */
export const MAX_DEPTH = 64;

/** A node that is not what the lint expects: exit 2, naming the node's path and the file. */
export function badNode(field: string, file: string, value: unknown, expected: string): BlueprintInputError {
  return new BlueprintInputError(clip(field, 160), `${kindOf(value)} (in ${clip(file)}); expected ${expected}`);
}

/** `is null`, `is a list`, …: what a JSON value turned out to be. */
export function kindOf(value: unknown): string {
  if (value === null) return "is null";
  if (Array.isArray(value)) return "is a list";
  return typeof value === "object" ? "is an object" : `is a ${typeof value}`;
}

export const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Throws unless `value` is a JSON object (not null, not a list). */
export function expectObject(value: unknown, field: string, file: string, expected = "an object"): Readonly<Record<string, unknown>> {
  if (!isObject(value)) throw badNode(field, file, value, expected);
  return value;
}

/** `field` extended by an object key or a list index, as the messages print it. */
export function child(field: string, key: string | number): string {
  if (typeof key === "number") return `${field}[${key}]`;
  return field === "" ? key : `${field}.${key}`;
}

/**
 * Refuses JSON nested deeper than MAX_DEPTH. Iterative, with parent links so
 * that a path string is only built for the node at fault: a recursive walk is
 * what overflowed the stack on hostile input.
 */
export function checkDepth(root: unknown, file: string, name: (path: string) => string = (path) => path): void {
  interface Node {
    readonly value: unknown;
    readonly depth: number;
    readonly key?: string | number;
    readonly parent?: Node;
  }
  const pending: Node[] = [{ value: root, depth: 1 }];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.value === null || typeof node.value !== "object") continue;
    if (node.depth > MAX_DEPTH) {
      const keys: (string | number)[] = [];
      for (let n: Node | undefined = node; n?.key !== undefined; n = n.parent) keys.unshift(n.key);
      throw new BlueprintInputError(
        clip(name(keys.reduce<string>(child, "")), 160),
        `is nested deeper than ${MAX_DEPTH} levels (in ${clip(file)}); expected synthesized Terraform JSON, which is far shallower`,
      );
    }
    const entries: [string | number, unknown][] = Array.isArray(node.value) ? node.value.map((v, i) => [i, v]) : Object.entries(node.value);
    for (const [key, value] of entries) pending.push({ value, depth: node.depth + 1, key, parent: node });
  }
}
