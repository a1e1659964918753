import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ENDPOINT_HUB_V1 } from "../fixtures/endpoint-hub-v1";
import { runCli, tmp } from "../support/cli";

describe("the closing summary of an endpoint-hub project", () => {
  test("GIVEN ten spokes THEN it prices the hub against endpoints in every VPC, side by side, with the break-even", () => {
    const fixture = ENDPOINT_HUB_V1.find((f) => f.name === "eh1-ten-spokes-cross-account")!;
    const parent = tmp("hub-summary");
    writeFileSync(join(parent, "answers.json"), JSON.stringify(fixture.answers));
    const { code, stdout } = runCli([join(parent, "hub"), "--yes", "--answers", join(parent, "answers.json")]);
    expect(code).toBe(0);
    const side = stdout.slice(stdout.indexOf("Side by side:"));
    expect(stdout).toContain("Side by side:");
    expect(side).toMatch(/hub/i);
    expect(side).toMatch(/every VPC|per VPC|each VPC/i);
    expect(side).toMatch(/Break-even/);
  });
});
