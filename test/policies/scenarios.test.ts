import { perimeterKind } from "../../blueprints/lib/perimeter";
import { READ_ONLY_ACTIONS } from "../../blueprints/service-endpoints/v3/policy-templates";
import { advisoriesFor } from "../../generator/advisories";
import { ALL_FIXTURES } from "../fixtures";
import { FOREIGN_ACCOUNT } from "../support/perimeter-scenarios";
import { bindTokens, type Scenario, scenariosFor, simulate } from "../support/simulate";
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
const RENAMED = "210987654321";
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
    "GIVEN %s (v3) THEN every endpoint policy matches every scenario",
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

  test.each(ALL_FIXTURES.filter((f) => !isServiceEndpoints(f)).map((f) => [f.name, f] as const))(
    "GIVEN %s (other blueprints) THEN every endpoint policy matches every scenario for the accounts it admits, and only endpoints to endpoint services carry none",
    async (_name, fixture) => {
      const { answers } = await fixtureAnswers(fixture);
      for (const stack of await synthFixture(fixture)) {
        for (const body of bodiesOf(stack.json, "aws_vpc_endpoint")) {
          const serviceName = body.service_name as string;
          if (body.policy === undefined) {
            // AWS accepts no policy but full access on an endpoint to an endpoint service.
            expect({ serviceName, endpointService: /vpce-svc|aws_vpc_endpoint_service|cross-stack-output/.test(serviceName) }).toEqual({
              serviceName,
              endpointService: true,
            });
            continue;
          }
          const tokens = Object.fromEntries([...(body.policy as string).matchAll(CALLER_TOKEN)].map((m) => [m[0], DEPLOYING]));
          // The scenario table's stranger is 999988887777; a fixture that uses it as its own account is renamed here.
          const policy = bindTokens((body.policy as string).split(FOREIGN_ACCOUNT).join(RENAMED), tokens);
          // The accounts a policy admits are the project's (hub and spokes); the table proves what else passes and what does not.
          const statements = (typeof policy === "string" ? JSON.parse(policy) : policy).Statement as {
            Sid: string;
            Resource: string | string[];
            Condition: Record<string, Record<string, string | string[]>>;
          }[];
          const own = statements.find((st) => /^AllowOwnPrincipals/.test(st.Sid));
          // execute-api has no identity statement: its own accounts are those of the APIs it admits.
          const accounts = own
            ? ([own.Condition.StringEquals["aws:PrincipalAccount"]].flat() as string[])
            : [statements[0].Resource].flat().map((arn: string) => arn.split(":")[4]);
          const scenarios = scenariosFor(perimeterKind(serviceName), { region: answers.region as string, accounts });
          const decisions = await Promise.all(scenarios.map((sc) => simulate(policy, sc.request)));
          const mismatches = scenarios.flatMap((sc, i) => (decisions[i] === sc.expected ? [] : [`${sc.name}: ${decisions[i]}`]));
          expect({ endpoint: `${stack.id} ${serviceName}`, mismatches }).toEqual({
            endpoint: `${stack.id} ${serviceName}`,
            mismatches: [],
          });
        }
      }
    },
    60_000,
  );
});
