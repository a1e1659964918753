import { QUESTIONS } from "../../generator/answers/questions";
import { MissingAnswersError, resolveAnswers } from "../../generator/answers/resolve";
import { BLUEPRINTS } from "../../generator/registry";

describe("the question table", () => {
  test("every select or checkbox question has choices (blueprint and region come from their registries)", () => {
    for (const q of QUESTIONS.filter((q) => q.prompt === "select" || q.prompt === "checkbox")) {
      if (q.key === "blueprint" || q.key === "region") continue;
      const known = { region: "us-east-1", services: ["ssm"], gatewayServices: ["s3"] };
      expect({ key: q.key, choices: (q.choices?.(known) ?? []).length > 0 }).toEqual({ key: q.key, choices: true });
    }
  });

  test("every flag is unique and every question's default passes its own check for every blueprint", async () => {
    expect(new Set(QUESTIONS.map((q) => q.flag)).size).toBe(QUESTIONS.length);
    for (const b of BLUEPRINTS.filter((b) => b.manifest.name !== "endpoint-consumer")) {
      const blueprint = `${b.manifest.name}@${b.manifest.version}`;
      await expect(resolveAnswers({ flags: { blueprint } }, { yes: true })).resolves.toBeDefined();
    }
  });

  test("a blueprint asks only the questions of its manifest: service-endpoints never asks for consumer accounts", async () => {
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
      /pass --name, --service-name, --service-region, --vpc-cidr, --availability-zones, --consumer-accounts, --external-id, --listener-port, --private-dns-name, --backend, --tag \(/,
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
});
