import { existsSync, readdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import validateNpmName from "validate-npm-package-name";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { advisoriesForProject } from "../advisories";
import { readAnswersFile } from "../answers/file";
import { resolveAnswers } from "../answers/resolve";
import { COMMANDS, type ParsedArgs } from "../args";
import type { BlueprintEntry } from "../bindings/blueprint";
import type { Output } from "../output";
import { PACKAGE_ROOT } from "../paths";
import { checkTarballPath, createPin, packInto, tarballName } from "../plan/generator-pin";
import { planProject } from "../plan/plan";
import { validateAnswers } from "../plan/validate";
import { askInTerminal } from "../prompts";
import { findSuppressions, PROVENANCE_FILE, type Suppression } from "../provenance";
import { latestVersion } from "../registry";
import { pendingSignal, setPhase, whileWriting } from "../signals";
import { describeChanges } from "../write/diff";
import { recoverInterrupted } from "../write/journal";
import { lockTarget, refuseIfLocked } from "../write/lock";
import { changesFor, checkTargetDir, STAGING_PREFIX, shown } from "../write/target";
import { writeChanges } from "../write/write";
import { factsFor } from "./facts-step";
import { installDependencies } from "./install";
import { commandTypo, generatedHashes, shellQuote } from "./target-dir";

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
  const typo = dirArg === undefined ? undefined : commandTypo(dirArg, COMMANDS);
  if (typo !== undefined)
    throw new BlueprintInputError(
      "dir",
      `${dirArg} is not a command; did you mean \`${typo}\`? To create a project in a folder named ${dirArg}, pass ./${dirArg}`,
    );
  if (dirArg !== undefined) checkTargetDir(resolve(dirArg), options.force === true || options["dry-run"] === true);
  const pin = createPin(options["generator-pin"]);

  // 2. Answers: flags, then the answers file, then prompts or defaults.
  const interactive =
    !options.yes && !options["no-interactive"] && (options.interactive ?? (process.stdin.isTTY === true && process.stdout.isTTY === true));
  const file = options.answers !== undefined ? readAnswersFile(options.answers) : undefined;
  const defaults = dirArg !== undefined ? { projectName: projectNameFrom(dirArg) } : undefined;
  const answered = await resolveAnswers(
    { flags: args.flags, file, defaults },
    { yes: options.yes === true, ask: interactive ? askInTerminal : undefined },
  );
  for (const warning of answered.warnings) out.warn(warning);
  for (const warning of defectWarnings(answered.entry, answered.answers)) out.warn(warning);
  const target = resolve(dirArg ?? (answered.answers.projectName as string));

  // 2b. AWS facts: asked with --lookup, else those the target already records (the same files again).
  const resolved = await factsFor(answered, target, options.lookup === true);
  for (const warning of resolved.warnings.slice(answered.warnings.length)) out.warn(warning);

  // 3. Check: the blueprint builds its stacks in memory, so its own rules run before anything is planned.
  validateAnswers(resolved);

  // 4. Dry run: the plan, and a diff against what is there, after the writer's own checks; nothing written.
  if (options["dry-run"]) {
    checkTargetDir(target, true);
    refuseIfLocked(target);
    if (pin === "tarball") checkTarballPath(target);
    const plan = planProject(resolved, ownSuppressions(target), pin);
    const changes = changesFor(target, plan.files);
    if (pin === "tarball") out.warn(`${tarballName()} would be packed into the project from ${PACKAGE_ROOT} (--generator-pin)`);
    if (existsSync(target) && readdirSync(target).some((n) => n.startsWith(STAGING_PREFIX)))
      out.warn(`an interrupted run left a staging folder in ${shown(target)}; the next run rolls it back first`);
    out.print(`Dry run: ${plan.files.length} files for ${shown(target)}; nothing written.\n${describeChanges(changes, true)}`);
    return 0;
  }

  // 5. Lock the target for the rest of the run, and undo what an interrupted run left there.
  const lock = lockTarget(target);
  try {
    for (const message of recoverInterrupted(target)) out.warn(message);
    checkTargetDir(target, options.force === true);
    if (pin === "tarball") checkTarballPath(target);

    // 6. Plan: every file and its content, computed in memory; lint suppressions the owner
    //    wrote into an existing .privatelink.json are kept.
    const plan = planProject(resolved, ownSuppressions(target), pin);
    const changes = changesFor(target, plan.files);

    // 7. Write: staged, journaled, then moved into place; all or nothing, even on Ctrl-C.
    const result = await whileWriting(() =>
      writeChanges(target, changes, { force: options.force === true, interrupted: pendingSignal, generated: generatedHashes(target) }),
    );
    // 7b. The generator itself, packed into the project when package.json pins it as a tarball.
    const packed = pin === "tarball" && packInto(target);
    const written = changes.filter((c) => c.change !== "unchanged").length;
    const replaced = changes.filter((c) => c.change === "overwrite").map((c) => c.file.path);
    lock.release();
    let installed = false;
    if (options.install) {
      setPhase("installing");
      installed = await installDependencies(target, out);
      setPhase("written");
    }

    // 8. Summary: what was written and replaced, what to run next, what it costs.
    const cd = shown(target) === "." ? [] : [`cd ${shellQuote(shown(target))}`];
    const backups = result.backupDir
      ? [`Kept a copy of each of your ${result.backedUp.length} file(s) it replaced in ${join(shown(target), result.backupDir)}/.`]
      : [];
    out.print(
      [
        `Wrote ${written} of ${plan.files.length} files to ${shown(target)} (${resolved.answers.blueprint as string}, ${resolved.answers.region}).`,
        ...(replaced.length > 0 ? [`Replaced ${replaced.length} existing file(s): ${replaced.join(", ")}.`, ...backups] : []),
        ...(pin === "tarball"
          ? [
              `${packed ? "Packed" : "Kept"} ${tarballName()}: this generator, which package.json pins (file:), as it is not installed from npm; commit it with the project.`,
            ]
          : []),
        "",
        "Next:",
        ...[...cd, ...(installed ? [] : ["npm install"]), "npm run synth", "npm test", ...plan.deploy].map((c) => `  ${c}`),
        "",
        "Estimated cost:",
        ...plan.cost.map((line) => `  ${line}`),
        ...(plan.comparison.length > 0 ? ["", "Side by side:", ...plan.comparison.map((line) => `  ${line}`)] : []),
      ].join("\n"),
    );
    return 0;
  } finally {
    lock.release();
  }
}

/** A version with known defects that these answers have (advisories) is generated on purpose, never unawares. */
function defectWarnings(entry: BlueprintEntry, answers: Readonly<Record<string, unknown>>): string[] {
  const { name, version } = entry.manifest;
  const defects = advisoriesForProject(name, version, answers);
  if (defects.length === 0) return [];
  const latest = latestVersion(name).manifest;
  return [
    `${name}@${version} has ${defects.length} known defect(s) with these answers (${defects.map((a) => a.id).join(", ")}; create-privatelink check lists them); ${name}@${latest.version} fixes them`,
  ];
}

/** The suppressions in the target's own .privatelink.json, when it is a project's record; never a parent folder's. */
function ownSuppressions(target: string): Suppression[] {
  if (!existsSync(join(target, PROVENANCE_FILE))) return [];
  const found = findSuppressions(target);
  return found.file === join(resolve(target), PROVENANCE_FILE) ? found.suppressions : [];
}

/** A valid npm name from a folder name: `My Endpoints` → `my-endpoints`. */
export function projectNameFrom(dir: string): string {
  // Letters with accents keep their letter (ü → u); other scripts drop out, and too little left means the default.
  const name = basename(resolve(dir))
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|-+$/g, "");
  return name.length >= 2 && validateNpmName(name).validForNewPackages ? name : "privatelink";
}
