import { RULES } from "../../blueprints/lib/lint";
import { ADVISORIES, defaultSuppressions, isAdvisorySuppression } from "../../generator/advisories";
import { resolveAnswers } from "../../generator/answers/resolve";
import { planProject } from "../../generator/plan/plan";
import type { Suppression } from "../../generator/provenance";

const suppressionsOf = async (blueprint: string, owner: readonly Suppression[] = []): Promise<Suppression[]> => {
  const resolved = await resolveAnswers({ file: { projectName: "proj", blueprint } }, { yes: true });
  const file = planProject(resolved, owner).files.find((f) => f.path === ".privatelink.json");
  return JSON.parse(file?.content ?? "{}").suppressions;
};

describe("suppressions for known defects (advisories.ts → .privatelink.json)", () => {
  test("GIVEN the advisories THEN each names lint rules that exist", () => {
    const ids = RULES.map((r) => r.id);
    for (const a of ADVISORIES) for (const rule of a.rules) expect(ids).toContain(rule);
  });

  test("GIVEN service-endpoints@2 THEN one suppression per rule of each advisory, with the advisory and the fix as reason", () => {
    const defaults = defaultSuppressions("service-endpoints", 2);
    expect(defaults.map((s) => s.rule)).toEqual([
      "PL_S3_AWS_OWNED_READS",
      "PL_STS_FEDERATION",
      "PL_EXECUTE_API_UNSIGNED",
      "PL_ENDPOINT_SERVICE_POLICY",
      "PL_ZONE_NAMES",
      "PL_DYNAMODB_PRIVATE_DNS",
      "PL_SSM_READ_ONLY_AGENT",
      "PL_SUBNET_CAPACITY",
      "PL_LOCKFILE_TERRAFORM_VERSION",
      "PL_S3_TRUSTED_RESOURCES",
    ]);
    expect(defaults[0].reason).toBe("known defect PL-2026-001 of service-endpoints@2, fixed in @3: run `create-privatelink upgrade`");
    expect(defaults.every((s) => isAdvisorySuppression(s))).toBe(true);
  });

  test("GIVEN a fixed or unaffected version THEN there are none", () => {
    expect(defaultSuppressions("service-endpoints", 4)).toEqual([]);
    expect(defaultSuppressions("endpoint-service", 3)).toEqual([]);
    expect(defaultSuppressions("endpoint-hub", 2)).toEqual([]);
    expect(defaultSuppressions("endpoint-consumer", 2)).toEqual([]);
  });

  test("GIVEN a new service-endpoints@1 project THEN .privatelink.json carries the defaults of the advisories it has", async () => {
    // ssm, ssmmessages, ec2messages and the S3 gateway in a new VPC by zone names in us-east-1: the S3 (reads, trusted resources) and zone-name defects
    const written = await suppressionsOf("service-endpoints@1");
    expect(written.map((s) => s.rule)).toEqual(["PL_S3_AWS_OWNED_READS", "PL_ZONE_NAMES", "PL_S3_TRUSTED_RESOURCES"]);
    expect(written.every((s) => isAdvisorySuppression(s))).toBe(true);
  });

  test("GIVEN owner suppressions THEN they come first, and a rule the owner already turned off is not added twice", async () => {
    const owner = [
      { rule: "CKV_AWS_150", reason: "Short-lived test environment" },
      { rule: "PL_ZONE_NAMES", reason: "All our accounts share one zone mapping" },
    ];
    const written = await suppressionsOf("service-endpoints@2", owner);
    expect(written.slice(0, 2)).toEqual(owner);
    expect(written.filter((s) => s.rule === "PL_ZONE_NAMES")).toHaveLength(1);
    expect(written.map((s) => s.rule)).toEqual(["CKV_AWS_150", "PL_ZONE_NAMES", "PL_S3_AWS_OWNED_READS", "PL_S3_TRUSTED_RESOURCES"]);
  });

  test("GIVEN a project upgraded to @3 THEN the suppressions its old version's advisories wrote are dropped, the owner's kept", async () => {
    const owner = { rule: "CKV_AWS_150", reason: "Short-lived test environment" };
    expect(await suppressionsOf("service-endpoints@3", [owner, ...defaultSuppressions("service-endpoints", 2)])).toEqual([owner]);
  });
});
