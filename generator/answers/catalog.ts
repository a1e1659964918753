import { BLUEPRINTS, type BlueprintEntry, refOf } from "../registry";
import { blueprintQuestion } from "./blueprint-question";
import type { Question } from "./question";

/**
 * Every question any blueprint asks, once per answer key, in first-asked
 * order: the flags the command line accepts, the keys an answers file may
 * hold and the options `--help` lists. A key means the same answer, with the
 * same flag, in every blueprint that asks it (a test holds them to that).
 */
export function allQuestions(): readonly Question[] {
  const byKey = new Map<string, Question>([[blueprintQuestion.key, blueprintQuestion]]);
  for (const entry of BLUEPRINTS) for (const question of entry.questions) if (!byKey.has(question.key)) byKey.set(question.key, question);
  return [...byKey.values()];
}

/** The question of an answer key, in any blueprint; undefined for a key no blueprint asks. */
export function questionOf(key: string, entry?: BlueprintEntry): Question | undefined {
  if (key === blueprintQuestion.key) return blueprintQuestion;
  return (entry?.questions ?? allQuestions()).find((question) => question.key === key);
}

/** The blueprint versions that ask for an answer. */
export function versionsAsking(key: string): string[] {
  return BLUEPRINTS.filter((entry) => entry.questions.some((question) => question.key === key)).map(refOf);
}
