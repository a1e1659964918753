import { spawnSync } from "node:child_process";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tmp } from "../support/cli";

const git = (dir: string, ...args: string[]) =>
  spawnSync("git", ["-c", "user.email=dev@example.com", "-c", "user.name=dev", ...args], { cwd: dir, encoding: "utf8" });
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

describe("upgrade endpoint-consumer v1 → v2: private DNS moves after acceptance, the user's edits stay", () => {
  const dir = join(tmp("ec-v2"), "proj");

  beforeAll(() => {
    const service = "com.amazonaws.vpce.ap-southeast-2.vpce-svc-0fedcba9876543210";
    const made = runCli([
      dir,
      "--yes",
      "--blueprint",
      "endpoint-consumer@1",
      "--region",
      "ap-southeast-2",
      "--service-name",
      service,
      "--consumer-accounts",
      "333344445555",
      "--private-dns-name",
      "api.example.com",
    ]);
    if (made.code !== 0) throw new Error(made.stderr);
    writeFileSync(join(dir, "main.ts"), `${read(dir, "main.ts")}// owned by the app team\n`);
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "v1 with an edit");
  });

  test("GIVEN the v1 project with a private DNS name THEN check reports PL-2026-014", () => {
    expect(runCli(["check", dir]).stdout).toContain("PL-2026-014 endpoint-consumer@1");
  });

  test("WHEN upgraded with --yes THEN the edit stays, a private-dns stack follows the consumer stack, and the endpoint no longer asks for private DNS", () => {
    const result = runCli(["upgrade", dir, "--yes"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Upgraded .* from endpoint-consumer@1 to endpoint-consumer@2/);
    const main = read(dir, "main.ts");
    expect(main).toContain("// owned by the app team");
    expect(main).not.toMatch(/<<<<<<<|>>>>>>>/);
    expect(runCli(["check", dir]).stdout).not.toContain("advisory");
    symlinkSync(join(__dirname, "..", "..", "node_modules"), join(dir, "node_modules"), "dir");
    expect(spawnSync(process.execPath, ["--import", "tsx", "main.ts"], { cwd: dir, encoding: "utf8" }).stderr).toBe("");
    const stack = (id: string) => JSON.parse(read(dir, join("cdktf.out", "stacks", id, "cdk.tf.json")));
    const [endpoint] = Object.values(stack("consumer-333344445555").resource.aws_vpc_endpoint) as Record<string, unknown>[];
    expect(endpoint).not.toHaveProperty("private_dns_enabled");
    expect(Object.keys(stack("private-dns-333344445555").resource)).toEqual(["aws_vpc_endpoint_private_dns"]);
  });
});
