import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, snapshotTree, tmp } from "../support/cli";

const EXAMPLE = join(__dirname, "..", "..", "examples", "es1-provider-and-consumers");

function project(): string {
  const dir = join(tmp("eject-edge"), "project");
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

describe("eject: what it says is true, and bad blocks are named", () => {
  test("GIVEN a block list holding null (default_action: [null]) THEN exit 2 naming the stack and the block, no stack trace, nothing written", () => {
    const dir = project();
    const file = join(dir, "cdktf.out", "stacks", "provider", "cdk.tf.json");
    const json = JSON.parse(readFileSync(file, "utf8"));
    for (const listener of Object.values(json.resource.aws_lb_listener) as Record<string, unknown>[]) listener.default_action = [null];
    writeFileSync(file, JSON.stringify(json));
    const before = snapshotTree(dir);
    const result = runCli(["eject", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/stack provider has default_action\[0\] = null; expected a default_action block/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(dir)).toEqual(before);
  });

  test("GIVEN an earlier eject and one changed stack WHEN eject --force THEN it counts only the files it wrote", () => {
    const dir = project();
    expect(runCli(["eject", dir]).code).toBe(0);
    writeFileSync(join(dir, "terraform", "provider", "main.tf"), "# edited\n");
    const again = runCli(["eject", dir, "--force"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Wrote 1 of 7 files to .*terraform .*\(the others were already as they are\)/m);
  });
});
