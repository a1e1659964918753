import { type Fixture, plannable, synthFixture } from "./synth";
import { checkWithTerraform, terraformOptedOut, terraformProblem } from "./terraform";

/**
 * For each fixture: synthesize, then `terraform init -backend=false` and
 * `terraform validate` with the real provider, and `plan -refresh=false`
 * where the stack reads no data source. Skipped only on an explicit opt-out.
 */
export function describeTerraform(title: string, fixtures: readonly Fixture[]): void {
  const skip = terraformOptedOut() && terraformProblem() !== undefined;
  (skip ? describe.skip : describe)(`${title}: real terraform with hashicorp/aws 5.100.0`, () => {
    test.each(fixtures.map((f) => [f.name, f] as const))(
      "%s: validate (and plan when nothing is read from AWS)",
      async (_name, fixture) => {
        for (const stack of await synthFixture(fixture)) {
          const result = await checkWithTerraform(stack.dir, { plan: plannable(stack) });
          expect(result.validate).toContain("Success! The configuration is valid.");
          if (result.plan !== undefined) expect(result.plan).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy\./);
        }
      },
      // A fixture of a dozen or more stacks runs terraform a dozen times or more, one after another.
      1_200_000,
    );
  });
}
