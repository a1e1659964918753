import { hasPrivateDnsZone, privateDnsZone } from "../../blueprints/lib/facts/private-dns";
import { cidrsOverlap } from "../../blueprints/lib/spokes";

describe("private DNS zones a hub stands in for", () => {
  test.each([
    ["ssm", "eu-west-1", "ssm.eu-west-1.amazonaws.com", false],
    ["s3", "us-east-1", "s3.us-east-1.amazonaws.com", true],
    ["ecr.dkr", "eu-west-1", "dkr.ecr.eu-west-1.amazonaws.com", true],
    ["ecr.api", "eu-west-1", "api.ecr.eu-west-1.amazonaws.com", false],
    ["kinesis-firehose", "eu-west-1", "firehose.eu-west-1.amazonaws.com", false],
    ["ssm", "cn-north-1", "ssm.cn-north-1.amazonaws.com.cn", false],
    ["sts", "us-gov-west-1", "sts.us-gov-west-1.amazonaws.com", false],
  ])("GIVEN %s in %s THEN the zone is %s (wildcard %s)", (key, region, zoneName, wildcard) => {
    expect(privateDnsZone(key, region)).toEqual({ zoneName, wildcard });
  });

  test("GIVEN a service whose private DNS is outside the partition's suffix THEN it has no zone, and the error names the field", () => {
    expect(hasPrivateDnsZone("notebook")).toBe(false);
    expect(hasPrivateDnsZone("not-a-service")).toBe(false);
    expect(() => privateDnsZone("eks-auth", "eu-west-1", "interfaceServices[2]")).toThrow(
      /^`interfaceServices\[2\]`: "eks-auth" has no private DNS name/,
    );
  });
});

describe("cidrsOverlap", () => {
  test.each([
    ["10.0.0.0/16", "10.0.255.0/24", true],
    ["10.0.0.0/16", "10.1.0.0/16", false],
    ["10.0.0.0/8", "10.200.0.0/16", true],
    ["192.168.0.0/24", "192.168.1.0/24", false],
  ])("%s and %s: %s", (a, b, overlap) => {
    expect(cidrsOverlap(a, b)).toBe(overlap);
    expect(cidrsOverlap(b, a)).toBe(overlap);
  });
});
