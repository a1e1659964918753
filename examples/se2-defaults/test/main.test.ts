/**
 * Tests of se2-defaults: each stack's synthesized Terraform JSON against its
 * snapshot (review a snapshot change like any other diff; `npx jest -u` accepts
 * it), the PrivateLink security rules (`npx create-privatelink lint` runs the
 * same), and `terraform validate` when terraform is installed.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TerraformStack, Testing } from "../blueprints/lib/cdktf";
import { lint, LintSuppression } from "../blueprints/lib/lint";
import { build } from "../main";

// The whole app is synthesized once, as `cdktf synth` does, so that
// cross-stack references are wired.
const app = Testing.app();
build(app);
app.synth();
const stacks = app.node.children.filter((child): child is TerraformStack => child instanceof TerraformStack).map((stack) => stack.node.id);
const stackDir = (id: string) => join(app.outdir, "stacks", id);
const synthesized = (id: string) => JSON.parse(readFileSync(join(stackDir(id), "cdk.tf.json"), "utf8"));

// Rules turned off in .privatelink.json, each with a written reason.
const suppressions: LintSuppression[] = (JSON.parse(readFileSync(join(__dirname, "..", ".privatelink.json"), "utf8")).suppressions ?? []).filter(
  (s: LintSuppression) => typeof s.reason === "string" && s.reason.trim().length >= 10,
);

function terraformInstalled(): boolean {
  try {
    execFileSync("terraform", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe.each(stacks)("stack %s", (id) => {
  test("synthesizes to its snapshot", () => {
    expect(synthesized(id)).toMatchSnapshot();
  });

  test("passes the PrivateLink security rules", () => {
    const report = lint([{ file: `${id}/cdk.tf.json`, json: synthesized(id) }], suppressions);
    expect(report.findings.map((f) => `${f.rule} ${f.resource}: ${f.message}`)).toEqual([]);
  });

  test("passes terraform validate", () => {
    if (!terraformInstalled()) {
      console.warn(`terraform is not installed: terraform validate of ${id} was skipped (https://developer.hashicorp.com/terraform/install)`);
      return;
    }
    const run = (args: string[]) => execFileSync("terraform", args, { cwd: stackDir(id), encoding: "utf8", env: { ...process.env, TF_IN_AUTOMATION: "1" } });
    run(["init", "-backend=false", "-input=false", "-no-color"]);
    expect(run(["validate", "-no-color"])).toContain("The configuration is valid");
  });
});
