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

/**
 * An input error as the user reads it: led by the flag they typed when a flag
 * gave the answer (`--consumer-accounts`, then the item: `consumerAccounts[0]`),
 * else by the field, with where the answer came from ("recorded in .privatelink.json").
 */
export function inputErrorText(error: BlueprintInputError): string {
  const origin = originOf(error);
  if (origin === undefined) return error.message;
  if (!origin.startsWith("--")) return `${error.message} (${origin})`;
  const own = `\`${error.field}\`: `;
  const problem = error.message.startsWith(own) ? error.message.slice(own.length) : error.message;
  // The item within the flag's value, when the field is more than the answer's key (`consumers[0].vpcId`).
  const item = error.field === origin || /^[A-Za-z]+$/.test(error.field) ? "" : ` \`${error.field}\``;
  return `${origin}${item}: ${problem}`;
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
