import { BlueprintInputError, isInputError } from "../../blueprints/lib/errors";
import type { BlueprintEntry } from "../bindings/blueprint";
import type { AwsFacts } from "../lookup/facts";
import { findBlueprint } from "../registry";
import { blueprintQuestion } from "./blueprint-question";
import { questionOf, versionsAsking } from "./catalog";
import { withOrigin } from "./flags";
import type { Known, Question } from "./question";
import type { AnyAnswers } from "./types";

/** Raw answers of one source, keyed by answer, before checking. */
export type RawAnswers = Readonly<Record<string, unknown>>;

/** Raw answers by source, before checking. */
export interface AnswerSources {
  /** From command-line flags (text). */
  readonly flags?: RawAnswers;
  /** From `--answers <file>` (JSON). */
  readonly file?: RawAnswers;
  /** Recorded in `.privatelink.json` by an earlier run (upgrade, regenerate). */
  readonly recorded?: RawAnswers;
  /** Defaults that depend on the run (e.g. the project name from the target folder). */
  readonly defaults?: RawAnswers;
}

/** Asks one question in a terminal, offering `suggested`, and returns the checked answer. */
export type Asker = (question: Question, known: Known, suggested: unknown) => Promise<unknown>;

export interface ResolveOptions {
  /** Ask unanswered questions (a TTY). */
  readonly ask?: Asker;
  /** Take the default for every unanswered question. */
  readonly yes: boolean;
}

export interface ResolvedAnswers {
  /** The blueprint version the answers are for. */
  readonly entry: BlueprintEntry;
  /** Every answer of the blueprint's questions; those that do not apply hold their defaults. */
  readonly answers: AnyAnswers;
  /** The answers that apply, in question order: what `.privatelink.json` records. */
  readonly used: readonly string[];
  /** Things worth saying that are not errors. */
  readonly warnings: readonly string[];
  /** AWS's answers about zones and services (`--lookup`, or the project's privatelink.context.json). @default none */
  readonly facts?: AwsFacts;
}

/** Raised when questions are unanswered and nobody can be asked. */
export class MissingAnswersError extends BlueprintInputError {
  constructor(public readonly questions: readonly Question[]) {
    super(
      questions[0].key,
      `no answer and no terminal to ask in; pass ${questions.map((q) => q.flag).join(", ")} (or --answers <file>, or --yes for the defaults)`,
    );
  }
}

const SOURCES = [
  ["flags", (q: Question) => q.flag],
  ["file", () => "in the answers file"],
  ["recorded", () => "recorded in .privatelink.json"],
] as const;

/**
 * Resolves every answer in one written-down precedence order: flags, then the
 * answers file, then recorded answers, then a prompt (with a TTY) or the
 * default (with --yes). The blueprint is asked first; its binding's questions
 * follow, each checked by its question, which may read the answers before it.
 * An answer given by flag or file that the blueprint does not use is an error,
 * never a silent drop.
 */
export async function resolveAnswers(sources: AnswerSources, options: ResolveOptions): Promise<ResolvedAnswers> {
  const known: Record<string, unknown> = {};
  const used: string[] = [];
  const missing: Question[] = [];
  const resolveOne = async (question: Question) => {
    const found = SOURCES.map(([name, origin]) => ({ raw: sources[name]?.[question.key], origin: origin(question) })).find(
      (s) => s.raw !== undefined, // `null` is an answer ("none"), so presence is tested with `!== undefined`
    );
    try {
      if (found) return question.check(found.raw, known);
      // A record (an answers file, .privatelink.json) leaves out what `omitFromRecord` says: read back as the default.
      if ((sources.file || sources.recorded) && question.omitFromRecord?.(question.defaultValue(known)))
        return question.check(question.defaultValue(known), known);
      const suggested = sources.defaults?.[question.key] ?? question.defaultValue(known);
      if (options.ask) return await options.ask(question, known, suggested);
      if (options.yes) return question.check(suggested, known);
    } catch (error) {
      // An answer nobody gave is the question's default (which may derive from earlier answers): said so, not blamed on its flag.
      if (isInputError(error)) throw withOrigin(error, found?.origin ?? (options.ask ? question.flag : `the default of ${question.flag}`));
      throw error;
    }
    missing.push(question);
    return question.defaultValue(known);
  };

  known.blueprint = await resolveOne(blueprintQuestion);
  used.push(blueprintQuestion.key);
  const entry = findBlueprint(known.blueprint as string);
  for (const question of entry.questions) {
    if (!applies(question, known)) {
      known[question.key] = question.defaultValue(known);
      continue;
    }
    known[question.key] = await resolveOne(question);
    used.push(question.key);
  }
  if (missing.length > 0) throw new MissingAnswersError(missing);
  refuseUnused(sources, entry, used);
  return { entry, answers: known, used, warnings: [...warningsFor(known, used), ...(entry.warnings?.(known) ?? [])] };
}

function applies(question: Question, known: Known): boolean {
  try {
    return question.when?.(known) ?? true;
  } catch (error) {
    if (isInputError(error)) return false;
    throw error;
  }
}

/** Flags and answers-file keys that the blueprint, with these answers, does not use. */
function refuseUnused(sources: AnswerSources, entry: BlueprintEntry, used: readonly string[]): void {
  const ref = `${entry.manifest.name}@${entry.manifest.version}`;
  for (const [name, origin] of SOURCES.slice(0, 2)) {
    for (const key of Object.keys(sources[name] ?? {})) {
      if (used.includes(key)) continue;
      const question = questionOf(key, entry) ?? questionOf(key);
      const label = question ? (name === "flags" ? question.flag : key) : key;
      const problem = entry.questions.some((q) => q.key === key)
        ? "does not apply with the other answers given; remove it, or give the answer it depends on (see --help)"
        : `is not used by ${ref}${versionsAsking(key).length > 0 ? ` (it is asked by ${versionsAsking(key).join(", ")})` : ""}; remove it, or choose a blueprint that uses it`;
      const error = new BlueprintInputError(label, problem);
      throw question ? withOrigin(error, origin(question)) : error;
    }
  }
}

function warningsFor(answers: AnyAnswers, used: readonly string[]): string[] {
  const warnings: string[] = [];
  const providerAccount = (answers.providerRoleArn as string | null | undefined)?.split(":")[4];
  const consumers = (answers.consumerAccounts as readonly string[] | undefined) ?? [];
  if (used.includes("consumerAccounts") && providerAccount && consumers.includes(providerAccount)) {
    warnings.push(
      `consumerAccounts lists ${providerAccount}, the provider's own account (from providerRoleArn): a service does not need to authorize its own account to be reached from it`,
    );
  }
  return warnings;
}
