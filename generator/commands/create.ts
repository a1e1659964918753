import { existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import validateNpmName from "validate-npm-package-name";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { readAnswersFile } from "../answers/file";
import { resolveAnswers } from "../answers/resolve";
import type { ParsedArgs } from "../args";
import type { Output } from "../output";
import { planProject } from "../plan/plan";
import { validateAnswers } from "../plan/validate";
import { askInTerminal } from "../prompts";
import { findSuppressions, PROVENANCE_FILE } from "../provenance";
import { describeChanges } from "../write/diff";
import { changesFor, isEmptyDir, shown } from "../write/target";
import { writeChanges } from "../write/write";
import { installDependencies } from "./install";

/**
 * `create-privatelink [dir]`: parse → answers → plan → write.
 * Each answer comes from its flag, else --answers, else a prompt (TTY) or the
 * default (--yes). Nothing is written before every answer is in and checked.
 */
export async function create(args: ParsedArgs, out: Output): Promise<number> {
  const { options } = args;
  if (args.positionals.length > 1)
    throw new BlueprintInputError(
      "dir",
      `got ${args.positionals.length} directories (${args.positionals.join(", ")}); expected at most one`,
    );

  // 1. Where: the target directory, if given, checked before any question is asked.
  const dirArg = args.positionals[0];
  if (dirArg !== undefined && !options.force && !options["dry-run"] && !isEmptyDir(resolve(dirArg))) {
    throw new BlueprintInputError(
      "dir",
      `${dirArg} is not empty; choose a new or empty directory, or pass --force to write the generated files into it (other files are left alone)`,
    );
  }

  // 2. Answers: flags, then the answers file, then prompts or defaults.
  const interactive =
    !options.yes && !options["no-interactive"] && (options.interactive ?? (process.stdin.isTTY === true && process.stdout.isTTY === true));
  const file = options.answers !== undefined ? readAnswersFile(options.answers) : undefined;
  const defaults = dirArg !== undefined ? { projectName: projectNameFrom(dirArg) } : undefined;
  const resolved = await resolveAnswers(
    { flags: args.flags, file, defaults },
    { yes: options.yes === true, ask: interactive ? askInTerminal : undefined },
  );
  for (const warning of resolved.warnings) out.warn(warning);
  const target = resolve(dirArg ?? resolved.answers.projectName);

  // 3. Check: the blueprint builds its stacks in memory, so its own rules run before anything is planned.
  validateAnswers(resolved);

  // 4. Plan: every file and its content, computed in memory; lint suppressions the owner
  //    wrote into an existing .privatelink.json are kept.
  const existing = existsSync(join(target, PROVENANCE_FILE)) ? findSuppressions(target).suppressions : [];
  const plan = planProject(resolved, existing);
  const changes = changesFor(target, plan.files);

  // 5. Dry run: the plan, and a diff against what is there; nothing written.
  if (options["dry-run"]) {
    out.print(`Dry run: ${plan.files.length} files for ${shown(target)}; nothing written.\n${describeChanges(changes, true)}`);
    return 0;
  }

  // 6. Write: staged, then moved into place; all or nothing.
  writeChanges(target, changes, { force: options.force === true });
  const written = changes.filter((c) => c.change !== "unchanged").length;
  if (options.install) await installDependencies(target, out);

  // 7. Summary: what was written, what to run next, what it costs.
  const cd = shown(target) === "." ? [] : [`cd ${shown(target)}`];
  out.print(
    [
      `Wrote ${written} of ${plan.files.length} files to ${shown(target)} (${resolved.answers.blueprint as string}, ${resolved.answers.region}).`,
      "",
      "Next:",
      ...[...cd, ...(options.install ? [] : ["npm install"]), "npx cdktf synth", "npm test", ...plan.deploy].map((c) => `  ${c}`),
      "",
      "Estimated cost:",
      ...plan.cost.map((line) => `  ${line}`),
    ].join("\n"),
  );
  return 0;
}

/** A valid npm name from a folder name: `My Endpoints` → `my-endpoints`. */
export function projectNameFrom(dir: string): string {
  const name = basename(resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|-+$/g, "");
  return name && validateNpmName(name).validForNewPackages ? name : "privatelink";
}
