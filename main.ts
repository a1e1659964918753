/**
 * This repository is itself a CDKTF app: `npm run synth` synthesizes the stacks
 * of every blueprint fixture into cdktf.out/, the same stacks the tests check.
 */
import { App } from "./blueprints/lib/cdktf";
import { resolveAnswers } from "./generator/answers/resolve";
import { instantiateStacks } from "./generator/instantiate";
import { ALL_FIXTURES } from "./test/fixtures";

async function main(): Promise<void> {
  const app = new App();
  for (const fixture of ALL_FIXTURES) {
    const { answers, entry } = await resolveAnswers({ file: { projectName: fixture.name, ...fixture.answers } }, { yes: true });
    // Stack ids repeat across projects (every endpoint-service project has a "provider"):
    // those not already named after the fixture get its name in front.
    const prefix = entry.stacks(answers).every((spec) => spec.id.startsWith(fixture.name)) ? "" : `${fixture.name}-`;
    instantiateStacks(app, entry, answers, prefix);
  }
  app.synth();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
