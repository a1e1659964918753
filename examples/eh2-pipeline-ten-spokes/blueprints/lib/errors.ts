/**
 * A user-facing input error: the message names the field (a prop or an answer),
 * says what is wrong and what is expected. The CLI prints it without a stack
 * trace and exits 2; anything else that is thrown is a bug.
 */
export class BlueprintInputError extends Error {
  /** The prop or answer at fault, e.g. `interfaceServices[2]`. */
  public readonly field: string;

  constructor(field: string, problem: string) {
    super(`\`${field}\`: ${problem}`);
    this.name = "BlueprintInputError";
    this.field = field;
  }
}

/** True for errors that should reach the user as a message, not a stack trace. */
export function isInputError(error: unknown): error is BlueprintInputError {
  return error instanceof BlueprintInputError;
}
