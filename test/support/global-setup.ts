import { OPT_OUT, prepareTerraformRun, terraformOptedOut, terraformProblem } from "./terraform";

/**
 * Fails the run before any test when terraform or the provider mirror is
 * missing, with an install hint; `PRIVATELINK_SKIP_TERRAFORM=1` skips the
 * terraform checks on purpose (ignored when CI=true). Otherwise writes the run's
 * terraform CLI config and fills its one plugin cache, for every worker.
 */
export default async function globalSetup(): Promise<void> {
  // The CLI runs from this checkout, where a project's default pin is a tarball of the generator packed into it;
  // the tests compare projects with examples/, which pin the published version. The tarball pin has its own tests
  // (test/project/generator-pin.test.ts, and the README journey, which runs without this variable).
  process.env.PRIVATELINK_GENERATOR_PIN ??= "registry";
  const problem = terraformProblem();
  if (!problem) return prepareTerraformRun();
  if (terraformOptedOut()) {
    process.stderr.write(`\n${OPT_OUT}=1: the terraform checks are skipped (${problem.split("\n")[0]})\n`);
    return;
  }
  throw new Error(`The test suite needs terraform: ${problem}`);
}
