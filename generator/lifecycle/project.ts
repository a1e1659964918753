import { existsSync, readFileSync, statSync } from "node:fs";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { type Asker, type ResolvedAnswers, resolveAnswers } from "../answers/resolve";
import { BASE_FILE } from "../base-copy";
import { factsFor } from "../commands/facts-step";
import type { GeneratorPin } from "../plan/generator-pin";
import { planProject } from "../plan/plan";
import { validateAnswers } from "../plan/validate";
import { PROVENANCE_FILE, type Provenance, readProvenance, type Suppression } from "../provenance";
import { type BlueprintEntry, findBlueprint } from "../registry";
import { insideTarget } from "../write/target";

/** A generated project as found on disk. */
export interface Project {
  readonly dir: string;
  readonly provenance: Provenance;
  /** The blueprint version it was generated from. */
  readonly entry: BlueprintEntry;
}

export function loadProject(dir: string): Project {
  const provenance = readProvenance(dir);
  const entry = findBlueprint(String(provenance.answers.blueprint), `${PROVENANCE_FILE}: blueprint`);
  const project = { dir, provenance, entry };
  checkBlueprintMatchesFiles(project);
  return project;
}

/**
 * The recorded blueprint must be the one the recorded files came from: its
 * version folder is among them, and main.ts's header names it. A swapped
 * blueprint would make check report clean and upgrade import files it never
 * writes.
 */
function checkBlueprintMatchesFiles(project: Project): void {
  const { name, version } = project.entry.manifest;
  const recorded = `${name}@${version}`;
  const folder = `blueprints/${name}/v${version}/`;
  if (!Object.keys(project.provenance.files).some((path) => path.startsWith(folder)))
    throw new BlueprintInputError(
      `${PROVENANCE_FILE}: blueprint`,
      `is ${recorded}, but its files (${folder}) are not among the recorded files; the file was edited: restore it from git`,
    );
  const [open, line] = (onDisk(project, "main.ts") ?? "").split(/\r?\n/, 2);
  const header = open === "/**" ? / from blueprint (\S+)\.$/.exec(line ?? "") : null;
  if (header && header[1] !== recorded)
    throw new BlueprintInputError(
      `${PROVENANCE_FILE}: blueprint`,
      `is ${recorded}, but main.ts says it was generated from ${header[1]}; restore .privatelink.json from git`,
    );
}

/** A file of the project, or undefined when it is not there. */
export function onDisk(project: Project, path: string): string | undefined {
  const file = insideTarget(project.dir, path);
  if (!existsSync(file)) return undefined;
  const stat = statSync(file);
  if (!stat.isFile())
    throw new BlueprintInputError(
      "dir",
      `${path} in ${project.dir} is a folder or special file where the project has a file; move it away first`,
    );
  if (stat.size > MAX_PROJECT_FILE_BYTES)
    throw new BlueprintInputError(
      path,
      `is ${stat.size} bytes; a file this project generated is at most ${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MiB (the largest, for a thousand accounts, are a few MiB): move it away, or restore it from git`,
    );
  try {
    return UTF8.decode(readFileSync(file));
  } catch {
    throw new BlueprintInputError(
      path,
      "is not valid UTF-8; the files of a project are text, and check and upgrade never re-encode a byte: restore the file, or convert it to UTF-8, then run again (nothing was written)",
    );
  }
}

/** Strict: bytes that are not UTF-8 are an error, never replaced with U+FFFD. */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The bound on a generated file read back from the project: far above any the generator writes, far below what breaks a read. */
export const MAX_PROJECT_FILE_BYTES = 32 * 1024 * 1024;

export interface Rendered {
  readonly resolved: ResolvedAnswers;
  /** Every generated file but the provenance, by path. */
  readonly files: ReadonlyMap<string, string>;
  /** The provenance file this rendering would write. */
  readonly provenance: string;
  /** The base copy this rendering would write (`.privatelink.base.json`). */
  readonly base: string;
}

/**
 * Renders a blueprint version with recorded answers, the way `create` would:
 * flags first, then the recorded answers, then prompts or defaults for
 * questions the version adds.
 */
export async function render(
  blueprint: string,
  recorded: Readonly<Record<string, unknown>>,
  suppressions: readonly Suppression[],
  options: {
    flags?: Readonly<Record<string, unknown>>;
    yes: boolean;
    ask?: Asker;
    projectDir?: string;
    lookup?: boolean;
    /** How package.json pins the generator. @default "registry" */
    pin?: GeneratorPin;
  },
): Promise<Rendered> {
  const answered = await resolveAnswers({ flags: { ...options.flags, blueprint }, recorded }, { yes: options.yes, ask: options.ask });
  // The project's recorded AWS answers (privatelink.context.json), so that a re-render places endpoints as before;
  // with `lookup`, AWS is asked again.
  const resolved = options.projectDir ? await factsFor(answered, options.projectDir, options.lookup === true) : answered;
  validateAnswers(resolved);
  return planRendered(resolved, suppressions, options.pin);
}

/** The files of answers already resolved and checked: `render` without asking again (an upgrade adding its moves). */
export function planRendered(
  resolved: ResolvedAnswers,
  suppressions: readonly Suppression[],
  pin?: GeneratorPin,
  mainTs?: (content: string) => string,
): Rendered {
  const plan = planProject(resolved, suppressions, pin, mainTs);
  const meta = (path: string) => plan.files.find((f) => f.path === path)!.content;
  const files = new Map(plan.files.filter((f) => f.path !== PROVENANCE_FILE && f.path !== BASE_FILE).map((f) => [f.path, f.content]));
  return { resolved, files, provenance: meta(PROVENANCE_FILE), base: meta(BASE_FILE) };
}
