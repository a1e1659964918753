import { isInputError } from "../../blueprints/lib/errors";
import { originOf } from "../../generator/answers/flags";
import { resolveAnswers } from "../../generator/answers/resolve";
import { flagForField, validateAnswers } from "../../generator/plan/validate";
import { BLUEPRINTS, refOf } from "../../generator/registry";

describe("a blueprint error names the flag of the answer behind its prop, by the binding's table", () => {
  test.each(BLUEPRINTS.map((b) => [refOf(b), b] as const))(
    "%s: every prop path in its table maps to a flag the version asks",
    (_ref, entry) => {
      for (const [path, key] of Object.entries(entry.propAnswers)) {
        const question = entry.questions.find((q) => q.key === key);
        // A table entry may name an answer a version does not ask only if it is shared with one that does.
        if (!question) continue;
        expect({ path, flag: flagForField(entry, path) }).toEqual({ path, flag: question.flag });
        expect({ path: `${path}[3]`, flag: flagForField(entry, `${path}[3]`) }).toEqual({ path: `${path}[3]`, flag: question.flag });
        expect({ path: `${path}[1].id`, flag: flagForField(entry, `${path}[1].id`) }).toEqual({
          path: `${path}[1].id`,
          flag: question.flag,
        });
      }
    },
  );

  test.each([
    ["vpc.routeTableIds[0]", "--route-tables"],
    ["vpc.subnets[1].id", "--subnets"],
    ["vpc.cidr", "--vpc-cidr"],
    ["interfaceServices[2]", "--services"],
    ["backend.bucket", "--backend-bucket"],
    ["assumeRole.externalId", "--external-id"],
  ])("service-endpoints@3: %s → %s (not the answer of --vpc)", (field, flag) => {
    expect(flagForField(BLUEPRINTS.find((b) => refOf(b) === "service-endpoints@3")!, field)).toBe(flag);
  });

  test("GIVEN answers that pass their questions but not the construct THEN validate reports the construct's field with its answer's flag", async () => {
    const resolved = await resolveAnswers(
      {
        flags: {
          blueprint: "service-endpoints@2",
          region: "eu-west-1",
          vpc: "existing",
          vpcId: "vpc-0a1b2c3d4e5f60718",
          vpcCidr: "10.8.0.0/16",
          subnets: "subnet-0a1b2c3d4e5f60711@eu-west-1a,subnet-0a1b2c3d4e5f60722@eu-west-1b",
          routeTableIds: "rtb-0a1b2c3d4e5f60744",
        },
      },
      { yes: true },
    );
    // What a hand-edited .privatelink.json could hold: a route table ID its question would refuse.
    const tampered = { ...resolved, answers: { ...resolved.answers, routeTableIds: ["rtb-nothex"] } };
    const error = (() => {
      try {
        validateAnswers(tampered);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^`vpc\.routeTableIds\[0\]`/);
    expect(originOf(error as never)).toBe("--route-tables");
  });
});
