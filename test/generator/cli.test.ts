import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, snapshotTree, tmp } from "../support/cli";

describe("create-privatelink CLI", () => {
  test("--help lists the commands, every blueprint and the answer flags", () => {
    const { code, stdout } = runCli(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/create-privatelink blueprints/);
    expect(stdout).toMatch(/service-endpoints@1/);
    for (const flag of [
      "--blueprint",
      "--region",
      "--services",
      "--gateway-services",
      "--consumer-accounts",
      "--provider-role",
      "--answers",
      "--yes",
      "--dry-run",
      "--force",
    ])
      expect(stdout).toContain(flag);
  });

  test("`blueprints` lists each version with its summary", () => {
    const { code, stdout } = runCli(["blueprints"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^service-endpoints@1\s+Interface and gateway VPC endpoints/m);
    expect(stdout).toMatch(
      /^service-endpoints@2\s+Interface and gateway VPC endpoints.*read-only policy templates and organization scoping$/m,
    );
    expect(stdout).toMatch(/^service-endpoints@3\s+Interface and gateway VPC endpoints with data-perimeter policies/m);
    expect(stdout).toMatch(
      /^service-endpoints@4\s+Interface and gateway VPC endpoints with data-perimeter policies, subnets sized.*\(latest\)$/m,
    );
    expect(stdout).toMatch(/^endpoint-service@1\s+Offer a service over PrivateLink/m);
    expect(stdout).toMatch(/^endpoint-consumer@1\s+Connect consumer accounts/m);
  });

  test("`services --region cn-north-1` lists the catalog with China names", () => {
    const { code, stdout } = runCli(["services", "--region", "cn-north-1"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/ec2 .*cn\.com\.amazonaws\.cn-north-1\.ec2/);
  });

  test("GIVEN --yes WHEN run twice into two folders THEN the files are byte-identical, LF only", () => {
    const [a, b] = [join(tmp("det-a"), "same"), join(tmp("det-b"), "same")];
    expect(runCli([a, "--yes"]).code).toBe(0);
    expect(runCli([b, "--yes"]).code).toBe(0);
    const treeA = snapshotTree(a);
    expect(treeA).toEqual(snapshotTree(b));
    expect(Object.keys(treeA)).toEqual(
      expect.arrayContaining([
        "main.ts",
        "package.json",
        "cdktf.json",
        ".privatelink.json",
        "README.md",
        ".gitignore",
        "test/main.test.ts",
        "blueprints/service-endpoints/v4/stack.ts",
      ]),
    );
    for (const content of Object.values(treeA)) expect(content).not.toMatch(/\r/);
  });

  test("GIVEN a project WHEN generated again with its own .privatelink.json and --force THEN nothing changes", () => {
    const dir = join(tmp("rerun"), "proj");
    expect(runCli([dir, "--yes", "--region", "eu-west-1"]).code).toBe(0);
    const before = snapshotTree(dir);
    const again = runCli([dir, "--answers", join(dir, ".privatelink.json"), "--force", "--no-interactive"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Wrote 0 of \d+ files/);
    expect(snapshotTree(dir)).toEqual(before);
    expect(runCli(["check", dir])).toMatchObject({ code: 0, stdout: expect.stringMatching(/Clean/) });
  });

  test("the provenance file records the generator, the blueprint, every answer used and a sha256 of every file", () => {
    const dir = join(tmp("prov"), "proj");
    runCli([dir, "--yes", "--services", "ssm,kms", "--region", "eu-west-1"]);
    const provenance = JSON.parse(readFileSync(join(dir, ".privatelink.json"), "utf8"));
    expect(provenance).toMatchObject({
      generator: "create-privatelink@0.1.0",
      blueprint: "service-endpoints@4",
      region: "eu-west-1",
      services: ["ssm", "kms"],
      projectName: "proj",
    });
    expect(provenance).not.toHaveProperty("consumerAccounts");
    const tree = snapshotTree(dir);
    expect(Object.keys(provenance.files).sort()).toEqual(
      Object.keys(tree)
        .filter((p) => p !== ".privatelink.json" && p !== ".privatelink.base.json")
        .sort(),
    );
    const { createHash } = require("node:crypto");
    for (const [path, hash] of Object.entries(provenance.files)) expect(createHash("sha256").update(tree[path]).digest("hex")).toBe(hash);
  });

  test("flags win over the answers file, which wins over defaults", () => {
    const dir = tmp("prec");
    const answers = join(dir, "answers.json");
    writeFileSync(answers, JSON.stringify({ region: "eu-west-1", services: ["kms"], gatewayServices: [] }));
    const { code } = runCli([join(dir, "p"), "--answers", answers, "--region", "eu-central-1", "--yes"]);
    expect(code).toBe(0);
    const provenance = JSON.parse(readFileSync(join(dir, "p", ".privatelink.json"), "utf8"));
    expect(provenance).toMatchObject({ region: "eu-central-1", services: ["kms"], gatewayServices: [], vpcCidr: "10.0.0.0/16" });
  });

  test("GIVEN no TTY and no --yes WHEN answers are missing THEN exit 2 naming the missing flags, nothing written", () => {
    const parent = tmp("missing");
    const { code, stderr } = runCli([join(parent, "p"), "--region", "eu-west-1"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /pass --blueprint, --name, --vpc, --vpc-cidr, --availability-zones, --ip-address-type, --services, --gateway-services/,
    );
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(parent, "p"))).toBe(false);
  });

  test("GIVEN a non-empty folder WHEN run without --force THEN exit 2 and the folder is untouched", () => {
    const dir = tmp("nonempty");
    writeFileSync(join(dir, "mine.txt"), "keep me");
    const { code, stderr } = runCli([dir, "--yes"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/`dir`: .* is not empty; choose a new or empty directory, or pass --force/);
    expect(snapshotTree(dir)).toEqual({ "mine.txt": "keep me" });
  });

  test("GIVEN --force WHEN the folder holds other files THEN they are kept and only generated files are written", () => {
    const dir = tmp("force");
    writeFileSync(join(dir, "mine.txt"), "keep me");
    expect(runCli([dir, "--yes", "--force"]).code).toBe(0);
    expect(readFileSync(join(dir, "mine.txt"), "utf8")).toBe("keep me");
    expect(existsSync(join(dir, "main.ts"))).toBe(true);
  });

  test("--dry-run prints the plan with a diff against existing files and writes nothing", () => {
    const dir = join(tmp("dry"), "proj");
    runCli([dir, "--yes"]);
    writeFileSync(join(dir, "main.ts"), readFileSync(join(dir, "main.ts"), "utf8").replace('"ssm"', '"ssm", "kms"'));
    const before = snapshotTree(dir);
    const { code, stdout } = runCli([dir, "--yes", "--dry-run"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Dry run: \d+ files for .*; nothing written\./);
    expect(stdout).toMatch(/^overwrite main\.ts$/m);
    expect(stdout).toMatch(/^unchanged package\.json$/m);
    expect(stdout).toMatch(/^-.*"ssm", "kms"/m);
    expect(snapshotTree(dir)).toEqual(before);

    const fresh = join(tmp("dry-new"), "proj");
    const created = runCli([fresh, "--yes", "--dry-run"]);
    expect(created.stdout).toMatch(/^create\s+main\.ts$/m);
    expect(existsSync(fresh)).toBe(false);
  });

  test("the closing summary lists the next commands and a cost estimate with its assumptions", () => {
    const dir = join(tmp("summary"), "proj");
    const { stdout } = runCli([dir, "--yes", "--services", "ssm,kms,logs", "--availability-zones", "use1-az1,use1-az2,use1-az4"]);
    expect(stdout).toMatch(/Wrote \d+ of \d+ files/);
    expect(stdout).toMatch(/npm install\n\s+npm run synth\n\s+npm test\n\s+npm run cdktf -- deploy proj/);
    expect(stdout).toMatch(/3 x 3 AZ x 730 h x USD 0.01 = about USD 65.70 per month/);
    expect(stdout).toMatch(/Assumed: us-east-1 list prices/);
  });
});
