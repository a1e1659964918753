import { resolve } from "node:path";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { readAnswersFile } from "../answers/file";
import type { Asker } from "../answers/resolve";
import type { ParsedArgs } from "../args";
import { checkProject, findings, formatCheck, hasFindings, ownerEdits } from "../lifecycle/check";
import { planUpgrade } from "../lifecycle/upgrade";
import type { Output } from "../output";
import { packInto, tarballName } from "../plan/generator-pin";
import { askInTerminal, askZoneIdInTerminal } from "../prompts";
import { pendingSignal, whileWriting } from "../signals";
import { describeRecords, diffs } from "../write/diff";
import { recoverInterrupted } from "../write/journal";
import { lockTarget, refuseIfLocked } from "../write/lock";
import { shown } from "../write/target";
import { writeChanges } from "../write/write";

function projectDir(args: ParsedArgs): string {
  if (args.positionals.length > 1)
    throw new BlueprintInputError("dir", `got ${args.positionals.length} directories; expected at most one project`);
  return resolve(args.positionals[0] ?? ".");
}

/**
 * `create-privatelink check [dir] [--json] [--synth] [--strict]`: exit 0 clean (or only
 * the owner's edits of main.ts and the README, unless --strict), 1 findings, 2 error.
 */
export function checkCommand(args: ParsedArgs, out: Output): number {
  const report = checkProject(projectDir(args), { synth: args.options.synth === true });
  const strict = args.options.strict === true;
  out.print(
    args.options.json
      ? JSON.stringify(
          { ...report, project: shown(report.project), yours: ownerEdits(report), findings: findings(report, strict) },
          null,
          2,
        )
      : formatCheck({ ...report, project: shown(report.project) }, strict),
  );
  return hasFindings(report, strict) ? 1 : 0;
}

/**
 * `create-privatelink upgrade [dir] [--to name@version] [--dry-run] [--allow-dirty]`:
 * a three-way merge; exit 1 when conflicts were written, to be resolved by hand.
 */
export async function upgradeCommand(args: ParsedArgs, out: Output): Promise<number> {
  const dir = projectDir(args);
  if (args.options["dry-run"]) {
    refuseIfLocked(dir);
    return upgradeLocked(args, out, dir);
  }
  // The project is locked for the whole run; what an interrupted run left is undone before it is read.
  const lock = lockTarget(dir);
  try {
    for (const message of recoverInterrupted(dir)) out.warn(message);
    return await upgradeLocked(args, out, dir);
  } finally {
    lock.release();
  }
}

async function upgradeLocked(args: ParsedArgs, out: Output, dir: string): Promise<number> {
  const interactive =
    !args.options.yes &&
    !args.options["no-interactive"] &&
    (args.options.interactive ?? (process.stdin.isTTY === true && process.stdout.isTTY === true));
  const dryRun = args.options["dry-run"] === true;
  // A dry run with nobody to ask takes the defaults, and says which questions the upgrade will ask.
  const wouldAsk: string[] = [];
  const answerForDryRun: Asker = async (question, known, suggested) => {
    wouldAsk.push(`  ${question.flag} (${question.message}); the dry run took ${JSON.stringify(suggested)}`);
    return question.check(suggested, known);
  };
  // Zone IDs for recorded zone names (an upgrade from a zone-name version): asked in a terminal; a dry run
  // with nobody to ask takes the region's zone IDs in order and says so.
  let zoneIndex = 0;
  const askZoneId = interactive
    ? askZoneIdInTerminal
    : async (name: string, _region: string, ids: readonly string[]) => {
        const id = ids[zoneIndex++ % ids.length]!;
        wouldAsk.push(`  the zone ID of ${name} in your account (or --lookup); the dry run took ${JSON.stringify(id)}`);
        return id;
      };
  const plan = await planUpgrade(dir, {
    to: args.options.to,
    file: args.options.answers !== undefined ? readAnswersFile(args.options.answers) : undefined,
    allowDirty: args.options["allow-dirty"] === true,
    dryRun,
    flags: args.flags,
    yes: args.options.yes === true,
    ask: interactive ? askInTerminal : dryRun && args.options.yes !== true ? answerForDryRun : undefined,
    lookup: args.options.lookup === true,
    askZoneId,
    generatorPin: args.options["generator-pin"],
  });
  for (const warning of plan.warnings) out.warn(warning);
  const summary = plan.outcomes.filter((o) => o.outcome !== "unchanged").map((o) => `  ${o.outcome.padEnd(25)} ${o.path}`);
  if (dryRun) {
    out.print(
      [
        `Dry run: upgrade ${shown(dir)} from ${plan.from} to ${plan.to}; nothing written.`,
        ...(wouldAsk.length > 0
          ? ["The upgrade will ask (here, with no terminal, the dry run took the defaults; pass these flags to choose):", ...wouldAsk, ""]
          : []),
        ...summary,
        ...plan.notes.map((note) => `Note: ${note}.`),
        ...describeRecords(plan.changes),
        ...diffs(plan.changes, { deletions: false }),
      ].join("\n"),
    );
    return plan.conflicts.length > 0 ? 1 : 0;
  }
  await whileWriting(() => writeChanges(dir, plan.changes, { force: true, interrupted: pendingSignal }));
  const packed = plan.pin === "tarball" && packInto(dir);
  const lines = [
    `Upgraded ${shown(dir)} from ${plan.from} to ${plan.to}: ${plan.changes.length} file(s) written or removed.`,
    ...summary,
    ...plan.notes.map((note) => `Note: ${note}.`),
    ...(packed ? [`  ${"packed".padEnd(25)} ${tarballName()} (package.json pins it: this generator is not installed from npm)`] : []),
  ];
  if (plan.conflicts.length > 0) {
    lines.push(
      "",
      `${plan.conflicts.length} file(s) have conflicts, marked <<<<<<< yours / ||||||| ${plan.from} / ======= / >>>>>>> ${plan.to}:`,
      ...plan.conflicts.map((c) => `  ${c}`),
      "Resolve them, then run npm test.",
    );
  } else {
    lines.push("", "Next: review with git diff, then npm test.");
  }
  out.print(lines.join("\n"));
  return plan.conflicts.length > 0 ? 1 : 0;
}
