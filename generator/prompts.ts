import { checkbox, input, select } from "@inquirer/prompts";
import { BlueprintInputError, isInputError } from "../blueprints/lib/errors";
import { knownRegions } from "../blueprints/lib/partitions";
import type { Choice, Known, Question } from "./answers/question";
import type { Asker } from "./answers/resolve";
import { pickerItems, zonesOf } from "./prompts/service-catalog";
import { servicePicker } from "./prompts/service-picker";
import { BLUEPRINTS } from "./registry";

/** A default as the text an input prompt offers. */
function asText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(",");
  if (typeof value === "object")
    return Object.entries(value as Record<string, string>)
      .map(([k, v]) => `${k}=${v}`)
      .join(",");
  return String(value);
}

/** The question's own check, as an inquirer validator: true, or the message naming the field. */
export function validator(question: Question, known: Known) {
  return (value: unknown): true | string => {
    try {
      question.check(value, known);
      return true;
    } catch (error) {
      if (isInputError(error)) return error.message;
      throw error;
    }
  };
}

function choicesOf(question: Question, known: Known): Choice[] {
  if (question.key === "blueprint") {
    return [...BLUEPRINTS].reverse().map((b) => ({
      value: `${b.manifest.name}@${b.manifest.version}`,
      name: `${b.manifest.name}@${b.manifest.version}`,
      description: b.manifest.summary,
    }));
  }
  if (question.key === "region") return knownRegions().map((r) => ({ value: r.region, name: `${r.region.padEnd(15)} ${r.description}` }));
  return [...(question.choices?.(known) ?? [])];
}

/**
 * Asks questions with inquirer. Every answer goes through the same check as
 * the flag and the answers file, while it is typed.
 */
export const askInTerminal: Asker = async (question, known, suggested) => {
  try {
    return await ask(question, known, suggested);
  } catch (error) {
    // The prompt closes when its input ends (a pipe, a file, </dev/null): no answer, not Ctrl-C.
    if (error instanceof Error && error.name === "ExitPromptError" && process.stdin.readableEnded)
      throw new BlueprintInputError(
        question.key,
        `standard input ended before "${question.message}" was answered; pass ${question.flag}, or --answers <file>, or --yes for the defaults`,
      );
    throw error;
  }
};

const ask: Asker = async (question, known, suggested) => {
  const validate = validator(question, known);
  switch (question.prompt) {
    case "select":
      return question.check(
        await select({ message: question.message, choices: choicesOf(question, known), default: suggested, pageSize: 12 }),
        known,
      );
    case "checkbox": {
      const chosen = new Set(Array.isArray(suggested) ? suggested : []);
      const choices = choicesOf(question, known).map((c) => ({ ...c, checked: chosen.has(c.value) }));
      if (choices.length === 0) return question.check(suggested, known); // nothing to choose from: nothing to ask
      return question.check(
        await checkbox({ message: question.message, choices, validate: (items) => validate(items.map((i) => i.value)) }),
        known,
      );
    }
    case "services":
      return question.check(await askServices(question, known, suggested), known);
    default:
      return question.check(await input({ message: question.message, default: asText(suggested), validate }), known);
  }
};

/** Text of a comma-separated list, trimmed, empty items dropped. */
const splitList = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Interface services: the catalog in its groups, filtered as it is typed, with
 * the monthly cost of the selection; then any custom full service names.
 */
async function askServices(question: Question, known: Known, suggested: unknown): Promise<string[]> {
  const validate = validator(question, known);
  const items = pickerItems();
  const suggestedList: string[] = Array.isArray(suggested) ? suggested.map(String) : [];
  const inCatalog = new Set(items.map((i) => i.key));
  const picked = await servicePicker({
    message: question.message,
    items,
    selected: suggestedList.filter((s) => inCatalog.has(s)),
    zones: zonesOf(known),
    validate,
  });
  const custom = await input({
    message: "Custom service names, comma-separated (e.g. com.amazonaws.vpce.<region>.vpce-svc-…), empty for none",
    default: suggestedList.filter((s) => !inCatalog.has(s)).join(","),
    validate: (text) => validate([...picked, ...splitList(text)]),
  });
  return [...picked, ...splitList(custom)];
}
