import { type ParseArgsConfig, parseArgs } from "node:util";
import { BlueprintInputError } from "../blueprints/lib/errors";
import { closest } from "../blueprints/lib/suggest";
import { clip } from "../blueprints/lib/validate";
import { allQuestions } from "./answers/catalog";

/** The commands; anything else in the first position is the target directory. */
export const COMMANDS = ["blueprints", "services", "check", "upgrade", "lint", "eject", "help"] as const;
export type Command = (typeof COMMANDS)[number] | "create";

/** Options that steer a run rather than answer a question. */
const RUN_OPTIONS = {
  answers: { type: "string", valueName: "file.json", help: "answers file (the same schema as a project's .privatelink.json)" },
  yes: { type: "boolean", short: "y", help: "use the default for every question not answered by a flag or --answers" },
  "dry-run": { type: "boolean", help: "print the file plan, with a diff against existing files, and write nothing" },
  force: { type: "boolean", help: "write into a non-empty directory, replacing generated files that differ (other files are kept)" },
  interactive: { type: "boolean", help: "ask questions even without a TTY" },
  "no-interactive": { type: "boolean", help: "never ask; unanswered questions are an error unless --yes" },
  install: { type: "boolean", help: "run npm install in the new project" },
  "generator-pin": {
    type: "string",
    valueName: "registry|tarball",
    help: "create, upgrade: how the project pins this generator: its npm version, or a tarball packed into the project (default: registry when installed from npm, tarball from a checkout; upgrade keeps a tarball of its own version)",
  },
  lookup: {
    type: "boolean",
    help: "ask AWS (EC2 DescribeAvailabilityZones, DescribeVpcEndpointServices) which zones offer each service; recorded in privatelink.context.json",
  },
  json: { type: "boolean", help: "check, lint: print the report as JSON" },
  synth: { type: "boolean", help: "check: run the project's main.ts to compare committed cdktf.out with a fresh synth" },
  strict: { type: "boolean", help: "check: fail on your edits of main.ts and README.md too (reported, not a failure, without it)" },
  rules: { type: "boolean", help: "lint: describe every rule (why, how to fix) and exit" },
  to: { type: "string", valueName: "name@version", help: "upgrade: the blueprint version to upgrade to (default: the newest)" },
  "allow-dirty": { type: "boolean", help: "upgrade: run even with uncommitted changes in git" },
  help: { type: "boolean", short: "h", help: "show this help" },
  version: { type: "boolean", short: "v", help: "print the version" },
} as const;

export type RunOptionName = keyof typeof RUN_OPTIONS;

/** Which run options each command takes (answer flags go with create and upgrade); others are errors. */
const COMMAND_OPTIONS: Record<Command, readonly RunOptionName[]> = {
  create: ["answers", "yes", "dry-run", "force", "interactive", "no-interactive", "install", "lookup", "generator-pin"],
  upgrade: ["answers", "yes", "dry-run", "interactive", "no-interactive", "to", "allow-dirty", "lookup", "generator-pin"],
  check: ["json", "synth", "strict"],
  lint: ["json", "rules"],
  eject: ["force", "dry-run"],
  blueprints: [],
  services: [],
  help: [],
};
const TAKES_ANSWERS: readonly Command[] = ["create", "upgrade"];

/** How many positional arguments each command takes (a directory or a path); more is an error, not ignored. */
const MAX_POSITIONALS: Record<Command, number> = {
  create: 1,
  upgrade: 1,
  check: 1,
  lint: 1,
  eject: 1,
  blueprints: 0,
  services: 0,
  help: 0,
};

export interface ParsedArgs {
  readonly command: Command;
  /** Positional arguments after the command (or the target directory for create). */
  readonly positionals: readonly string[];
  /** Answers given as flags, as text, keyed by answer. */
  readonly flags: Readonly<Record<string, unknown>>;
  readonly options: { readonly [K in RunOptionName]?: (typeof RUN_OPTIONS)[K]["type"] extends "boolean" ? boolean : string };
}

/** Every option with its help line, for `--help`. */
export function optionHelp(): { flag: string; help: string }[] {
  const run = Object.entries(RUN_OPTIONS).map(([name, o]) => ({
    flag: `${"short" in o ? `-${o.short}, ` : ""}--${name}${"valueName" in o ? ` <${o.valueName}>` : ""}`,
    help: o.help,
  }));
  const answers = allQuestions().map((q) => ({
    flag: `--${q.flag.slice(2)} <${q.valueName}>`,
    help: `${q.message}${q.repeatable ? " (repeatable)" : ""}`,
  }));
  return [...answers, ...run];
}

/** Parses the command line with node's own parser; unknown flags are errors that name them. */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  const options: NonNullable<ParseArgsConfig["options"]> = {};
  for (const [name, o] of Object.entries(RUN_OPTIONS)) options[name] = { type: o.type, ...("short" in o ? { short: o.short } : {}) };
  const questions = allQuestions();
  for (const q of questions) options[q.flag.slice(2)] = { type: "string", multiple: q.repeatable === true };
  let parsed: ReturnType<typeof parseArgs> & { tokens?: { kind: string; name?: string; rawName?: string }[] };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw usageError(error as Error & { code?: string }, Object.keys(options));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option" || !token.name) continue;
    if (seen.has(token.name) && !options[token.name].multiple)
      throw new BlueprintInputError(`--${token.name}`, "is given twice; expected it once");
    seen.add(token.name);
  }
  const values = parsed.values as Record<string, unknown>;
  const flags: Record<string, unknown> = {};
  for (const q of questions) {
    const value = values[q.flag.slice(2)];
    if (value !== undefined) flags[q.key] = value;
  }
  const run = Object.fromEntries(
    Object.keys(RUN_OPTIONS)
      .filter((k) => values[k] !== undefined)
      .map((k) => [k, values[k]]),
  );
  const [first, ...rest] = parsed.positionals;
  const isCommand = (COMMANDS as readonly string[]).includes(first ?? "");
  const command: Command = isCommand ? (first as Command) : "create";
  const positionals = isCommand ? rest : parsed.positionals;
  if (!run.help && !run.version) {
    for (const name of Object.keys(run)) {
      if (!(COMMAND_OPTIONS[command] as readonly string[]).includes(name))
        throw new BlueprintInputError(`--${name}`, `does not apply to ${command}; see --help`);
    }
    const answerFlag = Object.keys(flags)[0];
    const allowed = TAKES_ANSWERS.includes(command) || (command === "services" && Object.keys(flags).every((k) => k === "region"));
    if (answerFlag && !allowed)
      throw new BlueprintInputError(questions.find((q) => q.key === answerFlag)!.flag, `does not apply to ${command}; see --help`);
  }
  if (!run.help && !run.version && positionals.length > MAX_POSITIONALS[command]) {
    const extra = positionals.slice(MAX_POSITIONALS[command]).map((p) => clip(p, 40));
    throw new BlueprintInputError(
      "arguments",
      `${command} takes ${MAX_POSITIONALS[command] === 0 ? "no arguments" : "at most one path"}, but got ${extra.join(" ")} as well; see --help`,
    );
  }
  positionals.forEach((p, i) => {
    if (p.trim() === "") throw new BlueprintInputError(i === 0 ? "dir" : "arguments", "is empty; expected a directory name");
  });
  return { command, positionals, flags, options: run as ParsedArgs["options"] };
}

function usageError(error: Error & { code?: string }, known: string[]): BlueprintInputError {
  const option = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  const name = option.replace(/^-+/, "").split("=")[0];
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const near = closest(name, known);
    return new BlueprintInputError(
      clip(option || name, 40),
      `is not an option${near.length > 0 ? ` (did you mean ${near.map((n) => `--${n}`).join(", ")}?)` : ""}; see --help`,
    );
  }
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return new BlueprintInputError(clip(option || "option", 40), `${clip(error.message.split(".")[0], 120)}; see --help`);
  }
  return new BlueprintInputError("arguments", `${clip(error.message, 160)}; see --help`);
}
