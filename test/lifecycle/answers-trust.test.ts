import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkProject } from "../../generator/lifecycle/check";
import { runCli, tmp } from "../support/cli";
import { EXAMPLES_DIR } from "../support/examples";

/**
 * check judges a project's advisories on its recorded answers; answers edited
 * by hand (zone names made IDs while main.ts keeps the names) must not hide a
 * defect. The answers are trusted only while they still render the main.ts the
 * project recorded.
 */
describe("answers edited by hand in .privatelink.json", () => {
  it("are reported, and every advisory of the version is listed (PL-2026-005 stays while main.ts has names)", () => {
    const dir = join(tmp("hand-edited"), "proj");
    expect(runCli([dir, "--yes", "--blueprint", "service-endpoints@1"]).code).toBe(0);
    const record = join(dir, ".privatelink.json");
    const provenance = JSON.parse(readFileSync(record, "utf8"));
    expect(checkProject(dir).untrustedAnswers).toBe(false);
    writeFileSync(record, `${JSON.stringify({ ...provenance, availabilityZones: ["use1-az1", "use1-az2"] }, null, 2)}\n`);
    const report = checkProject(dir);
    expect(report.untrustedAnswers).toBe(true);
    expect(report.advisories.map((a) => a.id)).toContain("PL-2026-005");
    const check = runCli(["check", dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("untrusted .privatelink.json: its answers no longer give the main.ts it recorded");
    expect(check.stdout).toMatch(/^Found answers in \.privatelink\.json edited by hand, /m);
  });

  it("never for a project as generated: every example's answers render its main.ts", () => {
    const names = readdirSync(EXAMPLES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(names.length).toBeGreaterThan(30);
    const untrusted = names.filter((e) => checkProject(join(EXAMPLES_DIR, e.name)).untrustedAnswers).map((e) => e.name);
    expect(untrusted).toEqual([]);
  });
});
