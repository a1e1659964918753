import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tmp } from "../support/cli";

const git = (dir: string, ...args: string[]) =>
  spawnSync("git", ["-c", "user.email=dev@example.com", "-c", "user.name=dev", ...args], { cwd: dir, encoding: "utf8" });
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

/** An endpoint-service@1 project with two consumer stacks, committed to git, with the user's edits in main.ts. */
function v1Project(label: string): string {
  const dir = join(tmp(label), "proj");
  const result = runCli([
    dir,
    "--yes",
    "--blueprint",
    "endpoint-service@1",
    "--region",
    "eu-west-1",
    "--consumer-accounts",
    "111122223333,444455556666",
  ]);
  if (result.code !== 0) throw new Error(result.stderr);
  const main = read(dir, "main.ts")
    .replace("  app.synth();", "  app.synth(); // every stack, in one app")
    .concat("// deployed by the platform team\n");
  writeFileSync(join(dir, "main.ts"), main);
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "v1 with edits");
  return dir;
}

describe("upgrade endpoint-service v1 → v2 through the CLI", () => {
  test("v2's new questions (consumers, proxy protocol) are named when nobody can answer them", () => {
    const dir = v1Project("es-missing");
    const result = runCli(["upgrade", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pass --ip-address-type, --consumers, --proxy-protocol/);
  });

  test("GIVEN user edits in main.ts and --yes THEN the edits stay, the consumers come from the recorded accounts, and the upgraded project synthesizes its provider, consumer and acceptance stacks", () => {
    const dir = v1Project("es-yes");
    const result = runCli(["upgrade", dir, "--yes", "--to", "endpoint-service@2"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Upgraded .* from endpoint-service@1 to endpoint-service@2/);
    const main = read(dir, "main.ts");
    expect(main).toContain("app.synth(); // every stack, in one app");
    expect(main).toContain("// deployed by the platform team");
    expect(main).toContain('from "./blueprints/endpoint-service/v2/index.ts"');
    expect(main).toContain('new AcceptanceStack(app, "acceptance"');
    expect(main).not.toMatch(/<<<<<<<|>>>>>>>/);
    for (const account of ["111122223333", "444455556666"]) expect(main.split(account)).toHaveLength(2);
    expect(JSON.parse(read(dir, ".privatelink.json"))).toMatchObject({
      blueprint: "endpoint-service@2",
      consumers: [
        { account: "111122223333", cidr: "10.1.0.0/16", availabilityZoneIds: ["euw1-az1", "euw1-az2"] },
        { account: "444455556666", cidr: "10.2.0.0/16", availabilityZoneIds: ["euw1-az1", "euw1-az2"] },
      ],
      proxyProtocol: false,
    });
    expect(existsSync(join(dir, "blueprints", "endpoint-service", "v1"))).toBe(false);
    symlinkSync(join(__dirname, "..", "..", "node_modules"), join(dir, "node_modules"), "dir");
    const synth = spawnSync(process.execPath, ["--import", "tsx", "main.ts"], { cwd: dir, encoding: "utf8" });
    expect(synth.stderr).toBe("");
    for (const id of ["provider", "consumer-111122223333", "consumer-444455556666", "acceptance"])
      expect(existsSync(join(dir, "cdktf.out", "stacks", id, "cdk.tf.json"))).toBe(true);
  });

  test("GIVEN the new answers as flags THEN they are used and recorded", () => {
    const dir = v1Project("es-flags");
    const consumers = JSON.stringify([
      { account: "111122223333" },
      {
        account: "444455556666",
        vpcId: "vpc-0a1b2c3d4e5f60718",
        cidr: "10.9.0.0/16",
        subnets: ["subnet-0a1b2c3d4e5f60711@euw1-az1", "subnet-0a1b2c3d4e5f60722@euw1-az2"],
      },
    ]);
    const result = runCli(["upgrade", dir, "--consumers", consumers, "--proxy-protocol", "on", "--ip-address-type", "ipv4"]);
    expect(result.code).toBe(0);
    const main = read(dir, "main.ts");
    expect(main).toContain('vpcId: "vpc-0a1b2c3d4e5f60718"');
    expect(main).toContain("proxyProtocolV2: true");
    expect(JSON.parse(read(dir, ".privatelink.json"))).toMatchObject({ proxyProtocol: true });
  });

  test("GIVEN a consumer list that disagrees with the recorded --consumer-accounts THEN the error names consumers", () => {
    const dir = v1Project("es-disagree");
    const result = runCli(["upgrade", dir, "--yes", "--consumers", '[{"account": "999900001111"}]']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--consumers: lists 999900001111, but --consumer-accounts lists 111122223333, 444455556666/);
  });
});
