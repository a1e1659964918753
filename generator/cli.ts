#!/usr/bin/env node
import { BlueprintInputError, isInputError } from "../blueprints/lib/errors";
import { inputErrorText } from "./answers/flags";
import { type ParsedArgs, parseCommandLine } from "./args";
import { create } from "./commands/create";
import { ejectCommand } from "./commands/eject";
import { checkCommand, upgradeCommand } from "./commands/lifecycle";
import { lintCommand } from "./commands/lint";
import { listBlueprints, listServices } from "./commands/list";
import { helpText } from "./help";
import { consoleOutput, type Output, safeForTerminal } from "./output";
import { packageJson } from "./paths";
import { exitCodeFor, handleSignals, Interrupted } from "./signals";

/** Runs one command and returns its exit code; user errors are thrown as BlueprintInputError. */
export async function run(argv: readonly string[], out: Output = consoleOutput): Promise<number> {
  const args: ParsedArgs = parseCommandLine(argv);
  const version = packageJson().version;
  if (args.options.version) {
    out.print(version);
    return 0;
  }
  if (args.options.help || args.command === "help") {
    out.print(helpText(version));
    return 0;
  }
  switch (args.command) {
    case "blueprints":
      out.print(listBlueprints());
      return 0;
    case "services":
      out.print(listServices((args.flags.region as string | undefined) ?? "us-east-1"));
      return 0;
    case "create":
      return create(args, out);
    case "lint":
      return lintCommand(args, out);
    case "check":
      return checkCommand(args, out);
    case "upgrade":
      return upgradeCommand(args, out);
    case "eject":
      return ejectCommand(args, out);
    default:
      throw new BlueprintInputError("command", `${args.command} is not available in this version; see --help`);
  }
}

/** The process: exit 2 for bad input, 128 + the signal when interrupted (130 for Ctrl-C), a stack trace only for bugs. */
export function main(): void {
  // lint writes nothing and runs one synchronous pass, during which a handler could not run:
  // it keeps the default, so Ctrl-C stops it at once (130 in the shell), whatever its input's size.
  if (process.argv[2] !== "lint") handleSignals();
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (isInputError(error)) {
        process.stderr.write(`create-privatelink: ${safeForTerminal(inputErrorText(error))}\n`);
        process.exitCode = 2;
      } else if (error instanceof Interrupted) {
        process.stderr.write(`\n${error.message}\n`);
        process.exitCode = exitCodeFor(error.signal);
      } else if (error instanceof Error && error.name === "ExitPromptError") {
        process.stderr.write("\nCancelled: nothing was written.\n");
        process.exitCode = 130;
      } else {
        process.stderr.write(
          `create-privatelink: internal error (a bug; please report it with this trace):\n${error instanceof Error ? error.stack : String(error)}\n`,
        );
        process.exitCode = 1;
      }
    },
  );
}

if (require.main === module) main();
