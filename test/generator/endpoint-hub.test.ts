import { resolveAnswers } from "../../generator/answers/resolve";
import { endpointHubV1 } from "../../generator/bindings/endpoint-hub";
import { breakEvenVpcs, hubComparisonLines, hubMonthly, perVpcMonthly } from "../../generator/bindings/endpoint-hub/cost";
import { costLines } from "../../generator/cost";

const spoke = {
  account: "111122223333",
  vpcId: "vpc-0123456789abcdef0",
  cidr: "10.1.0.0/16",
  subnets: ["subnet-0123456789abcdef0"],
  routeTables: ["rtb-0123456789abcdef0"],
};

describe("endpoint-hub: cost side by side", () => {
  test("GIVEN 5 services in 3 zones THEN the hub is cheaper from 3 spoke VPCs, and not at 2", () => {
    const input = { services: 5, zones: 3, spokes: 10, region: "us-east-1" };
    expect(breakEvenVpcs(input)).toBe(3);
    expect(hubMonthly(input, 3)).toBeLessThan(perVpcMonthly(input, 3));
    expect(hubMonthly(input, 2)).toBeGreaterThanOrEqual(perVpcMonthly(input, 2));
    // 10 x 5 x 3 x 730 x 0.01 + 10 x 100 GB x 0.01; 5 x 3 x 730 x 0.01 + 11 x 730 x 0.05 + 1000 GB x 0.03
    expect(perVpcMonthly(input, 10)).toBeCloseTo(1105);
    expect(hubMonthly(input, 10)).toBeCloseTo(541);
  });

  test("GIVEN one service in two zones THEN the hub is never cheaper, and the lines say so with their assumptions", () => {
    const input = { services: 1, zones: 2, spokes: 4, region: "eu-west-1" };
    expect(breakEvenVpcs(input)).toBeUndefined();
    const lines = hubComparisonLines(input);
    expect(lines.join("\n")).toMatch(/never cheaper/);
    expect(lines.at(-1)).toMatch(/^Assumed: 100 GB per spoke VPC per month.*prices in eu-west-1 may differ/);
  });
});

describe("endpoint-hub: questions", () => {
  test("GIVEN --spokes as JSON text THEN the spokes are parsed and checked like an answers file's", async () => {
    const flags = { blueprint: "endpoint-hub@1", hubAccount: "999988887777", spokes: JSON.stringify([spoke]) };
    const { answers } = await resolveAnswers({ flags }, { yes: true });
    expect(answers.spokes).toEqual([spoke]);
    expect(answers.spokeSharing).toBe("organization");
  });

  test("GIVEN spokes without the hub's account or a provider role THEN the error names --hub-account", async () => {
    await expect(resolveAnswers({ file: { blueprint: "endpoint-hub@1", spokes: [spoke] } }, { yes: true })).rejects.toThrow(
      /`hubAccount`: is missing/,
    );
  });

  test("GIVEN the provider role THEN the hub's account defaults to its account", async () => {
    const file = { blueprint: "endpoint-hub@1", providerRoleArn: "arn:aws:iam::999988887777:role/X", spokes: [spoke] };
    const { answers } = await resolveAnswers({ file }, { yes: true });
    expect(answers.hubAccount).toBe("999988887777");
  });

  test("GIVEN a spoke overlapping an on-premises range THEN the error names the spoke's cidr", async () => {
    const file = { blueprint: "endpoint-hub@1", hubAccount: "999988887777", resolverInbound: ["10.1.0.0/16"], spokes: [spoke] };
    await expect(resolveAnswers({ file }, { yes: true })).rejects.toThrow(
      /`spokes\[0\]\.cidr`: 10\.1\.0\.0\/16 overlaps 10\.1\.0\.0\/16 of an on-premises range/,
    );
  });

  test("GIVEN one cross-account spoke THEN two stacks, the spoke referring to the hub's gateway and authorizations", async () => {
    const { answers } = await resolveAnswers(
      { file: { blueprint: "endpoint-hub@1", hubAccount: "999988887777", spokes: [spoke] } },
      { yes: true },
    );
    const specs = endpointHubV1.stacks(answers);
    expect(specs.map((s) => s.id)).toEqual(["hub", "spoke-vpc-0123456789abcdef0"]);
    expect(specs[1].refs).toEqual({
      transitGatewayId: { stack: "hub", attribute: "transitGatewayId" },
      hubZones: { stack: "hub", attribute: "authorizedZones" },
    });
    const description = endpointHubV1.describe(answers);
    expect(description.diagram).toMatch(/zones -\. authorized, then associated \.-> s_vpc_0123456789abcdef0/);
    expect(description.comparison).toHaveLength(4);
    // the summary's estimate counts the new attachments: 3 x 2 AZ x 730 x 0.01 + 2 x 730 x 0.05
    expect(costLines(description.cost)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Transit gateway attachments: 2 x 730 h x USD 0.05 = about USD 73.00 per month/)]),
    );
    expect(costLines(description.cost).at(-1)).toMatch(/^Total: about USD 116\.80 per month/);
  });
});
