import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { EXAMPLES_DIR } from "../support/examples";
import { typecheckProjects } from "../support/generated-project";

/**
 * Every example type-checks as its project's own `npm run typecheck` would (its tsconfig:
 * ES modules, `.ts` imports, erasable syntax only), in one tsc run. This is what keeps
 * syntax Node cannot strip (a parameter property, an enum) out of `blueprints/`, which
 * generated projects copy; the full tier runs it again on the projects the CLI generates.
 */
describe("examples/ type-check as generated projects", () => {
  test("tsc --noEmit over every example, with the projects' tsconfig", async () => {
    const dirs = readdirSync(EXAMPLES_DIR)
      .map((name) => join(EXAMPLES_DIR, name))
      .filter((dir) => statSync(dir).isDirectory());
    expect(dirs.length).toBeGreaterThan(30);
    await typecheckProjects(dirs);
  }, 300000);
});
