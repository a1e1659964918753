import { CN_PREFIXED_SERVICES, serviceNameV2, servicePrefix } from "../../blueprints/lib/facts/china-prefixes";
import { serviceName } from "../../blueprints/lib/service-names";
import { SERVICES } from "../../blueprints/lib/services";

describe("China service-name prefixes per region (AWS CDK's lists)", () => {
  test.each([
    ["polly", "com.amazonaws", "cn.com.amazonaws"],
    ["workspaces", "com.amazonaws", "cn.com.amazonaws"],
    ["account", "com.amazonaws", "cn.com.amazonaws"],
    ["iotsitewise.api", "cn.com.amazonaws", "com.amazonaws"],
    ["iotsitewise.data", "cn.com.amazonaws", "com.amazonaws"],
  ])("GIVEN %s WHEN asked in both China regions THEN cn-north-1 gives %s and cn-northwest-1 gives %s", (name, north, northwest) => {
    expect(servicePrefix(name, "cn-north-1")).toBe(north);
    expect(servicePrefix(name, "cn-northwest-1")).toBe(northwest);
  });

  test("GIVEN the two lists THEN they differ in exactly those services", () => {
    const north = CN_PREFIXED_SERVICES["cn-north-1"];
    const northwest = CN_PREFIXED_SERVICES["cn-northwest-1"];
    expect([...north].filter((s) => !northwest.has(s)).sort()).toEqual(["iotsitewise.api", "iotsitewise.data"]);
    expect([...northwest].filter((s) => !north.has(s)).sort()).toEqual(["account", "polly", "workspaces"]);
  });

  test("GIVEN a gateway endpoint or a region outside China THEN the prefix is com.amazonaws", () => {
    expect(servicePrefix("s3", "cn-north-1", "Gateway")).toBe("com.amazonaws");
    expect(servicePrefix("s3", "cn-north-1")).toBe("cn.com.amazonaws");
    expect(servicePrefix("ec2", "eu-west-1")).toBe("com.amazonaws");
  });

  test("WHEN Polly is named in each China region THEN the names differ as AWS CDK says", () => {
    expect(serviceNameV2("polly", "cn-north-1")).toBe("com.amazonaws.cn-north-1.polly");
    expect(serviceNameV2("polly", "cn-northwest-1")).toBe("cn.com.amazonaws.cn-northwest-1.polly");
    expect(serviceNameV2("transcribe", "cn-north-1")).toBe("cn.com.amazonaws.cn-north-1.transcribe.cn");
    expect(serviceNameV2("studio", "cn-north-1")).toBe("aws.sagemaker.cn-north-1.studio");
    expect(serviceNameV2("s3", "cn-northwest-1", "s", "Gateway")).toBe("com.amazonaws.cn-northwest-1.s3");
  });

  test("GIVEN every catalog service THEN serviceNameV2 agrees with the frozen serviceName except Polly in cn-northwest-1", () => {
    const differences: string[] = [];
    for (const region of ["eu-west-1", "us-gov-west-1", "cn-north-1", "cn-northwest-1"]) {
      for (const spec of SERVICES) {
        for (const type of spec.types) {
          const v1 = serviceName(spec.key, region, "s", type);
          const v2 = serviceNameV2(spec.key, region, "s", type);
          if (v1 !== v2) differences.push(`${v2} (was ${v1})`);
        }
      }
    }
    expect(differences).toEqual(["cn.com.amazonaws.cn-northwest-1.polly (was com.amazonaws.cn-northwest-1.polly)"]);
  });

  test("WHEN the key or endpoint type is wrong THEN the catalog's errors name the field", () => {
    expect(() => serviceNameV2("sm", "cn-north-1", "services[0]")).toThrow(/^`services\[0\]`: "sm" is not a service in the catalog/);
    expect(() => serviceNameV2("ssm", "cn-north-1", "gateways[0]", "Gateway")).toThrow(/^`gateways\[0\]`: ssm has no Gateway endpoint/);
  });
});
