import { REPRESENTATIVES } from "../fixtures";
import { synthFixture } from "../support/synth";
import { checkWithTerraform, terraformOptedOut, terraformProblem } from "../support/terraform";
import { BACKEND_IGNORED, checkStacks } from "../support/terraform-root";
import type { TfJson } from "../support/tf-json";

/**
 * The terraform tiers validate stacks as child modules of one shared root. These tests
 * show that this finds what a stack's own root finds, and names the stack it found it in.
 */
const skip = terraformOptedOut() && terraformProblem() !== undefined;
(skip ? describe.skip : describe)("stacks as modules of one root", () => {
  test("GIVEN a stack with an argument hashicorp/aws does not have, next to a valid one THEN validate fails and names that stack", async () => {
    const [valid] = await synthFixture(REPRESENTATIVES[0]);
    const broken = structuredClone(valid.json) as TfJson;
    const vpcs = broken.resource!.aws_vpc ?? {};
    const [id] = Object.keys(vpcs);
    expect(id).toBeDefined();
    vpcs[id].no_such_argument = true;

    const check = await checkStacks(
      [
        { name: "good", json: valid.json },
        { name: "bad", json: broken },
      ],
      { plan: true },
    );

    expect(check.valid).toBe(false);
    const errors = check.validate.filter((d) => !BACKEND_IGNORED.test(d.summary));
    expect(errors.map((d) => [d.module, d.severity, d.summary])).toEqual([["bad", "error", "Extraneous JSON object property"]]);
    // nothing is planned once validation has failed
    expect(check.planned.size).toBe(0);
  }, 300000);

  test("GIVEN the same stack as a root of its own (init -backend=false, validate) THEN it is valid there too", async () => {
    const [stack] = await synthFixture(REPRESENTATIVES[0]);
    const result = await checkWithTerraform(stack.dir, { plan: false });
    expect(result.validate).toContain("Success! The configuration is valid.");
  }, 300000);
});
