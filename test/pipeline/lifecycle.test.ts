import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ACTIONS } from "../../blueprints/pipeline/facts/github-actions";
import { runCli, tmp } from "../support/cli";

const git = (dir: string, ...args: string[]) =>
  spawnSync("git", ["-c", "user.email=dev@example.com", "-c", "user.name=dev", ...args], { cwd: dir, encoding: "utf8" });
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
const PLAN = ".github/workflows/privatelink-plan.yml";
const OLD_CHECKOUT = "actions/checkout@fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09 # v5.1.0";
const NEW_CHECKOUT = `actions/checkout@${ACTIONS.checkout.sha} # ${ACTIONS.checkout.version}`;

/** Makes the project look written by a generator that pinned an older checkout: the file, its base copy and its hash. */
function writtenWithOldPin(dir: string): void {
  const old = read(dir, PLAN).replaceAll(NEW_CHECKOUT, OLD_CHECKOUT);
  writeFileSync(join(dir, PLAN), old);
  const base = JSON.parse(read(dir, ".privatelink.base.json"));
  base.files[PLAN] = old;
  writeFileSync(join(dir, ".privatelink.base.json"), `${JSON.stringify(base, null, 2)}\n`);
  const provenance = JSON.parse(read(dir, ".privatelink.json"));
  provenance.files[PLAN] = createHash("sha256").update(old).digest("hex");
  writeFileSync(join(dir, ".privatelink.json"), `${JSON.stringify(provenance, null, 2)}\n`);
}

describe("a pipeline's workflows are generated files: check reports the owner's edits, upgrade moves the pins and keeps them", () => {
  const dir = join(tmp("pipeline-lifecycle"), "proj");

  beforeAll(() => {
    const made = runCli([
      dir,
      "--yes",
      ...["--blueprint", "endpoint-service@3", "--region", "us-east-2", "--consumer-accounts", "111122223333"],
      ...["--provider-role", "arn:aws:iam::999988887777:role/NetworkDeployer", "--backend", "s3", "--backend-bucket", "tf-state"],
      ...["--pipeline", "github", "--github-repository", "example-org/network"],
    ]);
    if (made.code !== 0) throw new Error(made.stderr);
    writtenWithOldPin(dir);
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "generated");
  }, 120_000);

  test("GIVEN the owner lowers the plan's parallelism THEN check lists the workflow as theirs and passes; --strict fails on it", () => {
    writeFileSync(join(dir, PLAN), read(dir, PLAN).replace("max-parallel: 20", "max-parallel: 5"));
    const checked = runCli(["check", dir]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain(`modified  ${PLAN} (yours to edit: reported, not a failure)`);
    expect(runCli(["check", dir, "--strict"]).code).toBe(1);
    git(dir, "commit", "-qam", "fewer plans at once");
  });

  test("WHEN upgraded THEN the new pin arrives and the owner's edit stays, with no conflict", () => {
    const result = runCli(["upgrade", dir, "--yes"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    const plan = read(dir, PLAN);
    expect(plan).toContain(NEW_CHECKOUT);
    expect(plan).not.toContain(OLD_CHECKOUT);
    expect(plan).toContain("max-parallel: 5");
    expect(plan).not.toMatch(/<<<<<<<|>>>>>>>/);
  }, 120_000);

  test("GIVEN an edit of a bootstrap root THEN check fails on it: the roles' policies are the generator's", () => {
    const path = "bootstrap/999988887777/main.tf.json";
    writeFileSync(join(dir, path), read(dir, path).replace('"max_session_duration": 3600', '"max_session_duration": 43200'));
    const checked = runCli(["check", dir]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`  modified  ${path}\n`);
  });
});
