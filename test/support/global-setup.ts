import { OPT_OUT, prepareTerraformRun, terraformOptedOut, terraformProblem } from "./terraform";

/**
 * Fails the run before any test when terraform or the provider mirror is
 * missing, with an install hint; `PRIVATELINK_SKIP_TERRAFORM=1` skips the
 * terraform checks on purpose (ignored when CI=true). Otherwise writes the run's
 * terraform CLI config and fills its one plugin cache, for every worker.
 */
export default async function globalSetup(): Promise<void> {
  const problem = terraformProblem();
  if (!problem) return prepareTerraformRun();
  if (terraformOptedOut()) {
    process.stderr.write(`\n${OPT_OUT}=1: the terraform checks are skipped (${problem.split("\n")[0]})\n`);
    return;
  }
  throw new Error(`The test suite needs terraform: ${problem}`);
}
