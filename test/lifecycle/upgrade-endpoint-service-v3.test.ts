import { spawnSync } from "node:child_process";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tmp } from "../support/cli";

const git = (dir: string, ...args: string[]) =>
  spawnSync("git", ["-c", "user.email=dev@example.com", "-c", "user.name=dev", ...args], { cwd: dir, encoding: "utf8" });
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
const stack = (dir: string, id: string) => JSON.parse(read(dir, join("cdktf.out", "stacks", id, "cdk.tf.json")));

/**
 * An endpoint-service@2 project with both of v2's second-apply defects (private DNS in two places,
 * supported_regions without the home region), committed to git, with the user's edits in main.ts.
 */
function v2Project(): string {
  const dir = join(tmp("es-v3"), "proj");
  const consumers = JSON.stringify([{ account: "111122223333" }, { account: "444455556666", region: "us-west-2" }]);
  const result = runCli([
    dir,
    "--yes",
    "--blueprint",
    "endpoint-service@2",
    "--region",
    "us-east-1",
    "--supported-regions",
    "us-west-2",
    "--consumers",
    consumers,
    "--private-dns-name",
    "api.example.com",
    "--hosted-zone-id",
    "Z0123456789ABCDEFGHIJ",
  ]);
  if (result.code !== 0) throw new Error(result.stderr);
  const main = read(dir, "main.ts")
    .replace("  app.synth();", "  app.synth(); // every stack, in one app")
    .concat("// reviewed by the network team\n");
  writeFileSync(join(dir, "main.ts"), main);
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "v2 with edits");
  return dir;
}

describe("upgrade endpoint-service v2 → v3: the second apply fixed, the user's edits kept", () => {
  const dir = v2Project();

  test("GIVEN the v2 project THEN check reports PL-2026-008 and PL-2026-009, and lint reports both rules as suppressed with them", () => {
    const check = runCli(["check", dir]);
    expect(check.stdout).toContain("PL-2026-008 endpoint-service@2");
    expect(check.stdout).toContain("PL-2026-009 endpoint-service@2");
    const suppressed = JSON.parse(read(dir, ".privatelink.json")).suppressions.map((s: { rule: string }) => s.rule);
    expect(suppressed).toEqual(["PL_SUPPORTED_REGIONS_HOME", "PL_ATTRIBUTE_TWO_PLACES"]);
  });

  test("WHEN it is upgraded with --yes THEN it is on v3, the edits stay, the suppressions are gone, and check reports no advisory", () => {
    const result = runCli(["upgrade", dir, "--yes"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Upgraded .* from endpoint-service@2 to endpoint-service@3/);
    const main = read(dir, "main.ts");
    expect(main).toContain("app.synth(); // every stack, in one app");
    expect(main).toContain("// reviewed by the network team");
    expect(main).toContain('from "./blueprints/endpoint-service/v3/index.ts"');
    expect(main).not.toMatch(/<<<<<<<|>>>>>>>/);
    const provenance = JSON.parse(read(dir, ".privatelink.json"));
    expect(provenance).toMatchObject({ blueprint: "endpoint-service@3", suppressions: [] });
    expect(runCli(["check", dir]).stdout).not.toContain("advisory");
  });

  test("THEN its synthesized stacks give each attribute one owner and state the home region", () => {
    symlinkSync(join(__dirname, "..", "..", "node_modules"), join(dir, "node_modules"), "dir");
    const synth = spawnSync(process.execPath, ["--import", "tsx", "main.ts"], { cwd: dir, encoding: "utf8" });
    expect(synth.stderr).toBe("");
    const [endpoint] = Object.values(stack(dir, "consumer-444455556666").resource.aws_vpc_endpoint) as Record<string, unknown>[];
    expect(endpoint).not.toHaveProperty("private_dns_enabled");
    expect(endpoint).toMatchObject({ service_region: "us-east-1" });
    const [service] = Object.values(stack(dir, "provider").resource.aws_vpc_endpoint_service) as Record<string, unknown>[];
    expect(service.supported_regions).toEqual(["us-east-1", "us-west-2"]);
    for (const id of ["provider", "consumer-111122223333", "acceptance", "private-dns-444455556666"])
      expect(stack(dir, id).terraform.required_version).toBe(">= 1.10");
    const lint = runCli(["lint", dir]);
    expect([lint.code, lint.stdout]).toEqual([0, expect.stringMatching(/^0 finding\(s\), 0 suppressed/m)]);
  });
});
