import type { BlueprintManifest } from "../../blueprints/lib/manifest";
import type { Question } from "../answers/question";
import type { AnyAnswers } from "../answers/types";
import type { ProjectDescription } from "../describe";
import type { Migration } from "../lifecycle/migrations";
import type { AwsFacts } from "../lookup/facts";
import type { VpcToCheck } from "../lookup/vpc-checks";
import type { StackSpec } from "../stack-spec";

/** A released blueprint version, as its binding declares it, over its own answers type `A`. */
export interface BlueprintSpec<A> {
  readonly manifest: BlueprintManifest;
  /** The version's folders (its own and those it builds on), relative to this repository's root and to a generated project's. */
  readonly dirs: readonly string[];
  /** Loads the version's module (its stack classes). */
  readonly load: () => Record<string, unknown>;
  /** The questions after `blueprint`, in the order they are asked. */
  readonly questions: readonly Question[];
  /**
   * Which answer sets each prop of the stacks, by prop path (`vpc.routeTableIds`,
   * `listener.port`): a blueprint error on a prop is reported with that answer's flag.
   */
  readonly propAnswers: Readonly<Record<string, string>>;
  /** The stacks a project with these answers has; `facts` are AWS's answers recorded by `--lookup`, if any. */
  readonly stacks: (answers: A, facts?: AwsFacts) => StackSpec[];
  /**
   * The endpoint service names `--lookup` asks AWS about. A version without it
   * does not use AWS lookups, and `--lookup` with it is an error. @default none
   */
  readonly lookupServices?: (answers: A) => string[];
  /**
   * Existing VPCs `--lookup` checks (DNS attributes, private-DNS endpoints of their own), refusing what
   * would fail at apply; only with `lookupServices`. @default none
   */
  readonly lookupVpcs?: (answers: A) => VpcToCheck[];
  /** What the README and the closing summary say about a project. */
  readonly describe: (answers: A) => ProjectDescription;
  /** Answers that are valid but likely not what was meant, as warnings the run prints. @default none */
  readonly warnings?: (answers: A) => string[];
  /** Runs when an upgrade crosses into this version from the one before. @default none */
  readonly migration?: Migration;
}

/** A released blueprint version, as the generic generator sees it. */
export type BlueprintEntry = BlueprintSpec<AnyAnswers>;

/**
 * Declares a blueprint version. Its answers are checked by its own questions
 * before `stacks` or `describe` ever see them, which is what makes the cast safe.
 */
export function defineBlueprint<A>(spec: BlueprintSpec<A>): BlueprintEntry {
  return spec as unknown as BlueprintEntry;
}
