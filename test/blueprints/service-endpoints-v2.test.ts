import { Testing } from "../../blueprints/lib/cdktf";
import { ServiceEndpointsStack } from "../../blueprints/service-endpoints/v2";
import { SERVICE_ENDPOINTS_V2 } from "../fixtures/service-endpoints-v2";
import { synthFixture } from "../support/synth";
import { bodiesOf } from "../support/tf-json";

const synthOne = async (name: string) => (await synthFixture(SERVICE_ENDPOINTS_V2.find((f) => f.name === name)!))[0].json;
const statementOf = (body: Record<string, unknown>) => JSON.parse(body.policy as string).Statement[0];

describe("service-endpoints v2: snapshots (released output is frozen)", () => {
  test.each(SERVICE_ENDPOINTS_V2.map((f) => [f.name, f] as const))("%s", async (_name, fixture) => {
    expect((await synthFixture(fixture)).map((s) => s.json)).toMatchSnapshot();
  });
});

describe("service-endpoints v2: what it adds to v1", () => {
  test("GIVEN read-only services THEN their endpoints allow only read actions, the others every action, all for the organization only", async () => {
    const json = await synthOne("se2-read-only-organization");
    const byService = Object.fromEntries(
      bodiesOf(json, "aws_vpc_endpoint").map((e) => [
        `${e.vpc_endpoint_type}:${(e.service_name as string).split(".").slice(3).join(".")}`,
        statementOf(e),
      ]),
    );
    expect(byService["Interface:ecr.dkr"].Action).toEqual([
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetAuthorizationToken",
      "ecr:GetDownloadUrlForLayer",
    ]);
    expect(byService["Gateway:s3"].Action).toEqual(expect.arrayContaining(["s3:GetObject", "s3:ListBucket"]));
    expect(byService["Gateway:s3"].Action).not.toContain("s3:PutObject");
    expect(byService["Interface:ssm"].Action).toBe("*");
    for (const statement of Object.values(byService))
      expect(statement.Condition).toEqual({ StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } });
  });

  test("the security group's rule names the services it serves, and resources carry the v2 tag", async () => {
    const json = await synthOne("se2-read-only-organization");
    expect(bodiesOf(json, "aws_vpc_security_group_ingress_rule")[0].description).toBe(
      "TCP 443 from the VPC CIDR to the ssm, ssmmessages, ec2messages, ecr.api, ecr.dkr, logs endpoint(s)",
    );
    expect(bodiesOf(json, "aws_vpc")[0].tags).toMatchObject({ Blueprint: "service-endpoints@v2" });
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    [
      "a service without a template",
      { readOnlyServices: ["kms"] },
      /^`readOnlyServices\[0\]`: "kms" has no read-only template; expected one of s3, dynamodb/,
    ],
    [
      "a service that is not among the endpoints",
      { readOnlyServices: ["dynamodb"] },
      /^`readOnlyServices\[0\]`: dynamodb is not among the endpoints/,
    ],
    ["a duplicate", { readOnlyServices: ["s3", "s3"] }, /^`readOnlyServices\[1\]`: "s3" is listed twice/],
  ])("GIVEN %s in readOnlyServices THEN the error names it", (_case, props, message) => {
    expect(
      () =>
        new ServiceEndpointsStack(Testing.app(), "x", {
          region: "eu-west-1",
          interfaceServices: ["ssm"],
          gatewayServices: ["s3"],
          ...props,
        }),
    ).toThrow(message);
  });
});
