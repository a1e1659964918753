import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { allQuestions } from "../../generator/answers/catalog";
import { MissingAnswersError, resolveAnswers } from "../../generator/answers/resolve";
import { BLUEPRINTS, refOf } from "../../generator/registry";

describe("each blueprint's questions", () => {
  test("every select or checkbox question of every blueprint has choices (blueprint and region come from their registries)", () => {
    for (const entry of BLUEPRINTS) {
      for (const q of entry.questions.filter((q) => q.prompt === "select" || q.prompt === "checkbox")) {
        if (q.key === "region") continue;
        const known = { region: "us-east-1", services: ["ssm"], gatewayServices: ["s3"] };
        expect({ blueprint: refOf(entry), key: q.key, choices: (q.choices?.(known) ?? []).length > 0 }).toEqual({
          blueprint: refOf(entry),
          key: q.key,
          choices: true,
        });
      }
    }
  });

  test("an answer key means one flag in every blueprint, and no two keys share a flag", () => {
    const flagOf = new Map<string, string>();
    for (const entry of BLUEPRINTS) {
      for (const q of entry.questions) {
        expect({ key: q.key, flag: flagOf.get(q.key) ?? q.flag }).toEqual({ key: q.key, flag: q.flag });
        flagOf.set(q.key, q.flag);
      }
    }
    const all = allQuestions();
    expect(new Set(all.map((q) => q.flag)).size).toBe(all.length);
    expect(all.map((q) => q.key)).toEqual(["blueprint", ...flagOf.keys()]);
  });

  test("every question's default passes its own check for every blueprint that has no required answer", async () => {
    for (const b of BLUEPRINTS.filter((b) => b.manifest.name !== "endpoint-consumer")) {
      await expect(resolveAnswers({ flags: { blueprint: refOf(b) } }, { yes: true })).resolves.toBeDefined();
    }
  });

  test("a blueprint asks only its own questions: service-endpoints never asks for consumer accounts", async () => {
    const { used } = await resolveAnswers({ flags: { blueprint: "service-endpoints@1" } }, { yes: true });
    expect(used).not.toContain("consumerAccounts");
    expect(used).not.toContain("providerRoleArn");
    const es = await resolveAnswers({ flags: { blueprint: "endpoint-service@1", consumerAccounts: "111122223333" } }, { yes: true });
    expect(es.used).toEqual(expect.arrayContaining(["consumerAccounts", "providerRoleArn", "consumerRoleName", "listenerProtocol"]));
  });

  test("without a TTY or --yes, every unanswered question is named by its flag", async () => {
    const error = await resolveAnswers({ flags: { blueprint: "endpoint-consumer@1", region: "eu-west-1" } }, { yes: false }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(MissingAnswersError);
    expect(error.message).toMatch(
      /pass --name, --service-name, --service-region, --vpc-cidr, --availability-zones, --consumer-accounts, --listener-port, --private-dns-name, --backend, --tag \(/,
    );
  });

  test("the provider's own account among the consumers gives a warning, not an error", async () => {
    const { warnings } = await resolveAnswers(
      {
        flags: {
          blueprint: "endpoint-service@1",
          providerRoleArn: "arn:aws:iam::999988887777:role/Net",
          consumerAccounts: "999988887777,111122223333",
        },
      },
      { yes: true },
    );
    expect(warnings).toEqual([expect.stringMatching(/consumerAccounts lists 999988887777, the provider's own account/)]);
  });

  test("the generic answers code names no blueprint: blueprints are known only through their bindings", () => {
    const dir = join(__dirname, "../../generator/answers");
    const names = [...new Set(BLUEPRINTS.map((b) => b.manifest.name))];
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), "utf8");
      for (const name of names) expect({ file, mentions: text.includes(name) }).toEqual({ file, mentions: false });
    }
  });
});
