import type { BlueprintInputError } from "../../blueprints/lib/errors";

/**
 * Where an input error came from, for the one line the CLI prints: the flag
 * that sets the answer, or the file that held it. Kept beside the error, not in
 * it, because blueprints know props, not flags.
 */
const origins = new WeakMap<BlueprintInputError, string>();

/** Records that `error` concerns the answer set by `origin` (a flag, or "recorded in .privatelink.json"). */
export function withOrigin<E extends BlueprintInputError>(error: E, origin: string): E {
  if (!origins.has(error)) origins.set(error, origin);
  return error;
}

/** The origin recorded for `error`, if any. */
export function originOf(error: BlueprintInputError): string | undefined {
  return origins.get(error);
}

/**
 * The answer that sets a prop path, by the binding's table: the longest
 * matching prefix of the path without its indices, so `vpc.subnets[1].id`
 * finds `vpc.subnets` and `listener.port` finds `listener.port`.
 */
export function answerForProp(field: string, propAnswers: Readonly<Record<string, string>>): string | undefined {
  const segments = field
    .replace(/\[\d+\]/g, "")
    .split(".")
    .filter((s) => s !== "");
  for (let n = segments.length; n > 0; n--) {
    const found = propAnswers[segments.slice(0, n).join(".")];
    if (found !== undefined) return found;
  }
  return undefined;
}
