import { resolveAnswers } from "../../generator/answers/resolve";

const resolve = (file: Record<string, unknown>) =>
  resolveAnswers({ file: { blueprint: "endpoint-service@2", region: "eu-west-1", ...file } }, { yes: true });
const existing = {
  account: "444455556666",
  vpcId: "vpc-0a1b2c3d4e5f60718",
  cidr: "10.9.0.0/16",
  subnets: ["subnet-0a1b2c3d4e5f60711@euw1-az1", "subnet-0a1b2c3d4e5f60722@euw1-az2"],
};

describe("endpoint-service v2 questions: the consumer list, checked by the rule the stacks call", () => {
  test("GIVEN --consumer-accounts only THEN each consumer gets a new VPC, 10.<n>.0.0/16 by position, in the region's default zone IDs", async () => {
    const { answers } = await resolve({ consumerAccounts: ["111122223333", "444455556666"] });
    expect(answers.consumers).toEqual([
      { account: "111122223333", cidr: "10.1.0.0/16", availabilityZoneIds: ["euw1-az1", "euw1-az2"] },
      { account: "444455556666", cidr: "10.2.0.0/16", availabilityZoneIds: ["euw1-az1", "euw1-az2"] },
    ]);
    expect(answers.proxyProtocol).toBe(false);
  });

  test("GIVEN a consumers list with an existing VPC THEN it is kept as given", async () => {
    const { answers } = await resolve({ consumers: [{ account: "111122223333" }, existing] });
    expect(answers.consumers).toEqual([
      { account: "111122223333", cidr: "10.1.0.0/16", availabilityZoneIds: ["euw1-az1", "euw1-az2"] },
      existing,
    ]);
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    [
      "a subnet by zone name",
      { consumers: [{ ...existing, subnets: ["subnet-0a1b2c3d4e5f60711@eu-west-1a", existing.subnets[1]] }] },
      /`consumers\[0\]\.subnets\[0\]`: "eu-west-1a" does not exist in eu-west-1/,
    ],
    [
      "a subnet without a zone",
      { consumers: [{ ...existing, subnets: ["subnet-0a1b2c3d4e5f60711"] }] },
      /`consumers\[0\]\.subnets\[0\]`: .* is not subnet-id@zone-id/,
    ],
    [
      "an existing VPC without its CIDR",
      { consumers: [{ account: "111122223333", vpcId: "vpc-0a1b2c3d4e5f60718", subnets: existing.subnets }] },
      /`consumers\[0\]\.cidr`: is missing/,
    ],
    [
      "a consumer region the service does not support",
      { consumers: [{ account: "111122223333", region: "us-east-1" }] },
      /`consumers\[0\]\.region`: us-east-1 is not among the service's supported regions/,
    ],
    [
      "a consumer listed twice",
      { consumers: [{ account: "111122223333" }, { account: "111122223333" }] },
      /`consumers\[1\]`: "111122223333" is listed twice/,
    ],
    [
      "an unknown consumer setting",
      { consumers: [{ account: "111122223333", vpc: "new" }] },
      /`consumers\[0\]\.vpc`: is not a consumer setting/,
    ],
    [
      "an account as a number",
      { consumers: [{ account: 111122223333 }] },
      /`consumers\[0\]\.account`: expected a 12-digit account ID as a string/,
    ],
    [
      "a provider subnet by zone name",
      { vpc: "existing", vpcId: "vpc-0a1b2c3d4e5f60718", vpcCidr: "10.50.0.0/16", subnets: ["subnet-0a1b2c3d4e5f60711@eu-west-1a"] },
      /`subnets\[0\]`: "eu-west-1a" does not exist in eu-west-1/,
    ],
    [
      "a provider zone that is constrained",
      { region: "us-west-1", availabilityZones: ["usw1-az1", "usw1-az2"] },
      /`availabilityZones\[1\]`: "usw1-az2" is a constrained zone/,
    ],
    ["proxy protocol that is neither on nor off", { proxyProtocol: "maybe" }, /`proxyProtocol`: expected on or off/],
  ])("GIVEN %s THEN the error names the field", async (_case, file, message) => {
    await expect(resolve(file)).rejects.toThrow(message);
  });

  test("GIVEN us-west-1 THEN the default zone IDs skip the constrained usw1-az2", async () => {
    const { answers } = await resolve({ region: "us-west-1", consumerAccounts: ["111122223333"] });
    expect(answers.availabilityZones).toEqual(["usw1-az1", "usw1-az3"]);
    expect(answers.consumers).toEqual([{ account: "111122223333", cidr: "10.1.0.0/16", availabilityZoneIds: ["usw1-az1", "usw1-az3"] }]);
  });
});
