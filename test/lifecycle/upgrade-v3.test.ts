import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ADVISORIES, advisoriesFor, advisoriesForProject, checkAdvisories } from "../../generator/advisories";
import { BLUEPRINTS } from "../../generator/registry";
import { runCli, tmp } from "../support/cli";

const git = (dir: string, ...args: string[]) =>
  spawnSync("git", ["-c", "user.email=dev@example.com", "-c", "user.name=dev", ...args], { cwd: dir, encoding: "utf8" });

/** A committed project of `blueprint`, as a user would have it. */
function project(label: string, blueprint: string, ...flags: string[]): string {
  const dir = join(tmp(label), "proj");
  const result = runCli([dir, "--yes", "--blueprint", blueprint, "--region", "eu-west-1", ...flags]);
  if (result.code !== 0) throw new Error(result.stderr);
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "generated");
  return dir;
}

describe("advisories: known defects of released versions, reported by check like npm audit", () => {
  test("the table holds together: unique IDs, released versions older than the fix", () => {
    const versionsOf = (name: string) => BLUEPRINTS.filter((b) => b.manifest.name === name).map((b) => b.manifest.version);
    expect(() => checkAdvisories(ADVISORIES, versionsOf)).not.toThrow();
    expect(advisoriesFor("service-endpoints", 4)).toEqual([]);
    expect(advisoriesFor("endpoint-service", 3)).toEqual([]);
  });

  test.each([["service-endpoints@1"], ["service-endpoints@2"]])(
    "GIVEN an untouched %s project THEN check lists its advisories with the fixing version and exits 1",
    (blueprint) => {
      const dir = project("advisories", blueprint, "--services", "ssm,sts,execute-api,dynamodb");
      const text = runCli(["check", dir]);
      expect(text.code).toBe(1);
      expect(text.stdout).toContain(
        `advisory  PL-2026-001 ${blueprint}: the S3 endpoint policy blocks ECR image layer downloads, Amazon Linux repositories and SSM Agent buckets`,
      );
      expect(text.stdout).toMatch(/PL-2026-002 .*: the STS endpoint policy blocks web-identity and SAML federation.*; fixed in @3/);
      expect(text.stdout).toMatch(
        /^Found a newer blueprint \(service-endpoints@4\), 7 known defect\(s\) of service-endpoints@\d: see above; create-privatelink upgrade fixes the defects and moves to the newest \(it needs zone IDs: see outdated\)\.\n$/m,
      );
      const json = runCli(["check", dir, "--json"]);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({
        modified: [],
        newerBlueprint: "service-endpoints@4",
        advisories: expect.arrayContaining([expect.objectContaining({ id: "PL-2026-005", fixedIn: 3, versions: [1, 2] })]),
      });
    },
  );

  test("GIVEN a project without the services or places a defect is in THEN check leaves that advisory out", () => {
    // ssm, ssmmessages, ec2messages and the S3 gateway, in a new VPC by zone names in eu-west-1
    const dir = project("advisories-some", "service-endpoints@2");
    const json = JSON.parse(runCli(["check", dir, "--json"]).stdout);
    expect(json.advisories.map((a: { id: string }) => a.id)).toEqual(["PL-2026-001", "PL-2026-005", "PL-2026-013", "PL-2026-024"]);
    const suppressed = JSON.parse(readFileSync(join(dir, ".privatelink.json"), "utf8")).suppressions.map((s: { rule: string }) => s.rule);
    expect(suppressed).toEqual(["PL_S3_AWS_OWNED_READS", "PL_ZONE_NAMES", "PL_S3_TRUSTED_RESOURCES"]);
  });

  test.each([
    ["an STS endpoint", { services: ["sts"] }, ["PL-2026-002"]],
    ["an STS endpoint by its full name", { services: ["com.amazonaws.eu-west-1.sts"] }, ["PL-2026-002"]],
    [
      "an S3 interface endpoint by its full name",
      { services: ["com.amazonaws.eu-west-1.s3"] },
      ["PL-2026-001", "PL-2026-013", "PL-2026-024"],
    ],
    [
      "a DynamoDB endpoint by its full name (a custom service to v1, without private DNS)",
      { services: ["com.amazonaws.eu-west-1.dynamodb"] },
      [],
    ],
    ["execute-api", { services: ["execute-api"] }, ["PL-2026-003"]],
    ["an endpoint service", { services: ["com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"] }, ["PL-2026-004"]],
    ["a DynamoDB interface endpoint", { services: ["dynamodb"] }, ["PL-2026-006"]],
    ["an S3 interface endpoint", { services: ["s3"] }, ["PL-2026-001", "PL-2026-013", "PL-2026-024"]],
    ["the S3 gateway", { gatewayServices: ["s3"] }, ["PL-2026-001", "PL-2026-013", "PL-2026-024"]],
    ["zone names in eu-west-1", { vpc: "new", availabilityZones: ["eu-west-1a"] }, ["PL-2026-005"]],
    ["zone IDs in eu-west-1", { vpc: "new", availabilityZones: ["euw1-az1"] }, []],
    ["an existing VPC", { vpc: "existing", availabilityZones: ["eu-west-1a"] }, []],
    ["Polly in cn-northwest-1", { region: "cn-northwest-1", services: ["polly"] }, ["PL-2026-007"]],
    ["Polly in cn-north-1, whose name v1 has right", { region: "cn-north-1", services: ["polly"] }, []],
    ["other services in cn-northwest-1", { region: "cn-northwest-1", services: ["ssm", "sts"] }, ["PL-2026-002"]],
  ])("GIVEN %s THEN exactly its advisory applies", (_what, answers, ids) => {
    const project = { region: "eu-west-1", services: [], gatewayServices: [], vpc: "existing", ...answers };
    expect(advisoriesForProject("service-endpoints", 1, project).map((a) => a.id)).toEqual(ids);
  });

  test("GIVEN a v4 project THEN check has no advisory and is clean", () => {
    const dir = project("v4-clean", "service-endpoints@4");
    expect(runCli(["check", dir])).toMatchObject({ code: 0, stdout: expect.not.stringContaining("advisory") });
  });
});

describe("upgrade service-endpoints v2 → v3 with an edit in main.ts", () => {
  test("GIVEN zone names recorded in eu-west-1 THEN upgrade asks for zone IDs; with them, the edit and v3 are both in the result and the advisories are gone", () => {
    const dir = project("v2-to-v3", "service-endpoints@2");
    const main = join(dir, "main.ts");
    writeFileSync(
      main,
      readFileSync(main, "utf8")
        .replace(
          'interfaceServices: ["ssm", "ssmmessages", "ec2messages"],',
          'interfaceServices: ["ssm", "ssmmessages", "ec2messages", "kms"], // kms for SOPS',
        )
        .concat("// deployed by the platform team\n"),
    );
    git(dir, "commit", "-qam", "kms");

    const refused = runCli(["upgrade", dir, "--yes", "--to", "service-endpoints@3"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /`availabilityZones\[0\]`: "eu-west-1a" is a zone name recorded in \.privatelink\.json; service-endpoints@3 places by zone ID .*--lookup.*--availability-zones/,
    );

    const result = runCli(["upgrade", dir, "--yes", "--to", "service-endpoints@3", "--availability-zones", "euw1-az1,euw1-az2"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/from service-endpoints@2 to service-endpoints@3/);
    expect(result.stdout).toMatch(/merged\s+main\.ts/);
    const merged = readFileSync(main, "utf8");
    expect(merged).toContain('interfaceServices: ["ssm", "ssmmessages", "ec2messages", "kms"], // kms for SOPS');
    expect(merged).toContain("// deployed by the platform team");
    expect(merged).toContain('from "./blueprints/service-endpoints/v3/index.ts"');
    expect(merged).toContain('availabilityZones: ["euw1-az1", "euw1-az2"]');
    expect(merged).not.toMatch(/<<<<<<<|>>>>>>>/);

    const check = runCli(["check", dir]);
    expect(check.stdout).toMatch(/modified\s+main\.ts/);
    // v2's advisories are gone; v4 is newer, and fixes v3's own (PL-2026-013: the S3 gateway's buckets)
    expect(check.stdout).not.toMatch(/PL-2026-00\d/);
    expect(check.stdout).toMatch(/outdated\s+service-endpoints@3 → service-endpoints@4 is available/);
  });
});
