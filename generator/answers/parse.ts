import { BlueprintInputError } from "../../blueprints/lib/errors";
import { describe } from "../../blueprints/lib/validate";

/**
 * Turning flag text and loosely typed JSON into answer values. A flag always
 * arrives as text; an answers file may hold the right type already.
 */

/** A comma-separated flag (`ssm,ec2`) or a JSON list of strings. */
export function toList(value: unknown, field: string): string[] {
  if (typeof value === "string")
    return value
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      if (typeof item !== "string") throw new BlueprintInputError(`${field}[${i}]`, `expected a string, got ${describe(item)}`);
      return item;
    });
  }
  throw new BlueprintInputError(field, `expected a list of strings (comma-separated on the command line), got ${describe(value)}`);
}

/** A number from text of digits (`"443"` → 443); anything else is returned as it is, for the rule to refuse. */
export function toNumber(value: unknown): unknown {
  return typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
}

/** A whole number in [min, max], from text or JSON. */
export function toInteger(value: unknown, field: string, min: number, max: number): number {
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) {
    throw new BlueprintInputError(field, `expected a whole number from ${min} to ${max}, got ${describe(value)}`);
  }
  return n;
}

/** A string; empty text means "none" where `nullable`. */
export function toText(value: unknown, field: string, nullable: boolean): string | null {
  if (value === null && nullable) return null;
  if (typeof value !== "string") throw new BlueprintInputError(field, `expected a string, got ${describe(value)}`);
  const text = value.trim();
  if (text === "" && nullable) return null;
  if (text === "") throw new BlueprintInputError(field, "is empty; expected a value");
  return text;
}

/** One of `choices`. */
export function toChoice<T extends string>(value: unknown, field: string, choices: readonly T[]): T {
  if (typeof value === "string" && (choices as readonly string[]).includes(value)) return value as T;
  throw new BlueprintInputError(field, `expected one of ${choices.join(", ")}, got ${describe(value)}`);
}

/** Tags from `Key=Value` flags (repeatable or comma-separated) or a JSON object. */
export function toTags(value: unknown, field: string): Record<string, string> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as Record<string, string>;
  const pairs = Array.isArray(value)
    ? value
    : typeof value === "string"
      ? value.split(",").filter((pair) => pair.trim() !== "")
      : undefined;
  if (!pairs) throw new BlueprintInputError(field, `expected Key=Value pairs, got ${describe(value)}`);
  // Keys are tested with hasOwn, never `in`: `constructor` or `toString` is a tag key like any other.
  const tags: Record<string, string> = {};
  for (const pair of pairs) {
    const text = typeof pair === "string" ? pair.trim() : "";
    const at = text.indexOf("=");
    if (at < 1) throw new BlueprintInputError(field, `expected Key=Value, got ${describe(pair)}`);
    const key = text.slice(0, at).trim();
    if (Object.hasOwn(tags, key))
      throw new BlueprintInputError(`${field}.${key.slice(0, 40)}`, "is given twice; expected each tag key once");
    Object.defineProperty(tags, key, { value: text.slice(at + 1).trim(), enumerable: true, writable: true, configurable: true });
  }
  return tags;
}
