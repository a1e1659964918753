import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PIPELINE_FIXTURES } from "../fixtures/pipeline";
import { terraformOptedOut, terraformProblem } from "../support/terraform";
import { checkStacks, type RootCheck } from "../support/terraform-root";
import type { TfJson } from "../support/tf-json";

const EXAMPLES = join(__dirname, "..", "..", "examples");

/** Every bootstrap root of the pipeline fixtures, as a module of one shared root. */
const roots = PIPELINE_FIXTURES.flatMap((fixture) =>
  readdirSync(join(EXAMPLES, fixture.name, "bootstrap"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      name: `${fixture.name}__${entry.name}`,
      json: JSON.parse(readFileSync(join(EXAMPLES, fixture.name, "bootstrap", entry.name, "main.tf.json"), "utf8")) as TfJson,
    })),
);

const skip = terraformOptedOut() && terraformProblem() !== undefined;
(skip ? describe.skip : describe)("the pipeline's bootstrap: real terraform with hashicorp/aws 5.100.0", () => {
  let validated: RootCheck;
  let check: RootCheck;
  beforeAll(async () => {
    validated = await checkStacks(roots, { plan: false });
    // A plan without AWS cannot learn the account, so the account guard goes (a test below states it).
    const offline = roots.map((root) => {
      const json = structuredClone(root.json) as TfJson & { provider: { aws: Record<string, unknown>[] } };
      for (const provider of json.provider.aws) delete provider.allowed_account_ids;
      return { name: root.name, json };
    });
    check = await checkStacks(offline, { plan: true });
  }, 600_000);

  test("GIVEN every account's bootstrap THEN terraform validates it and plans only creations: the OIDC provider, the roles, their policies", () => {
    expect(roots.length).toBe(26 + 6 + 2); // 25 consumers and the provider; 5 spoke accounts and the hub; the pipeline's account and the provider's
    expect(validated.validate).toEqual([]);
    expect(validated.valid).toBe(true);
    expect(check.planDiagnostics.filter((d) => d.severity === "error")).toEqual([]);
    for (const root of roots) {
      const resources = root.json.resource as Record<string, Record<string, unknown>>;
      const count = Object.values(resources).reduce((n, byName) => n + Object.keys(byName).length, 0);
      expect([root.name, check.planned.get(root.name)]).toEqual([root.name, Array.from({ length: count }, () => "create")]);
    }
    expect(check.summary).toMatchObject({ change: 0, remove: 0 });
  });

  test("GIVEN each bootstrap root THEN it refuses credentials of any other account than its folder's", () => {
    for (const root of roots) {
      const account = root.name.split("__")[1];
      expect((root.json.provider as { aws: { allowed_account_ids: string[] }[] }).aws).toEqual([
        expect.objectContaining({ allowed_account_ids: [account] }),
      ]);
    }
  });
});
