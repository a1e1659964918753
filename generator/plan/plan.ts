import { regionInfo } from "../../blueprints/lib/partitions";
import { defaultSuppressions, hasPolicyDefects, isAdvisorySuppression } from "../advisories";
import { questionOf } from "../answers/catalog";
import type { ResolvedAnswers } from "../answers/resolve";
import type { CommonAnswers } from "../answers/types";
import { baseFile } from "../base-copy";
import { costLines } from "../cost";
import { contextFile } from "../lookup/context-file";
import { packageJson } from "../paths";
import { pipelinePlan } from "../pipeline/files";
import { provenanceFile, type Suppression } from "../provenance";
import type { GeneratorPin } from "./generator-pin";
import { biomeJson, blueprintSources, cdktfJson, projectPackageJson, staticFile, tsconfig } from "./project-files";
import { render } from "./render";
import type { PlannedFile } from "./types";
import { declarations, sharedLists } from "./typescript";

/** Everything a run would write, computed without touching the target directory. */
export interface ProjectPlan {
  readonly files: readonly PlannedFile[];
  /** Cost lines for the closing summary. */
  readonly cost: readonly string[];
  /** Another way to build the same, priced side by side (e.g. a hub against endpoints in every VPC). @default none */
  readonly comparison: readonly string[];
  /** The deploy commands for the closing summary. */
  readonly deploy: readonly string[];
}

/**
 * Plans a project: every file as a path and its content, sorted by path, the
 * provenance file last computed over the others. Pure but for reading the
 * generator's own templates and blueprint sources.
 */
export function planProject(
  resolved: ResolvedAnswers,
  suppressions: readonly Suppression[] = [],
  pin: GeneratorPin = "registry",
  /** A change to main.ts the run makes (an upgrade's `moved` blocks). @default none */
  mainTs: (content: string) => string = (content) => content,
): ProjectPlan {
  const { used, entry } = resolved;
  const answers = resolved.answers as unknown as CommonAnswers;
  const version = packageJson().version;
  const specs = entry.stacks(resolved.answers, resolved.facts);
  const description = entry.describe(resolved.answers);
  // A pipeline synthesizes the stacks once more, for cdktf's dependencies and the roles each stack assumes.
  const pipeline = resolved.answers.pipeline === "github" ? pipelinePlan(resolved) : undefined;
  const cost = costLines(description.cost);
  // Sorted by path, as Biome's organize-imports sorts them.
  const imports = [
    { from: "./blueprints/lib/cdktf.ts", names: "App" },
    { from: "./blueprints/lib/main-module.ts", names: "isMainModule" },
    ...[...new Set(specs.map((s) => s.module))].map((from) => ({
      from: `./${from}/index.ts`,
      names: [...new Set(specs.filter((s) => s.module === from).map((s) => s.className))].sort().join(", "),
    })),
  ].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const files: PlannedFile[] = [
    projectPackageJson(answers, pin),
    cdktfJson(answers),
    tsconfig(),
    biomeJson(),
    staticFile(".gitignore", "project/_gitignore"),
    staticFile("jest.config.js", "project/jest.config.js"),
    staticFile("scripts/cdktf.mjs", "project/scripts/cdktf.mjs"),
    staticFile("scripts/synth.mjs", "project/scripts/synth.mjs"),
    staticFile("scripts/typescript.mjs", "project/scripts/typescript.mjs"),
    {
      path: "main.ts",
      content: mainTs(
        render("project/main.ts.hbs", {
          projectName: answers.projectName,
          generatorVersion: version,
          blueprint: answers.blueprint,
          imports,
          stacks: declarations(specs),
          lists: sharedLists(specs),
        }),
      ),
    },
    { path: "test/main.test.ts", content: render("project/test/main.test.ts.hbs", { projectName: answers.projectName }) },
    // The perimeter scenario table, for versions without known policy defects (those have advisories instead).
    ...(!hasPolicyDefects(entry.manifest.name, entry.manifest.version)
      ? [staticFile("test/policies.test.ts", "project/test/policies.test.ts")]
      : []),
    {
      path: "README.md",
      content: render("project/README.md.hbs", {
        projectName: answers.projectName,
        summary: description.summary,
        generatorVersion: version,
        blueprint: answers.blueprint,
        region: answers.region,
        regionName: regionInfo(answers.region).description,
        diagram: description.diagram,
        stacks: description.stacks,
        deploy: description.deploy,
        notes: description.notes,
        pipeline: pipeline?.section ?? false,
        cost,
      }),
    },
    ...blueprintSources(entry.dirs),
    ...(pipeline?.files ?? []),
    // AWS's answers, recorded so that synth never asks AWS and a re-render gives the same files.
    ...(resolved.facts ? [contextFile(resolved.facts)] : []),
  ];
  const recorded = used.filter((key) => !(questionOf(key, entry)?.omitFromRecord?.(resolved.answers[key]) ?? false));
  files.push(
    provenanceFile(resolved.answers, recorded, files, version, withAdvisories(suppressions, entry.manifest, resolved.answers)),
    baseFile(files),
  );
  return {
    files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    cost,
    comparison: description.comparison ?? [],
    // With a pipeline, the first deploy is the bootstrap's; after it, merges apply.
    deploy: pipeline
      ? [
          "git init && git add -A && git commit -m 'PrivateLink'  # then push to the repository the pipeline role trusts",
          "# bootstrap/README.md: the repository's OIDC subject, each account's bootstrap, the environment",
          "# then every merge applies the stacks in waves (.github/workflows/privatelink-apply.yml); by hand it is still:",
          ...description.deploy,
        ]
      : description.deploy,
  };
}

/**
 * The owner's suppressions first, then one per lint rule of each known defect
 * of this blueprint version that the answers have (`advisories.ts`), without duplicates. Suppressions
 * an earlier version's advisories wrote are dropped, so an upgrade to the fixed
 * version lints its stacks in full again.
 */
function withAdvisories(
  owner: readonly Suppression[],
  manifest: { name: string; version: number },
  answers: Readonly<Record<string, unknown>>,
): Suppression[] {
  const kept = owner.filter((s) => !isAdvisorySuppression(s));
  const defaults = defaultSuppressions(manifest.name, manifest.version, answers).filter(
    (d) => !kept.some((s) => s.rule === d.rule && s.resource === undefined),
  );
  return [...kept, ...defaults];
}
