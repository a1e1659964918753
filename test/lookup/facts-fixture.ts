import type { AwsFacts, ServiceFacts } from "../../generator/lookup";

/** Recorded facts of a us-west-1 account: two zones only, as AWS gives that region. */
export function usWest1Facts(overrides: Partial<AwsFacts> = {}): AwsFacts {
  return {
    region: "us-west-1",
    partition: "aws",
    lookedUpAt: "2025-01-31T12:00:00.000Z",
    zones: [
      { zoneName: "us-west-1b", zoneId: "usw1-az1", optInStatus: "opt-in-not-required" },
      { zoneName: "us-west-1c", zoneId: "usw1-az3", optInStatus: "opt-in-not-required" },
    ],
    services: [service("ssm"), service("sts", { policySupported: false })],
    ...overrides,
  };
}

/** Recorded facts of a three-zone eu-west-1 account in which `ecr.dkr` is missing from euw1-az3. */
export function euWest1Facts(): AwsFacts {
  const all = { zoneNames: ["eu-west-1a", "eu-west-1b", "eu-west-1c"], zoneIds: ["euw1-az1", "euw1-az2", "euw1-az3"] };
  return {
    region: "eu-west-1",
    partition: "aws",
    lookedUpAt: "2025-01-31T12:00:00.000Z",
    zones: all.zoneNames.map((zoneName, i) => ({ zoneName, zoneId: all.zoneIds[i]!, optInStatus: "opt-in-not-required" })),
    services: [
      service("ssm", { ...all, serviceName: "com.amazonaws.eu-west-1.ssm" }),
      service("ecr.dkr", {
        serviceName: "com.amazonaws.eu-west-1.ecr.dkr",
        zoneNames: ["eu-west-1a", "eu-west-1b"],
        zoneIds: ["euw1-az1", "euw1-az2"],
      }),
      service("kms", { serviceName: "com.amazonaws.eu-west-1.kms", zoneNames: ["eu-west-1c"], zoneIds: ["euw1-az3"] }),
      service("logs", {
        serviceName: "com.amazonaws.eu-west-1.logs",
        zoneNames: ["eu-west-1b", "eu-west-1c"],
        zoneIds: ["euw1-az2", "euw1-az3"],
      }),
      service("s3", { ...all, serviceName: "com.amazonaws.eu-west-1.s3", serviceType: "Gateway", privateDnsNames: [] }),
    ],
  };
}

export function service(key: string, overrides: Partial<ServiceFacts> = {}): ServiceFacts {
  return {
    serviceName: `com.amazonaws.us-west-1.${key}`,
    serviceType: "Interface",
    zoneNames: ["us-west-1b", "us-west-1c"],
    zoneIds: ["usw1-az1", "usw1-az3"],
    policySupported: true,
    privateDnsNames: [`${key}.us-west-1.amazonaws.com`],
    ipAddressTypes: ["ipv4"],
    owner: "amazon",
    acceptanceRequired: false,
    managesVpcEndpoints: false,
    baseEndpointDnsNames: [`${key}.us-west-1.vpce.amazonaws.com`],
    ...overrides,
  };
}
