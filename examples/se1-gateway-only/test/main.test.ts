/**
 * Tests of se1-gateway-only: each stack's synthesized Terraform JSON against its
 * snapshot (review a snapshot change like any other diff; `npx jest -u` accepts
 * it), and `terraform validate` on it when terraform is installed.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TerraformStack, Testing } from "../blueprints/lib/cdktf";
import { build } from "../main";

// The whole app is synthesized once, as `cdktf synth` does, so that
// cross-stack references are wired.
const app = Testing.app();
build(app);
app.synth();
const stacks = app.node.children.filter((child): child is TerraformStack => child instanceof TerraformStack).map((stack) => stack.node.id);
const stackDir = (id: string) => join(app.outdir, "stacks", id);

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
    expect(JSON.parse(readFileSync(join(stackDir(id), "cdk.tf.json"), "utf8"))).toMatchSnapshot();
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
