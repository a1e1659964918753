import { CURRENT_NODES, nodeHome, nodeVersionsProblem } from "./node-versions";
import { OPT_OUT, terraformOptedOut, terraformProblem } from "./terraform";

/**
 * Fails the run before any test when terraform or the provider mirror is
 * missing, with an install hint; `PRIVATELINK_SKIP_TERRAFORM=1` skips the
 * terraform checks on purpose (ignored when CI=true). Fetches the Node
 * versions of the generated-project tests (`node-versions.ts`).
 */
export default async function globalSetup(): Promise<void> {
  // The Node versions the generated projects are also tested on, fetched once
  // here rather than by two workers at the same time.
  if (!nodeVersionsProblem()) for (const version of Object.values(CURRENT_NODES)) nodeHome(version);
  const problem = terraformProblem();
  if (!problem) return;
  if (terraformOptedOut()) {
    process.stderr.write(`\n${OPT_OUT}=1: the terraform checks are skipped (${problem.split("\n")[0]})\n`);
    return;
  }
  throw new Error(`The test suite needs terraform: ${problem}`);
}
