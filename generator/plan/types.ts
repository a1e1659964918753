/** A file of a generated project, as the plan holds it before anything is written. */
export interface PlannedFile {
  /** POSIX path relative to the project root. */
  readonly path: string;
  /** Full content, LF line endings. */
  readonly content: string;
}
