import { BlueprintInputError, isInputError } from "../../blueprints/lib/errors";
import { findBlueprint } from "../registry";
import { type Known, QUESTIONS, type Question } from "./questions";
import type { AnswerKey, Answers } from "./types";

/** Raw answers by source, before checking. */
export interface AnswerSources {
  /** From command-line flags (text). */
  readonly flags?: Partial<Record<AnswerKey, unknown>>;
  /** From `--answers <file>` (JSON). */
  readonly file?: Partial<Record<AnswerKey, unknown>>;
  /** Recorded in `.privatelink.json` by an earlier run (upgrade, regenerate). */
  readonly recorded?: Partial<Record<AnswerKey, unknown>>;
  /** Defaults that depend on the run (e.g. the project name from the target folder). */
  readonly defaults?: Partial<Record<AnswerKey, unknown>>;
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
  /** Every answer; those the blueprint does not use hold their defaults. */
  readonly answers: Answers;
  /** The answers that apply to the chosen blueprint, in question order. */
  readonly used: readonly AnswerKey[];
  /** Things worth saying that are not errors. */
  readonly warnings: readonly string[];
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

/**
 * Resolves every answer in one written-down precedence order: flags, then the
 * answers file, then recorded answers, then a prompt (with a TTY) or the
 * default (with --yes). Each answer is checked by its question, which may read
 * the answers before it.
 */
export async function resolveAnswers(sources: AnswerSources, options: ResolveOptions): Promise<ResolvedAnswers> {
  const known: Record<string, unknown> = {};
  const used: AnswerKey[] = [];
  const missing: Question[] = [];
  let inputs: readonly string[] = [];
  for (const question of QUESTIONS) {
    if (question.key !== "blueprint" && !applies(question, known as Known, inputs)) {
      known[question.key] = question.defaultValue(known as Known);
      continue;
    }
    // `null` is an answer ("none"), so presence is tested with `!== undefined`, not `??`.
    const raw = [sources.flags, sources.file, sources.recorded].map((source) => source?.[question.key]).find((v) => v !== undefined);
    let value: unknown;
    if (raw !== undefined) {
      value = question.check(raw, known as Known);
    } else if (options.ask) {
      value = await options.ask(question, known as Known, sources.defaults?.[question.key] ?? question.defaultValue(known as Known));
    } else if (options.yes) {
      value = question.check(sources.defaults?.[question.key] ?? question.defaultValue(known as Known), known as Known);
    } else {
      missing.push(question);
      value = question.defaultValue(known as Known);
    }
    known[question.key] = value;
    used.push(question.key);
    if (question.key === "blueprint") inputs = findBlueprint(value as string).manifest.inputs;
  }
  if (missing.length > 0) throw new MissingAnswersError(missing);
  const answers = known as unknown as Answers;
  return { answers, used, warnings: warningsFor(answers, used) };
}

function applies(question: Question, known: Known, inputs: readonly string[]): boolean {
  if (question.input !== null && !inputs.includes(question.input)) return false;
  try {
    return question.when?.(known) ?? true;
  } catch (error) {
    if (isInputError(error)) return false;
    throw error;
  }
}

function warningsFor(answers: Answers, used: readonly AnswerKey[]): string[] {
  const warnings: string[] = [];
  const providerAccount = answers.providerRoleArn?.split(":")[4];
  if (used.includes("consumerAccounts") && providerAccount && answers.consumerAccounts.includes(providerAccount)) {
    warnings.push(
      `consumerAccounts lists ${providerAccount}, the provider's own account (from providerRoleArn): a service does not need to authorize its own account to be reached from it`,
    );
  }
  return warnings;
}
