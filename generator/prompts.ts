import { checkbox, input, select } from "@inquirer/prompts";
import { BlueprintInputError, isInputError } from "../blueprints/lib/errors";
import { knownRegions } from "../blueprints/lib/partitions";
import { advisoriesFor } from "./advisories";
import type { Choice, Known, Question } from "./answers/question";
import type { Asker } from "./answers/resolve";
import { catalogItem, pickerItems, zonesOf } from "./prompts/service-catalog";
import { servicePicker } from "./prompts/service-picker";
import { BLUEPRINTS, latestVersion } from "./registry";

/** A default as the text an input prompt offers: a list of objects (consumers, spokes) as the JSON the question takes. */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value))
    return value.some((item) => item !== null && typeof item === "object") ? JSON.stringify(value) : value.join(",");
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
    // As `create-privatelink blueprints` lists them, the newest of each marked, and the known defects of the others.
    return BLUEPRINTS.map((b) => {
      const ref = `${b.manifest.name}@${b.manifest.version}`;
      const defects = advisoriesFor(b.manifest.name, b.manifest.version);
      const mark =
        latestVersion(b.manifest.name) === b
          ? " (latest)"
          : defects.length > 0
            ? ` (known defects: ${defects.map((a) => a.id).join(", ")}; fixed in @${Math.max(...defects.map((a) => a.fixedIn))})`
            : " (older)";
      return { value: ref, name: `${ref}${mark}`, description: b.manifest.summary };
    });
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
      // Services are picked with the same filtering widget as the interface services.
      const items = choices.map((c) => catalogItem(c.value));
      if (items.every((item) => item !== undefined)) {
        const keys = await servicePicker({
          message: question.message,
          items,
          selected: choices.filter((c) => c.checked).map((c) => c.value),
          footer: () => "",
          validate,
        });
        return question.check(keys, known);
      }
      return question.check(
        await checkbox({ message: question.message, choices, validate: (items) => validate(items.map((i) => i.value)) }),
        known,
      );
    }
    case "services":
      return question.check(await askServices(question, known, suggested), known);
    default: {
      const hint = question.hint?.(known);
      const message = hint ? `${question.message} (${hint})` : question.message;
      return question.check(await input({ message, default: asText(suggested), validate }), known);
    }
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
    noMatch: "; a full service name can be added at the next question",
  });
  const custom = await input({
    message: "Custom service names, comma-separated (e.g. com.amazonaws.vpce.<region>.vpce-svc-…), empty for none",
    default: suggestedList.filter((s) => !inCatalog.has(s)).join(","),
    validate: (text) => validate([...picked, ...splitList(text)]),
  });
  return [...picked, ...splitList(custom)];
}

/** The zone ID a recorded zone name means in the owner's account (an upgrade from a version that recorded names). */
export async function askZoneIdInTerminal(name: string, region: string, ids: readonly string[]): Promise<string> {
  return input({
    message: `Zone ID of ${name} in your account (aws ec2 describe-availability-zones --region ${region}; --lookup asks AWS)`,
    validate: (value) => ids.includes(value.trim()) || `expected one of ${ids.join(", ")}`,
  }).then((value) => value.trim());
}
