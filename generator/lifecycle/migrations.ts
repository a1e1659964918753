/** What a migration sees and returns: the recorded answers, and the project's paths. */
export interface MigrationInput {
  readonly answers: Readonly<Record<string, unknown>>;
  /** Paths of the project's generated files (from its provenance), relative to its root. */
  readonly paths: readonly string[];
}

export interface MigrationOutput {
  /** The answers in the new version's terms (renamed or reshaped inputs). */
  readonly answers: Record<string, unknown>;
  /** Files the new version keeps elsewhere: the user's copy moves with its edits. */
  readonly moves?: Readonly<Record<string, string>>;
}

/**
 * A blueprint version's migration from the version before it. It runs when an
 * upgrade crosses that version, before the three-way merge.
 */
export type Migration = (input: MigrationInput) => MigrationOutput;

/** Applies the migrations of every version after `from` up to `to`, in order. */
export function migrate(
  chain: readonly { version: number; migration?: Migration }[],
  from: number,
  to: number,
  input: MigrationInput,
): { answers: Record<string, unknown>; moves: Record<string, string> } {
  let answers: Record<string, unknown> = { ...input.answers };
  let paths = [...input.paths];
  const moves: Record<string, string> = {};
  for (const step of chain.filter((c) => c.version > from && c.version <= to).sort((a, b) => a.version - b.version)) {
    if (!step.migration) continue;
    const out = step.migration({ answers, paths });
    answers = { ...out.answers };
    for (const [source, target] of Object.entries(out.moves ?? {})) {
      const original = Object.entries(moves).find(([, moved]) => moved === source)?.[0] ?? source;
      moves[original] = target;
      paths = paths.map((p) => (p === source ? target : p));
    }
  }
  return { answers, moves };
}
