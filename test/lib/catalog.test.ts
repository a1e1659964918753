import { isKnownRegion, knownRegions, regionInfo } from "../../blueprints/lib/partitions";
import { isServiceNameFormat, resolveService, serviceName } from "../../blueprints/lib/service-names";
import { findService, gatewayServiceKeys, SERVICES } from "../../blueprints/lib/services";

describe("service catalog", () => {
  test("holds at least 60 services with unique keys, each with a title and a group", () => {
    expect(SERVICES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(SERVICES.map((s) => s.key)).size).toBe(SERVICES.length);
    for (const s of SERVICES) expect(s.title.length).toBeGreaterThan(0);
  });

  test("only S3 and DynamoDB offer gateway endpoints, and they offer interface endpoints too", () => {
    expect(gatewayServiceKeys()).toEqual(["s3", "dynamodb"]);
    expect(findService("s3")!.types).toEqual(["Gateway", "Interface"]);
    expect(findService("dynamodb")!.types).toEqual(["Gateway", "Interface"]);
  });

  test("every service listens on 443 except Keyspaces on 9142", () => {
    expect(SERVICES.filter((s) => s.port !== 443).map((s) => [s.key, s.port])).toEqual([["cassandra", 9142]]);
  });

  test.each([
    ["ssm", "eu-west-1", "com.amazonaws.eu-west-1.ssm"],
    ["ecr.dkr", "us-east-2", "com.amazonaws.us-east-2.ecr.dkr"],
    ["ec2", "cn-north-1", "cn.com.amazonaws.cn-north-1.ec2"],
    ["ecr.api", "cn-northwest-1", "cn.com.amazonaws.cn-northwest-1.ecr.api"],
    ["ssm", "cn-north-1", "com.amazonaws.cn-north-1.ssm"],
    ["kms", "us-gov-west-1", "com.amazonaws.us-gov-west-1.kms"],
    ["notebook", "eu-west-1", "aws.sagemaker.eu-west-1.notebook"],
    ["studio", "cn-north-1", "aws.sagemaker.cn-north-1.studio"],
    ["transcribe", "cn-northwest-1", "cn.com.amazonaws.cn-northwest-1.transcribe.cn"],
    ["transcribe", "eu-west-1", "com.amazonaws.eu-west-1.transcribe"],
  ])("serviceName(%s, %s) is %s", (key, region, expected) => {
    expect(serviceName(key, region)).toBe(expected);
  });

  test("S3 in China: the interface endpoint uses cn.com.amazonaws, the gateway com.amazonaws", () => {
    expect(serviceName("s3", "cn-north-1", "s", "Interface")).toBe("cn.com.amazonaws.cn-north-1.s3");
    expect(serviceName("s3", "cn-north-1", "s", "Gateway")).toBe("com.amazonaws.cn-north-1.s3");
  });

  test("custom full service names are accepted when they have the AWS format", () => {
    expect(isServiceNameFormat("com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0")).toBe(true);
    expect(isServiceNameFormat("cn.com.amazonaws.vpce.cn-north-1.vpce-svc-0123456789abcdef0")).toBe(true);
    expect(isServiceNameFormat("com.amazonaws.eu-west-1.some-new-service")).toBe(true);
    expect(isServiceNameFormat("com.amazonaws.vpce.eu-west-1.vpce-svc-0123")).toBe(false);
    expect(isServiceNameFormat("evil.example.com")).toBe(false);
    const custom = resolveService("com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0", "eu-west-1");
    expect(custom).toMatchObject({ custom: true, port: 443, privateDns: false, types: ["Interface"] });
  });

  test("an unknown key is refused with suggestions", () => {
    expect(() => resolveService("sm", "eu-west-1", "services[0]")).toThrow(
      /^`services\[0\]`: "sm" is not a service in the catalog \(did you mean [^)]*\bssm\b/,
    );
  });
});

describe("regions and partitions (from @aws-sdk/util-endpoints)", () => {
  test("the partitions of known regions", () => {
    expect(regionInfo("eu-west-1")).toMatchObject({ partition: "aws", description: "Europe (Ireland)" });
    expect(regionInfo("cn-north-1")).toMatchObject({ partition: "aws-cn", dnsSuffix: "amazonaws.com.cn" });
    expect(regionInfo("us-gov-west-1")).toMatchObject({ partition: "aws-us-gov" });
  });

  test("names that merely look like regions are refused", () => {
    expect(isKnownRegion("eu-west-9")).toBe(false);
    expect(isKnownRegion("EU-WEST-1")).toBe(false);
    expect(isKnownRegion("aws-global")).toBe(false);
    expect(() => regionInfo("mars-north-1")).toThrow(/^`region`: "mars-north-1" is not a known AWS region/);
  });

  test("the region list covers the three partitions and only known regions", () => {
    const regions = knownRegions().map((r) => r.region);
    expect(regions).toEqual(
      expect.arrayContaining([
        "us-east-1",
        "eu-west-1",
        "ap-southeast-2",
        "cn-north-1",
        "cn-northwest-1",
        "us-gov-west-1",
        "us-gov-east-1",
      ]),
    );
    expect(regions.length).toBeGreaterThanOrEqual(30);
    expect(regions.every(isKnownRegion)).toBe(true);
  });
});
