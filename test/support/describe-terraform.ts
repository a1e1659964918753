import { type Fixture, synthFixture } from "./synth";
import { terraformOptedOut, terraformProblem } from "./terraform";
import { BACKEND_IGNORED, checkStacks, type RootCheck, readsNothing } from "./terraform-root";

/** The module name a fixture's stack gets in the shared root. */
const moduleName = (fixture: string, stack: string) => `${fixture}__${stack}`;

/**
 * For each fixture: synthesize, then the real terraform with hashicorp/aws 5.100.0:
 * `validate` of every stack, and `plan -refresh=false` of every stack that reads no
 * data source (nothing to ask AWS). All fixtures of a file share one root module, each
 * stack a child module of it, so terraform is initialised twice per file instead of
 * twice per stack; each fixture's test then reads what terraform said of its own
 * modules. Skipped only on an explicit opt-out.
 */
export function describeTerraform(title: string, fixtures: readonly Fixture[]): void {
  const skip = terraformOptedOut() && terraformProblem() !== undefined;
  (skip ? describe.skip : describe)(`${title}: real terraform with hashicorp/aws 5.100.0`, () => {
    const stacksOf = new Map<string, { name: string; plannable: boolean }[]>();
    let check: RootCheck;

    beforeAll(async () => {
      const modules = [];
      for (const fixture of fixtures) {
        const stacks = await synthFixture(fixture);
        stacksOf.set(
          fixture.name,
          stacks.map((s) => ({ name: moduleName(fixture.name, s.id), plannable: readsNothing(s.json) })),
        );
        modules.push(...stacks.map((s) => ({ name: moduleName(fixture.name, s.id), json: s.json })));
      }
      check = await checkStacks(modules, { plan: true });
    }, 1_200_000);

    test.each(fixtures.map((f) => [f.name] as const))("%s: validate (and plan when nothing is read from AWS)", (name) => {
      const stacks = stacksOf.get(name)!;
      expect(stacks.length).toBeGreaterThan(0);
      const mine = new Set(stacks.map((s) => s.name));
      // THEN terraform finds nothing wrong in any of its stacks (the backend warning is the module call's)
      const findings = check.validate.filter((d) => !BACKEND_IGNORED.test(d.summary));
      expect(findings.filter((d) => d.module === undefined || mine.has(d.module))).toEqual([]);
      expect(check.valid).toBe(true);
      // AND every stack that reads nothing from AWS plans only creations, and at least one
      for (const stack of stacks.filter((s) => s.plannable)) {
        const actions = check.planned.get(stack.name) ?? [];
        expect([stack.name, actions.length > 0, actions.filter((a) => a !== "create")]).toEqual([stack.name, true, []]);
      }
      expect(check.planDiagnostics.filter((d) => d.severity === "error")).toEqual([]);
    });

    test("the shared plan adds only, changes and destroys nothing", () => {
      const planned = [...stacksOf.values()].flat().filter((s) => s.plannable).length;
      if (planned === 0) return expect(check.summary).toBeUndefined();
      expect(check.summary).toEqual({ add: expect.any(Number), change: 0, remove: 0, import: 0, operation: "plan" });
      expect(check.summary!.add).toBe([...check.planned.values()].flat().length);
    });
  });
}
