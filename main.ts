/**
 * This repository is itself a CDKTF app: `npm run synth` synthesizes one stack
 * per blueprint fixture into cdktf.out/, the same stacks the tests validate.
 */
import { App } from "./blueprints/lib/cdktf";
import { resolveAnswers } from "./generator/answers/resolve";
import { instantiateStacks } from "./generator/instantiate";
import { findBlueprint } from "./generator/registry";
import { ALL_FIXTURES } from "./test/fixtures";

async function main(): Promise<void> {
  const app = new App();
  for (const fixture of ALL_FIXTURES) {
    const { answers } = await resolveAnswers({ file: { projectName: fixture.name, ...fixture.answers } }, { yes: true });
    instantiateStacks(app, findBlueprint(answers.blueprint), answers);
  }
  app.synth();
}

void main();
