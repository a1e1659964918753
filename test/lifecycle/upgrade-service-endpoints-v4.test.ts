import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tmp } from "../support/cli";

const git = (dir: string, ...args: string[]) =>
  spawnSync("git", ["-c", "user.email=dev@example.com", "-c", "user.name=dev", ...args], { cwd: dir, encoding: "utf8" });
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
const synth = (dir: string) => {
  const result = spawnSync(process.execPath, ["--import", "tsx", "main.ts"], { cwd: dir, encoding: "utf8" });
  if (result.stderr !== "") throw new Error(result.stderr);
  const [id] = readdirSync(join(dir, "cdktf.out", "stacks"));
  return JSON.parse(read(dir, join("cdktf.out", "stacks", id, "cdk.tf.json")));
};

describe("upgrade service-endpoints v3 → v4: the SSM Agent registers, the user's edits stay, nothing that fits moves", () => {
  const dir = join(tmp("se-v4"), "proj");
  let before: { resource: Record<string, Record<string, Record<string, unknown>>> };

  beforeAll(() => {
    const made = runCli([
      dir,
      "--yes",
      "--blueprint",
      "service-endpoints@3",
      "--services",
      "ssm,ssmmessages,ec2messages",
      "--read-only-services",
      "ssm",
    ]);
    if (made.code !== 0) throw new Error(made.stderr);
    writeFileSync(join(dir, "main.ts"), `${read(dir, "main.ts")}// owned by the platform team\n`);
    symlinkSync(join(__dirname, "..", "..", "node_modules"), join(dir, "node_modules"), "dir");
    before = synth(dir);
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "v3 with an edit");
  });

  test("GIVEN the v3 project THEN check reports PL-2026-011 (read-only ssm next to the agent's endpoints)", () => {
    expect(runCli(["check", dir]).stdout).toContain("PL-2026-011 service-endpoints@3");
  });

  test("WHEN upgraded with --yes THEN it is on v4, the edit stays, no advisory is left, the ssm policy lets the agent register, and the subnets are the same", () => {
    const result = runCli(["upgrade", dir, "--yes"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Upgraded .* from service-endpoints@3 to service-endpoints@4/);
    expect(read(dir, "main.ts")).toContain("// owned by the platform team");
    expect(JSON.parse(read(dir, ".privatelink.json"))).toMatchObject({ blueprint: "service-endpoints@4", suppressions: [] });
    expect(runCli(["check", dir]).stdout).not.toContain("advisory");
    const after: typeof before = synth(dir);
    const cidrs = (json: typeof before) => Object.values(json.resource.aws_subnet).map((s) => s.cidr_block);
    expect(cidrs(after)).toEqual(cidrs(before));
    const ssm = Object.values(after.resource.aws_vpc_endpoint).find((e) => String(e.service_name).endsWith(".ssm"))!;
    expect(JSON.parse(String(ssm.policy)).Statement[0].Action).toContain("ssm:UpdateInstanceInformation");
    const lint = runCli(["lint", dir]);
    expect(lint.stdout).toMatch(/^0 finding\(s\), 0 suppressed/m);
  });
});
