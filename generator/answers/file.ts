import { BlueprintInputError } from "../../blueprints/lib/errors";
import { closest } from "../../blueprints/lib/suggest";
import { clip } from "../../blueprints/lib/validate";
import { META_KEYS } from "../provenance";
import { MAX_ANSWERS_BYTES, readBounded } from "../read-bounded";
import { allQuestions } from "./catalog";
import { duplicateKey } from "./duplicate-keys";
import type { RawAnswers } from "./resolve";

/**
 * Reads an answers file (or a project's `.privatelink.json`, which has the same
 * schema). Unknown keys are errors, so a typo is not silently ignored.
 */
export function readAnswersFile(path: string): RawAnswers {
  const text = readBounded(path, "--answers", MAX_ANSWERS_BYTES);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BlueprintInputError(
      "--answers",
      `${clip(path)} is not valid JSON (${clip((error as Error).message, 120)}); expected an object such as {"region": "eu-west-1", "services": ["ssm"]}`,
    );
  }
  const repeated = duplicateKey(text);
  if (repeated !== undefined)
    throw new BlueprintInputError(
      clip(repeated, 60),
      `is given twice in ${clip(path)}; JSON would keep only the last, so give each answer once`,
    );
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new BlueprintInputError(
      "--answers",
      `${clip(path)} holds ${Array.isArray(data) ? "a list" : String(data === null ? "null" : typeof data)}; expected a JSON object of answers`,
    );
  }
  const keys = allQuestions().map((q) => q.key);
  const known = new Set<string>([...keys, ...META_KEYS]);
  for (const key of Object.keys(data)) {
    if (!known.has(key)) {
      const near = closest(key, [...known]);
      throw new BlueprintInputError(
        clip(key, 40),
        `is not a known answer${near.length > 0 ? ` (did you mean ${near.join(", ")}?)` : ""}; expected one of ${keys.join(", ")}`,
      );
    }
  }
  const answers = Object.fromEntries(Object.entries(data).filter(([key]) => !(META_KEYS as readonly string[]).includes(key)));
  return answers;
}
