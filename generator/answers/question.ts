/**
 * What a question is. Every blueprint binding lists its own questions, built
 * from the shared library (`common-questions.ts`) and its own; the lists drive
 * the prompts, the flags, `--help` and the answers-file schema alike, so they
 * cannot disagree.
 */

/** Answers known so far, in question order: later questions may read earlier ones. */
export interface Known {
  readonly [key: string]: unknown;
  readonly blueprint?: string;
  readonly projectName?: string;
  readonly region?: string;
  readonly vpc?: "new" | "existing";
}

/** How a question is asked in a terminal. */
export type PromptKind = "input" | "select" | "checkbox" | "services";

/** A choice of a select or checkbox prompt. */
export interface Choice {
  readonly value: string;
  readonly name: string;
  readonly description?: string;
}

/** One question: its flag, its default, how its text is parsed and checked, and when it applies. */
export interface Question<T = unknown> {
  /** The answer's key in answers files and `.privatelink.json`. */
  readonly key: string;
  /** The command-line flag, e.g. `--consumer-accounts`. */
  readonly flag: string;
  /** Placeholder of the flag's value in `--help`. */
  readonly valueName: string;
  /** The question as a prompt asks it, and as `--help` describes the flag. */
  readonly message: string;
  readonly prompt: PromptKind;
  /** Flag given several times accumulates (e.g. `--tag`). @default false */
  readonly repeatable?: boolean;
  /** Whether it applies, given earlier answers. @default always */
  readonly when?: (known: Known) => boolean;
  /** Its default, given earlier answers. */
  readonly defaultValue: (known: Known) => T;
  /**
   * Parses flag text or JSON into the answer and checks it, by calling the
   * rule in `blueprints/lib` that the construct calls too; throws a
   * BlueprintInputError naming the answer.
   */
  readonly check: (value: unknown, known: Known) => T;
  /** Said after the message in a prompt, given earlier answers (an example for the region). @default none */
  readonly hint?: (known: Known) => string;
  /** Choices for select and checkbox prompts. @default none */
  readonly choices?: (known: Known) => readonly Choice[];
  /**
   * Answers left out of `.privatelink.json` (read back as the default): a question added to a released version
   * records nothing at the value that changes nothing, so that its projects keep their files byte for byte.
   * @default every answer is recorded
   */
  readonly omitFromRecord?: (value: unknown) => boolean;
}

/** Declares a question with its value type checked against its default and check. */
export function q<T>(question: Question<T>): Question<T> {
  return question;
}

/** The region answered so far (every list asks it before any question that reads it). */
export function regionOf(known: Known): string {
  return known.region ?? "us-east-1";
}
