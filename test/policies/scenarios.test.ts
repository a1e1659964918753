import { AWS_OWNED_FEATURES, perimeterKind } from "../../blueprints/lib/perimeter";
import { checkEndpointPolicies } from "../../blueprints/lib/perimeter/table/policy-table";
import { bindTokens, type Scenario, scenariosFor, simulate } from "../../blueprints/lib/perimeter/table/simulate";
import { READ_ONLY_ACTIONS } from "../../blueprints/service-endpoints/v3/policy-templates";
import { advisoriesFor } from "../../generator/advisories";
import { ALL_FIXTURES } from "../fixtures";
import { type Fixture, fixtureAnswers, synthFixture } from "../support/synth";
import { bodiesOf } from "../support/tf-json";

/**
 * The scenario table over every fixture: each synthesized endpoint policy is
 * simulated against the requests its kind of endpoint must let through or
 * stop (`scenariosFor`). v3 must match every scenario. v1 and v2 are frozen
 * with known defects: their mismatches must be exactly the advisories'.
 */

/** The literal the deploying account's token is bound to (not one of the scenario table's own accounts). */
const DEPLOYING = "123456789012";
const AGENT = ["ssmmessages", "ec2messages"];
const CALLER_TOKEN = /\$\{data\.aws_caller_identity\.[A-Za-z0-9_]+\.account_id\}/g;

/** Which advisory a mismatching scenario is an instance of, by what it asks. */
function advisoryOf(scenario: Scenario): string {
  if (/AWS-owned|ECR layer|AWS service principal/.test(scenario.name)) return "PL-2026-001";
  if (/AssumeRoleWith(WebIdentity|SAML)/.test(scenario.name)) return "PL-2026-002";
  if (/API/.test(scenario.name)) return "PL-2026-003";
  return "no advisory";
}

interface PolicyRun {
  readonly endpoint: string;
  readonly mismatches: { scenario: Scenario; decision: string }[];
  readonly count: number;
}

async function runFixture(fixture: Fixture): Promise<PolicyRun[]> {
  const { answers } = await fixtureAnswers(fixture);
  const a = answers as Record<string, unknown>;
  const version = Number(String(a.blueprint).split("@")[1]);
  const readOnly = (a.readOnlyServices as string[] | undefined) ?? [];
  const services = (a.services as string[] | undefined) ?? [];
  const runs: PolicyRun[] = [];
  for (const stack of await synthFixture(fixture)) {
    for (const body of bodiesOf(stack.json, "aws_vpc_endpoint").filter((e) => e.policy !== undefined)) {
      const serviceName = body.service_name as string;
      const key = serviceName.replace(/^(?:cn\.)?com\.amazonaws\.[a-z0-9-]+\./, "");
      const kind = perimeterKind(serviceName);
      const tokens = Object.fromEntries([...(body.policy as string).matchAll(CALLER_TOKEN)].map((m) => [m[0], DEPLOYING]));
      const policy = bindTokens(body.policy as string, tokens);
      const accounts = (a.allowedAccounts as string[]).length > 0 ? (a.allowedAccounts as string[]) : [DEPLOYING];
      const scenarios = scenariosFor(kind, {
        region: a.region as string,
        ...(a.organizationId ? { organizationId: a.organizationId as string } : { accounts }),
        ...(readOnly.includes(key) ? { service: key, actions: READ_ONLY_ACTIONS[key] } : {}),
        trustedResources: version >= 3 && kind === "s3" && a.trustedResources !== "no",
        // v4: every AWS-owned bucket (CodeArtifact assets, Elastic Beanstalk), and the SSM Agent under a read-only ssm
        ...(version >= 4
          ? { awsOwnedFeatures: AWS_OWNED_FEATURES, ssmAgent: key === "ssm" && services.some((s) => AGENT.includes(s)) }
          : {}),
      });
      const decisions = await Promise.all(scenarios.map((s) => simulate(policy, s.request)));
      runs.push({
        endpoint: `${body.vpc_endpoint_type} ${serviceName}`,
        count: scenarios.length,
        mismatches: scenarios.flatMap((scenario, i) => (decisions[i] === scenario.expected ? [] : [{ scenario, decision: decisions[i] }])),
      });
    }
  }
  return runs;
}

const isServiceEndpoints = (f: Fixture) => String(f.answers.blueprint).startsWith("service-endpoints@");
const versionOf = (f: Fixture) => Number(String(f.answers.blueprint).split("@")[1]);

describe("endpoint policies of every fixture against the perimeter scenario table", () => {
  test.each(ALL_FIXTURES.filter((f) => isServiceEndpoints(f) && versionOf(f) >= 3).map((f) => [f.name, f] as const))(
    "GIVEN %s (v3 and later) THEN every endpoint policy matches every scenario",
    async (_name, fixture) => {
      const runs = await runFixture(fixture);
      expect(runs.length).toBeGreaterThan(0);
      for (const run of runs) {
        expect({ endpoint: run.endpoint, mismatches: run.mismatches.map((m) => `${m.scenario.name}: ${m.decision}`) }).toEqual({
          endpoint: run.endpoint,
          mismatches: [],
        });
      }
    },
    60_000,
  );

  test.each(ALL_FIXTURES.filter((f) => isServiceEndpoints(f) && versionOf(f) < 3).map((f) => [f.name, f] as const))(
    "GIVEN %s (v1/v2, frozen) THEN every mismatch is a known defect its advisories report",
    async (_name, fixture) => {
      const reported = advisoriesFor("service-endpoints", versionOf(fixture)).map((a) => a.id);
      for (const run of await runFixture(fixture)) {
        const kind = perimeterKind(run.endpoint.split(" ")[1]);
        const advisories = [...new Set(run.mismatches.map((m) => advisoryOf(m.scenario)))];
        for (const id of advisories)
          expect({ endpoint: run.endpoint, advisory: id, reported: reported.includes(id) }).toMatchObject({ reported: true });
        // The defect shows wherever its kind of endpoint is; other endpoints pass.
        expect({ endpoint: run.endpoint, advisories }).toEqual({
          endpoint: run.endpoint,
          advisories: { s3: ["PL-2026-001"], sts: ["PL-2026-002"], "execute-api": ["PL-2026-003"], default: [] }[kind],
        });
      }
    },
    60_000,
  );

  test.each(ALL_FIXTURES.filter((f) => !isServiceEndpoints(f) || versionOf(f) >= 3).map((f) => [f.name, f] as const))(
    "GIVEN %s THEN the table a generated project runs (options read off each policy) finds every policy sound, and only endpoints to endpoint services carry none",
    async (_name, fixture) => {
      const { answers } = await fixtureAnswers(fixture);
      for (const stack of await synthFixture(fixture)) {
        for (const check of await checkEndpointPolicies(stack.json as never, answers.region as string)) {
          expect({ endpoint: `${stack.id} ${check.endpoint}`, mismatches: check.mismatches }).toEqual({
            endpoint: `${stack.id} ${check.endpoint}`,
            mismatches: [],
          });
        }
      }
    },
    60_000,
  );

  test("GIVEN service-endpoints@4 THEN the table runs the SSM Agent's calls under the read-only ssm, and a CodeArtifact asset download, and each passes", async () => {
    const byName = (name: string) => ALL_FIXTURES.find((f) => f.name === name)!;
    const names = async (name: string) =>
      (await runFixture(byName(name))).flatMap((r) => (r.mismatches.length === 0 ? [`${r.endpoint.split(".").pop()}: ${r.count}`] : []));
    const agent = await runFixture(byName("se4-read-only-ssm-agent"));
    const ssm = agent.find((r) => r.endpoint.endsWith(".ssm"))!;
    expect(ssm.mismatches).toEqual([]);
    const counts = await names("se4-codeartifact");
    expect(counts.some((c) => c.startsWith("s3:"))).toBe(true);
    const s3 = scenariosFor("s3", { region: "us-east-1", accounts: [DEPLOYING], awsOwnedFeatures: AWS_OWNED_FEATURES }).map((s) => s.name);
    expect(s3).toContain("CodeArtifact asset download presigned by CodeArtifact (assets-193858265520-us-east-1)");
    expect(scenariosFor("default", { region: "eu-west-1", accounts: [DEPLOYING], ssmAgent: true }).map((s) => s.name)).toContain(
      "SSM Agent of an own instance: ssm:UpdateInstanceInformation",
    );
  });

  test("GIVEN service-endpoints@3's read-only ssm next to the agent's endpoints (PL-2026-011) THEN the table a project runs finds the agent's calls denied", async () => {
    const v3 = {
      name: "se3-read-only-ssm-agent",
      description: "",
      answers: { ...byNameAnswers("se4-read-only-ssm-agent"), blueprint: "service-endpoints@3" },
    };
    const [stack] = await synthFixture(v3);
    const checks = await checkEndpointPolicies(stack.json as never, "eu-west-1");
    const ssm = checks.find((c) => c.endpoint.endsWith(".ssm"))!;
    expect(ssm.mismatches).toEqual(
      expect.arrayContaining(["SSM Agent of an own instance: ssm:UpdateInstanceInformation: ImplicitlyDenied"]),
    );
  });
});

function byNameAnswers(name: string): Record<string, unknown> {
  return { ...ALL_FIXTURES.find((f) => f.name === name)!.answers };
}
