import { spawnSync } from "node:child_process";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tmp } from "../support/cli";

const git = (dir: string, ...args: string[]) =>
  spawnSync("git", ["-c", "user.email=dev@example.com", "-c", "user.name=dev", ...args], { cwd: dir, encoding: "utf8" });
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
const spokes = [
  {
    account: "111122223333",
    vpcId: "vpc-0a1b2c3d4e5f60711",
    cidr: "10.11.0.0/16",
    subnets: ["subnet-0a1b2c3d4e5f60711", "subnet-0a1b2c3d4e5f60712"],
    routeTables: ["rtb-0a1b2c3d4e5f60711"],
  },
  {
    account: "444455556666",
    vpcId: "vpc-0a1b2c3d4e5f60722",
    cidr: "10.12.0.0/16",
    subnets: ["subnet-0a1b2c3d4e5f60721", "subnet-0a1b2c3d4e5f60722"],
    routeTables: ["rtb-0a1b2c3d4e5f60722"],
  },
];

describe("upgrade endpoint-hub v1 → v2: spokes isolated by route tables, the user's edits stay", () => {
  const dir = join(tmp("eh-v2"), "proj");

  beforeAll(() => {
    const args = ["--region", "eu-west-1", "--services", "ssm,s3", "--hub-account", "999988887777", "--spokes", JSON.stringify(spokes)];
    const made = runCli([dir, "--yes", "--blueprint", "endpoint-hub@1", ...args]);
    if (made.code !== 0) throw new Error(made.stderr);
    writeFileSync(join(dir, "main.ts"), `${read(dir, "main.ts")}// reviewed by the network team\n`);
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "v1 with an edit");
  });

  test("GIVEN the v1 project THEN check reports PL-2026-016 (spokes share the default route table) and PL-2026-017 (S3 without trusted resources)", () => {
    const out = runCli(["check", dir]).stdout;
    expect(out).toContain("PL-2026-016 endpoint-hub@1");
    expect(out).toContain("PL-2026-017 endpoint-hub@1");
  });

  test("WHEN upgraded with --yes THEN it is on v2, the edit stays, no advisory is left, and the synthesized spokes associate with the spokes' route table", () => {
    const result = runCli(["upgrade", dir, "--yes"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toMatch(/Upgraded .* from endpoint-hub@1 to endpoint-hub@2/);
    expect(read(dir, "main.ts")).toContain("// reviewed by the network team");
    expect(read(dir, "main.ts")).not.toMatch(/<<<<<<<|>>>>>>>/);
    expect(JSON.parse(read(dir, ".privatelink.json"))).toMatchObject({ blueprint: "endpoint-hub@2", suppressions: [] });
    expect(runCli(["check", dir]).stdout).not.toContain("advisory");
    symlinkSync(join(__dirname, "..", "..", "node_modules"), join(dir, "node_modules"), "dir");
    expect(spawnSync(process.execPath, ["--import", "tsx", "main.ts"], { cwd: dir, encoding: "utf8" }).stderr).toBe("");
    const spoke = JSON.parse(read(dir, join("cdktf.out", "stacks", `spoke-${spokes[1].vpcId}`, "cdk.tf.json")));
    expect(Object.keys(spoke.resource)).toEqual(
      expect.arrayContaining(["aws_ec2_transit_gateway_route_table_association", "aws_ec2_transit_gateway_route_table_propagation"]),
    );
    expect(runCli(["lint", dir]).stdout).toMatch(/^0 finding\(s\), 0 suppressed/m);
  });
});
