import { cidrSubnet } from "../../blueprints/lib/cidr";
import { checkAccountId, checkCidr, checkRoleArn, checkTags } from "../../blueprints/lib/validate";

describe("validators", () => {
  test("account IDs are 12-digit strings; leading zeros are kept; numbers are refused", () => {
    expect(checkAccountId("011122223333", "a")).toBe("011122223333");
    expect(() => checkAccountId(111122223333, "a")).toThrow(/^`a`: expected a 12-digit account ID as a string/);
    expect(() => checkAccountId("1111222233334", "a")).toThrow(/expected exactly 12 digits/);
    expect(() => checkAccountId("11112222333x", "a")).toThrow(/expected exactly 12 digits/);
  });

  test("role ARNs: format, partition, paths and wildcards", () => {
    expect(checkRoleArn("arn:aws:iam::111122223333:role/Deployer", "r")).toEqual({
      partition: "aws",
      accountId: "111122223333",
      path: "/",
      roleName: "Deployer",
    });
    expect(checkRoleArn("arn:aws:iam::111122223333:role/team/Deployer", "r")).toMatchObject({ path: "/team/", roleName: "Deployer" });
    expect(() => checkRoleArn("arn:aws:iam::111122223333:role/team/Deployer", "r", { allowPath: false })).toThrow(/has an IAM path/);
    expect(() => checkRoleArn("arn:aws-us-gov:iam::111122223333:role/D", "r", { partition: "aws" })).toThrow(
      /is in partition aws-us-gov, but the region is in aws/,
    );
    expect(() => checkRoleArn("*", "r")).toThrow(/never `\*`/);
    expect(() => checkRoleArn("arn:aws:iam::111122223333:user/D", "r")).toThrow(/is not an IAM role ARN/);
  });

  test("CIDRs: shape, /0, prefix range and host bits", () => {
    expect(checkCidr("10.0.0.0/16", "c")).toBe("10.0.0.0/16");
    expect(() => checkCidr("10.0.0.0/8", "c")).toThrow(/expected a prefix from \/16 to \/28/);
    expect(() => checkCidr("300.0.0.0/16", "c")).toThrow(/is not an IPv4 CIDR block/);
    expect(() => checkCidr("0.0.0.0/0", "c")).toThrow(/never \/0/);
  });

  test("tags: reserved prefix, lengths, characters", () => {
    expect(checkTags({ Team: "net", Note: 'it\'s "quoted"' }, "t")).toEqual({ Team: "net", Note: 'it\'s "quoted"' });
    expect(() => checkTags({ Note: 'it\'s "quoted"' }, "t", "elb")).toThrow(/`t\.Note`: tags may contain only .*Elastic Load Balancing/);
    expect(() => checkTags({ "aws:x": "y" }, "t")).toThrow(/reserved/);
    expect(() => checkTags({ k: "x".repeat(257) }, "t")).toThrow(/at most 256/);
    expect(() => checkTags({ k: "{{x}}" }, "t")).toThrow(/`t\.k`: tags may contain only/);
  });

  test("cidrSubnet matches terraform's cidrsubnet", () => {
    expect(cidrSubnet("10.0.0.0/16", 4, 0)).toBe("10.0.0.0/20");
    expect(cidrSubnet("10.0.0.0/16", 4, 2)).toBe("10.0.32.0/20");
    expect(cidrSubnet("172.31.0.0/24", 4, 15)).toBe("172.31.0.240/28");
    expect(() => cidrSubnet("10.0.0.0/16", 4, 16)).toThrow(RangeError);
  });
});
