import { checkbox, input, Separator, select } from "@inquirer/prompts";
import { isInputError } from "../blueprints/lib/errors";
import { knownRegions } from "../blueprints/lib/partitions";
import { SERVICES } from "../blueprints/lib/services";
import type { Choice, Known, Question } from "./answers/question";
import type { Asker } from "./answers/resolve";
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

/** Interface services: a grouped checkbox of the catalog, then any custom full service names. */
async function askServices(question: Question, known: Known, suggested: unknown): Promise<string[]> {
  const chosen = new Set(Array.isArray(suggested) ? suggested : []);
  const groups = [...new Set(SERVICES.map((s) => s.group))];
  const choices = groups.flatMap((group) => [
    new Separator(`── ${group}`),
    ...SERVICES.filter((s) => s.group === group && s.types.includes("Interface")).map((s) => ({
      value: s.key,
      name: `${s.key.padEnd(26)} ${s.title}`,
      checked: chosen.has(s.key),
    })),
  ]);
  const picked = await checkbox({ message: `${question.message} (space to select, enter to confirm)`, choices, pageSize: 15, loop: false });
  const custom = await input({
    message: "Custom service names, comma-separated (e.g. com.amazonaws.vpce.<region>.vpce-svc-…), empty for none",
    default: "",
    validate: (text) =>
      validator(
        question,
        known,
      )([
        ...picked,
        ...text
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      ]),
  });
  return [
    ...picked,
    ...custom
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}
