import globalSetup from "./global-setup";
import { CURRENT_NODES, nodeHome, nodeVersionsProblem } from "./node-versions";

/**
 * The full tier's setup: the terraform check, then the Node versions the generated
 * projects are also tested on (`node-versions.ts`), fetched once here rather than by
 * two workers at the same time.
 */
export default async function globalSetupFull(): Promise<void> {
  await globalSetup();
  if (!nodeVersionsProblem()) for (const version of Object.values(CURRENT_NODES)) nodeHome(version);
}
