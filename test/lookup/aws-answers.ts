import {
  type AvailabilityZone,
  type DescribeVpcEndpointServicesCommandInput,
  type DescribeVpcEndpointServicesCommandOutput,
  EC2ServiceException,
  type ServiceDetail,
} from "@aws-sdk/client-ec2";

/**
 * EC2 answers shaped as in the EC2 API reference (DescribeAvailabilityZones,
 * DescribeVpcEndpointServices → ServiceDetail) and the AWS CLI example output,
 * for a us-east-1 account whose zone names are shuffled against the IDs.
 */
export const US_EAST_1_ZONES: AvailabilityZone[] = [
  zone("us-east-1a", "use1-az4"),
  zone("us-east-1b", "use1-az6"),
  zone("us-east-1c", "use1-az1"),
  zone("us-east-1d", "use1-az2"),
  zone("us-east-1e", "use1-az3"),
  zone("us-east-1f", "use1-az5"),
];

/** A Local Zone: the lookup must leave it out (no endpoint subnets there). */
export const LOCAL_ZONE: AvailabilityZone = {
  ...zone("us-east-1-bos-1a", "use1-bos1-az1"),
  ZoneType: "local-zone",
  OptInStatus: "opted-in",
  GroupName: "us-east-1-bos-1",
  NetworkBorderGroup: "us-east-1-bos-1",
  ParentZoneName: "us-east-1a",
  ParentZoneId: "use1-az4",
};

export function zone(name: string, id: string): AvailabilityZone {
  const region = name.replace(/[a-z]$/, "");
  return {
    State: "available",
    OptInStatus: "opt-in-not-required",
    Messages: [],
    RegionName: region,
    ZoneName: name,
    ZoneId: id,
    GroupName: region,
    NetworkBorderGroup: region,
    ZoneType: "availability-zone",
  };
}

const ALL_ZONES = US_EAST_1_ZONES.map((z) => z.ZoneName!);

/** An AWS interface service as DescribeVpcEndpointServices describes it. */
export function interfaceService(key: string, overrides: Partial<ServiceDetail> = {}): ServiceDetail {
  const host = `${key}.us-east-1.amazonaws.com`;
  return {
    ServiceName: `com.amazonaws.us-east-1.${key}`,
    ServiceId: `vpce-svc-${key.replace(/\W/g, "").padEnd(17, "0").slice(0, 17)}`,
    ServiceType: [{ ServiceType: "Interface" }],
    AvailabilityZones: ALL_ZONES,
    Owner: "amazon",
    BaseEndpointDnsNames: [`${key}.us-east-1.vpce.amazonaws.com`],
    PrivateDnsName: host,
    PrivateDnsNames: [{ PrivateDnsName: host }],
    VpcEndpointPolicySupported: true,
    AcceptanceRequired: false,
    ManagesVpcEndpoints: false,
    PrivateDnsNameVerificationState: "verified",
    SupportedIpAddressTypes: ["ipv4"],
    ...overrides,
  };
}

/** S3 answers twice under one name: a gateway (all zones, no private DNS) and an interface. */
export const S3_GATEWAY: ServiceDetail = {
  ServiceName: "com.amazonaws.us-east-1.s3",
  ServiceId: "vpce-svc-0a1b2c3d4e5f60718",
  ServiceType: [{ ServiceType: "Gateway" }],
  AvailabilityZones: ALL_ZONES,
  Owner: "amazon",
  BaseEndpointDnsNames: ["s3.us-east-1.amazonaws.com"],
  VpcEndpointPolicySupported: true,
  AcceptanceRequired: false,
  ManagesVpcEndpoints: false,
  SupportedIpAddressTypes: ["ipv4"],
};

export const S3_INTERFACE: ServiceDetail = interfaceService("s3", {
  PrivateDnsName: "*.s3.us-east-1.amazonaws.com",
  PrivateDnsNames: [{ PrivateDnsName: "*.s3.us-east-1.amazonaws.com" }, { PrivateDnsName: "*.s3-accesspoint.us-east-1.amazonaws.com" }],
  SupportedIpAddressTypes: ["ipv6", "ipv4"],
});

/**
 * A fake DescribeVpcEndpointServices: answers the `service-name` filter from
 * `catalog`, `pageSize` details per page, with an opaque NextToken, as EC2 does.
 */
export function servicesRegion(catalog: readonly ServiceDetail[], pageSize = 1000) {
  return (input: DescribeVpcEndpointServicesCommandInput): DescribeVpcEndpointServicesCommandOutput => {
    const names = input.Filters?.find((f) => f.Name === "service-name")?.Values ?? [];
    const matching = catalog.filter((d) => names.includes(d.ServiceName!));
    const start = input.NextToken ? Number(Buffer.from(input.NextToken, "base64").toString("utf8").split(":")[1]) : 0;
    const page = matching.slice(start, start + pageSize);
    const next = start + pageSize < matching.length ? Buffer.from(`page:${start + pageSize}`).toString("base64") : undefined;
    return {
      $metadata: { httpStatusCode: 200, requestId: "8f3e0b1c-0000-4000-8000-000000000000" },
      ServiceNames: page.map((d) => d.ServiceName!),
      ServiceDetails: page,
      ...(next ? { NextToken: next } : {}),
    };
  };
}

/** An EC2 service error as the SDK throws it (the code is the error's `name`). */
export function ec2Error(code: string, message: string, status = 400): EC2ServiceException {
  return new EC2ServiceException({ name: code, $fault: "client", message, $metadata: { httpStatusCode: status } });
}

/** Records the delays asked for, and returns at once. */
export function recordingSleep(): { readonly sleep: (ms: number) => Promise<void>; readonly delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}
