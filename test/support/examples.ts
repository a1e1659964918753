import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { resolveAnswers } from "../../generator/answers/resolve";
import { planProject } from "../../generator/plan/plan";
import type { PlannedFile } from "../../generator/plan/types";
import { ALL_FIXTURES } from "../fixtures";
import { type Fixture, synthFixture } from "./synth";

export const EXAMPLES_DIR = join(__dirname, "..", "..", "examples");

/** The files of a fixture's example: the generated project, and each stack's synthesized JSON. */
export async function exampleFiles(fixture: Fixture): Promise<PlannedFile[]> {
  const resolved = await resolveAnswers({ file: { projectName: fixture.name, ...fixture.answers } }, { yes: true });
  const stacks = (await synthFixture(fixture)).map((s) => ({ path: `cdktf.out/stacks/${s.id}/cdk.tf.json`, content: s.text }));
  return [...planProject(resolved).files, ...stacks];
}

/** Rewrites examples/ from the fixtures: `npm run examples`. */
export async function updateExamples(): Promise<void> {
  if (existsSync(EXAMPLES_DIR)) {
    for (const name of readdirSync(EXAMPLES_DIR)) if (name !== "README.md") rmSync(join(EXAMPLES_DIR, name), { recursive: true });
  }
  for (const fixture of ALL_FIXTURES) {
    for (const file of await exampleFiles(fixture)) {
      const target = join(EXAMPLES_DIR, fixture.name, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
  }
  const rows = ALL_FIXTURES.map((f) => `| [${f.name}](${f.name}/) | \`${String(f.answers.blueprint)}\` | ${f.description} |`);
  writeFileSync(
    join(EXAMPLES_DIR, "README.md"),
    [
      "# Examples",
      "",
      "One generated project per blueprint fixture (`test/fixtures/`), with each stack's synthesized Terraform JSON under `cdktf.out/stacks/`.",
      "`npm test` regenerates them and fails on any difference; `npm run examples` rewrites them after an intended change.",
      "",
      "| Example | Blueprint | What it shows |",
      "| --- | --- | --- |",
      ...rows,
      "",
    ].join("\n"),
  );
}

if (require.main === module) {
  updateExamples().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
