/**
 * Every endpoint policy against the perimeter scenario table, simulated with
 * an IAM policy simulator (@cloud-copilot/iam-simulate): your principals get
 * through, strangers do not, and so do the requests AWS itself makes from a VPC
 * (image layers from ECR's bucket, Amazon Linux repositories, SSM Agent,
 * STS federation, unsigned calls to your own private APIs). After you edit a
 * policy, this says which of those your edit lets through or stops.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TerraformStack, Testing } from "../blueprints/lib/cdktf.ts";
import { checkEndpointPolicies } from "../blueprints/lib/perimeter/table/index.ts";
import { build } from "../main.ts";

const app = Testing.app();
build(app);
app.synth();
const stacks = app.node.children.filter((child): child is TerraformStack => child instanceof TerraformStack).map((stack) => stack.node.id);
const synthesized = (id: string) => JSON.parse(readFileSync(join(app.outdir, "stacks", id, "cdk.tf.json"), "utf8"));
const regionOf = (json: { provider?: { aws?: { region?: string }[] } }) => json.provider?.aws?.[0]?.region ?? "us-east-1";

describe.each(stacks)("stack %s", (id) => {
  test("every endpoint policy passes the perimeter scenario table", async () => {
    const json = synthesized(id);
    const checks = await checkEndpointPolicies(json, regionOf(json));
    expect(checks.filter((c) => c.mismatches.length > 0)).toEqual([]);
  });
});
