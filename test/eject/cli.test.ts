import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, snapshotTree, tmp } from "../support/cli";

const EXAMPLE = join(__dirname, "..", "..", "examples", "es1-provider-and-consumers");

/** A copy of a generated example, with its cdktf.out (as `cdktf synth` left it). */
function project(): string {
  const dir = join(tmp("eject-cli"), "project");
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

const withoutEjected = (tree: Record<string, string>) =>
  Object.fromEntries(Object.entries(tree).filter(([p]) => !p.startsWith("terraform/")));

describe("eject: the command", () => {
  test("GIVEN a generated project THEN it writes terraform/<stack>/ and a README, and leaves the CDKTF sources alone", () => {
    const dir = project();
    const before = snapshotTree(dir);
    const result = runCli(["eject", dir]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Deploy order:\n  1. terraform/provider\n  2. terraform/consumer-111122223333");
    const after = snapshotTree(dir);
    expect(withoutEjected(after)).toEqual(before);
    expect(Object.keys(after).filter((p) => p.startsWith("terraform/"))).toEqual([
      "terraform/README.md",
      "terraform/consumer-111122223333/main.tf",
      "terraform/consumer-111122223333/moved.tf",
      "terraform/consumer-444455556666/main.tf",
      "terraform/consumer-444455556666/moved.tf",
      "terraform/provider/main.tf",
      "terraform/provider/moved.tf",
    ]);
    expect(after["terraform/provider/main.tf"]).toContain('source  = "hashicorp/aws"\n      version = "5.100.0"');
    expect(after["terraform/provider/main.tf"]).toContain('path = "../../terraform.provider.tfstate"');
  });

  test("GIVEN an existing terraform/ folder THEN exit 2 and nothing changes, unless --force (which keeps a copy of what it replaces)", () => {
    const dir = project();
    expect(runCli(["eject", dir]).code).toBe(0);
    const ejected = snapshotTree(dir);
    const refused = runCli(["eject", dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/terraform already exists; move it away, or pass --force/);
    expect(snapshotTree(dir)).toEqual(ejected);

    const dry = runCli(["eject", dir, "--dry-run", "--force"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("nothing written");

    rmSync(join(dir, "terraform", "consumer-444455556666"), { recursive: true });
    const forced = runCli(["eject", dir, "--force"]);
    expect(forced.code).toBe(0);
    expect(snapshotTree(dir)).toEqual(ejected);
    expect(runCli(["eject", dir, "extra"]).code).toBe(2);
    expect(runCli(["eject", dir, "--json"]).code).toBe(2);
  });

  test("GIVEN no cdktf.out THEN it runs the project's app command to synthesize, into a temporary folder", () => {
    const dir = project();
    const fromOut = join(tmp("eject-expected"), "p");
    cpSync(dir, fromOut, { recursive: true });
    expect(runCli(["eject", fromOut]).code).toBe(0);
    rmSync(join(dir, "cdktf.out"), { recursive: true });
    symlinkSync(join(__dirname, "..", "..", "node_modules"), join(dir, "node_modules"), "dir");
    const result = runCli(["eject", dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("from a fresh synth of");
    expect(existsSync(join(dir, "cdktf.out"))).toBe(false);
    const ejected = (d: string) => Object.entries(snapshotTree(d)).filter(([p]) => p.startsWith("terraform/"));
    expect(ejected(dir)).toEqual(ejected(fromOut));
  });

  test("GIVEN a folder that is not a CDKTF project THEN exit 2 with what is expected", () => {
    const result = runCli(["eject", tmp("eject-empty")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/has no cdktf.json and no cdktf.out; expected a CDK for Terraform project/);
  });

  test.each([
    ["null", "`(document)`: is null", /expected a Terraform JSON object/],
    ['{"provider":{"aws":{"region":"us-east-1"}}}', "`provider.aws`: is an object", /expected a list of provider configurations/],
    ['{"resource":{"aws_vpc":[1]}}', "`resource.aws_vpc`: is a list", /expected an object of blocks by name/],
    ['{"resource":{"aws_vpc":{"main":"10.0.0.0/16"}}}', "`resource.aws_vpc.main`: is a string", /expected an object of arguments/],
  ])("GIVEN a cdk.tf.json of %s THEN exit 2 naming the node, no stack trace, nothing written", (json, field, expected) => {
    const dir = tmp("eject-shape");
    mkdirSync(join(dir, "cdktf.out", "stacks", "x"), { recursive: true });
    writeFileSync(join(dir, "cdktf.json"), "{}");
    writeFileSync(join(dir, "cdktf.out", "stacks", "x", "cdk.tf.json"), json);
    const result = runCli(["eject", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(field);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(join(dir, "terraform"))).toBe(false);
  });
});
