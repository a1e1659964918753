/**
 * Tests of se4-pipeline-github: each stack's synthesized Terraform JSON against its
 * snapshot (review a snapshot change like any other diff; `npm test -- -u`
 * accepts it), the PrivateLink security rules (`npx create-privatelink lint` runs the
 * same), and `terraform validate` when terraform is installed.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { TerraformStack, Testing } from "../blueprints/lib/cdktf.ts";
import { type LintSuppression, lint } from "../blueprints/lib/lint/index.ts";
import { build } from "../main.ts";

// The whole app is synthesized once, as `cdktf synth` does, so that
// cross-stack references are wired.
const app = Testing.app();
build(app);
app.synth();
const stacks = app.node.children.filter((child): child is TerraformStack => child instanceof TerraformStack).map((stack) => stack.node.id);
const stackDir = (id: string) => join(app.outdir, "stacks", id);
const synthesized = (id: string) => JSON.parse(readFileSync(join(stackDir(id), "cdk.tf.json"), "utf8"));

// Rules turned off in .privatelink.json, each with a written reason.
const suppressions: LintSuppression[] = (
  JSON.parse(readFileSync(new URL("../.privatelink.json", import.meta.url), "utf8")).suppressions ?? []
).filter((s: LintSuppression) => typeof s.reason === "string" && s.reason.trim().length >= 10);

function terraformInstalled(): boolean {
  if (process.env.PRIVATELINK_SKIP_TERRAFORM === "1") return false;
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
      console.warn(
        `terraform is not installed (or PRIVATELINK_SKIP_TERRAFORM=1): terraform validate of ${id} was skipped (https://developer.hashicorp.com/terraform/install)`,
      );
      return;
    }
    // The provider is downloaded once into a plugin cache, not once per stack and run.
    const cache = process.env.TF_PLUGIN_CACHE_DIR ?? join(homedir(), ".terraform.d", "plugin-cache");
    mkdirSync(cache, { recursive: true });
    const env = { ...process.env, TF_IN_AUTOMATION: "1", TF_PLUGIN_CACHE_DIR: cache };
    const run = (args: string[]) =>
      execFileSync("terraform", args, { cwd: stackDir(id), encoding: "utf8", env, stdio: ["ignore", "pipe", "pipe"] });
    try {
      run(["init", "-backend=false", "-input=false", "-no-color"]);
    } catch (error) {
      throw new Error(
        `terraform init could not install the AWS provider; it needs registry.terraform.io or a provider mirror in your terraform CLI config (or set PRIVATELINK_SKIP_TERRAFORM=1):\n${String((error as { stderr?: string }).stderr ?? error)}`,
      );
    }
    expect(run(["validate", "-no-color"])).toContain("The configuration is valid");
  });
});
