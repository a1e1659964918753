import { BlueprintInputError } from "../blueprints/lib/errors";
import type { LintSuppression } from "../blueprints/lib/lint";
import { PERIMETER_RULES } from "../blueprints/lib/lint/rules-perimeter";
import { byCodePoint } from "../blueprints/lib/order";
import { ADVISORIES, type Advisory, type Answers } from "./advisory-table";

export { ADVISORIES, type Advisory } from "./advisory-table";

/** The advisories of `blueprint@version`, in ID order. */
export function advisoriesFor(blueprint: string, version: number, table: readonly Advisory[] = ADVISORIES): Advisory[] {
  return table.filter((a) => a.blueprint === blueprint && a.versions.includes(version)).sort((a, b) => byCodePoint(a.id, b.id));
}

/**
 * Whether `blueprint@version` has a known defect in its endpoint policies (an advisory of a perimeter
 * rule, as service-endpoints@1 and @2 have): the perimeter scenario table would fail its own projects,
 * so they get the advisories instead.
 */
export function hasPolicyDefects(blueprint: string, version: number, table: readonly Advisory[] = ADVISORIES): boolean {
  const perimeter = new Set(PERIMETER_RULES.map((r) => r.id));
  return advisoriesFor(blueprint, version, table).some((a) => a.rules.some((rule) => perimeter.has(rule)));
}

/** The advisories of `blueprint@version` that a project with these recorded answers has, in ID order. */
export function advisoriesForProject(
  blueprint: string,
  version: number,
  answers: Answers,
  table: readonly Advisory[] = ADVISORIES,
): Advisory[] {
  return advisoriesFor(blueprint, version, table).filter((a) => a.affects?.(answers) ?? true);
}

/** The reason written beside an advisory's suppression: the report shows it with every suppressed finding. */
const reasonOf = (a: Advisory, version: number) =>
  `known defect ${a.id} of ${a.blueprint}@${version}, fixed in @${a.fixedIn}: run \`create-privatelink upgrade\``;

/**
 * Findings a project chose by its answers, not defects: a new project that gave the answer starts with
 * a suppression whose reason is that answer (`check` reports no advisory for them).
 */
export const CHOSEN_FINDINGS: readonly { rule: string; blueprint: string; reason: string; affects: (answers: Answers) => boolean }[] = [
  {
    rule: "PL_S3_TRUSTED_RESOURCES",
    blueprint: "service-endpoints",
    reason: "answered --trusted-resources no: the S3 endpoints admit your principals to buckets of any account, by choice",
    affects: (answers) => answers.trustedResources === "no",
  },
];

/**
 * Lint suppressions a new project of `blueprint@version` starts with: one per
 * rule of each advisory it has, so that its own `npm test` (which lints its
 * stacks) passes while the lint report still lists the findings, with the
 * advisory; and one per finding its answers chose (`CHOSEN_FINDINGS`).
 * Without answers, every advisory of the version.
 */
export function defaultSuppressions(
  blueprint: string,
  version: number,
  answers?: Answers,
  table: readonly Advisory[] = ADVISORIES,
): LintSuppression[] {
  const advisories =
    answers === undefined ? advisoriesFor(blueprint, version, table) : advisoriesForProject(blueprint, version, answers, table);
  const chosen = CHOSEN_FINDINGS.filter((c) => answers !== undefined && c.blueprint === blueprint && c.affects(answers));
  return [
    ...advisories.flatMap((a) => a.rules.map((rule) => ({ rule, reason: reasonOf(a, version) }))),
    ...chosen.map((c) => ({ rule: c.rule, reason: c.reason })),
  ];
}

/** True for a suppression `defaultSuppressions` wrote (for any version): a plan replaces these with the current version's. */
export function isAdvisorySuppression(s: LintSuppression, table: readonly Advisory[] = ADVISORIES): boolean {
  return (
    s.resource === undefined &&
    (table.some((a) => a.rules.includes(s.rule) && a.versions.some((v) => reasonOf(a, v) === s.reason)) ||
      CHOSEN_FINDINGS.some((c) => c.rule === s.rule && c.reason === s.reason))
  );
}

/** `service-endpoints@2: <summary>; fixed in @3`, as `check` prints it. */
export function formatAdvisory(advisory: Advisory, version: number): string {
  return `${advisory.id} ${advisory.blueprint}@${version}: ${advisory.summary}; fixed in @${advisory.fixedIn}`;
}

/** A table whose entries do not hold together is a bug in this file, not a user error; tests call this. */
export function checkAdvisories(table: readonly Advisory[], versionsOf: (blueprint: string) => readonly number[]): void {
  const ids = new Set<string>();
  for (const a of table) {
    const field = `ADVISORIES[${a.id}]`;
    if (!/^PL-\d{4}-\d{3}$/.test(a.id) || ids.has(a.id)) throw new BlueprintInputError(field, "expected a unique ID PL-<year>-<nnn>");
    ids.add(a.id);
    const released = versionsOf(a.blueprint);
    if (!released.includes(a.fixedIn)) throw new BlueprintInputError(`${field}.fixedIn`, `@${a.fixedIn} is not a released version`);
    if (a.versions.length === 0 || a.versions.some((v) => !released.includes(v) || v >= a.fixedIn)) {
      throw new BlueprintInputError(`${field}.versions`, `expected released versions older than @${a.fixedIn}`);
    }
  }
}
