import { existsSync } from "node:fs";
import { join } from "node:path";
import { checkIpTarget } from "../../blueprints/lib/rules";
import { runCli, tmp } from "../support/cli";

/**
 * IP targets of the provider's NLB: AWS registers only addresses of the VPC or of the
 * private ranges (RFC 1918, RFC 6598), and refuses a publicly routable one at apply.
 */
const generate = (targets: string, ...more: string[]) => {
  const dir = join(tmp("ip-targets"), "p");
  const result = runCli([
    dir,
    "--yes",
    "--blueprint",
    "endpoint-service",
    "--region",
    "eu-west-1",
    "--target-type",
    "ip",
    "--targets",
    targets,
    ...more,
  ]);
  return { ...result, written: existsSync(dir) };
};

describe("IP targets", () => {
  test.each([
    ["999.999.999.999", /--targets `targets\[0\]`: "999\.999\.999\.999" is not an IPv4 address \(four numbers 0 to 255\)/],
    [
      "10.0.1.10,8.8.8.8",
      /`targets\[1\]`: 8\.8\.8\.8 is publicly routable; an NLB takes IP targets from 10\.0\.0\.0\/16, 10\.0\.0\.0\/8, 172\.16\.0\.0\/12, 192\.168\.0\.0\/16, 100\.64\.0\.0\/10 only/,
    ],
  ])("GIVEN --targets %s THEN exit 2 naming the target and the ranges, and nothing is written", (targets, message) => {
    const result = generate(targets);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.written).toBe(false);
  });

  test("GIVEN private, shared-address and VPC addresses THEN they are taken", () => {
    expect(generate("10.0.1.10,172.31.0.4,192.168.1.1,100.64.0.5").code).toBe(0);
    expect(generate("203.0.113.10", "--vpc-cidr", "203.0.113.0/24").code).toBe(0);
  });

  test("the rule: octets over 255, leading text and public ranges are refused; the VPC's own range is taken", () => {
    expect(() => checkIpTarget("256.1.1.1", "t")).toThrow(/not an IPv4 address/);
    expect(() => checkIpTarget(" 10.0.0.1", "t")).toThrow(/not an IPv4 address/);
    expect(() => checkIpTarget("172.32.0.1", "t")).toThrow(/publicly routable/);
    expect(() => checkIpTarget("100.128.0.1", "t")).toThrow(/publicly routable/);
    expect(checkIpTarget("172.31.255.255", "t")).toBe("172.31.255.255");
    expect(checkIpTarget("198.51.100.7", "t", "198.51.100.0/24")).toBe("198.51.100.7");
  });
});
