import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tmp } from "../support/cli";

/**
 * Suppressions come only from the project's own record. A bare {"suppressions": […]} that
 * any parent folder can hold turns nothing off, and the report says which file it read
 * and which it ignored.
 */
const EXAMPLE = join(__dirname, "..", "..", "examples", "se1-defaults");
const openDoor = {
  resource: {
    aws_security_group: {
      g: {
        description: "d",
        vpc_id: "vpc-1",
        ingress: [{ description: "x", protocol: "tcp", from_port: 22, to_port: 22, cidr_blocks: ["0.0.0.0/0"] }],
      },
    },
  },
};
const silenceAll = {
  suppressions: ["CKV_AWS_24", "CKV_AWS_260", "PL_SG_WORLD_INGRESS", "PL_SG_UNUSED", "CKV2_AWS_5"].map((rule) => ({
    rule,
    reason: "planted by someone who can commit",
  })),
};

describe("where lint's suppressions come from", () => {
  test("GIVEN a bare {suppressions} in a parent folder THEN it turns nothing off, and the report names it as ignored", () => {
    const parent = tmp("suppress-parent");
    writeFileSync(join(parent, ".privatelink.json"), JSON.stringify(silenceAll));
    mkdirSync(join(parent, "stack"));
    writeFileSync(join(parent, "stack", "cdk.tf.json"), JSON.stringify(openDoor));
    const result = runCli(["lint", join(parent, "stack", "cdk.tf.json")]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/PL_SG_WORLD_INGRESS/);
    expect(result.stdout).toMatch(/, 0 suppressed;/);
    expect(result.stdout).toMatch(
      /^Ignored .*\.privatelink\.json: not a project's \.privatelink\.json \(no blueprint and files\); its suppressions were not applied\.$/m,
    );
    const json = JSON.parse(runCli(["lint", join(parent, "stack", "cdk.tf.json"), "--json"]).stdout);
    expect([json.suppressionsFrom, json.ignored.length, json.suppressed]).toEqual([null, 1, []]);
  });

  test("GIVEN a project's own record with suppressions THEN they apply, and the report says the file they came from", () => {
    const dir = join(tmp("suppress-own"), "p");
    cpSync(EXAMPLE, dir, { recursive: true });
    const record = JSON.parse(readFileSync(join(dir, ".privatelink.json"), "utf8"));
    writeFileSync(join(dir, ".privatelink.json"), JSON.stringify({ ...record, suppressions: silenceAll.suppressions }));
    writeFileSync(join(dir, "cdktf.out", "stacks", "se1-defaults", "cdk.tf.json"), JSON.stringify(openDoor));
    const result = runCli(["lint", dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Suppressions read from .*p\/\.privatelink\.json\.$/m);
  });
});
