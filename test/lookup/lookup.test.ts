import { DescribeAvailabilityZonesCommand, DescribeVpcEndpointServicesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { contextFile, endpointPlacement, lookupFacts, readContext, serviceFacts } from "../../generator/lookup";
import {
  ec2Error,
  interfaceService,
  LOCAL_ZONE,
  recordingSleep,
  S3_GATEWAY,
  S3_INTERFACE,
  servicesRegion,
  US_EAST_1_ZONES,
} from "./aws-answers";

// The SDK warns once per process that releases after January 2027 need Node 22; the CLI keeps it, tests need not print it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const ec2 = mockClient(EC2Client);
// The mock replaces `send` on every EC2Client, so this one never reaches AWS; the SDK's own retry middleware does not run.
const client = new EC2Client({ region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "example" } });
const NOW = () => new Date("2025-03-01T09:30:00.000Z");

const SSM = interfaceService("ssm", { AvailabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e"] });
const EC2_SERVICE = interfaceService("ec2", { VpcEndpointPolicySupported: false });
const CATALOG = [S3_GATEWAY, SSM, EC2_SERVICE, S3_INTERFACE, interfaceService("kms"), interfaceService("logs"), interfaceService("sts")];
const name = (key: string) => `com.amazonaws.us-east-1.${key}`;

function caught(run: () => Promise<unknown>): Promise<BlueprintInputError> {
  return run().then(
    () => {
      throw new Error("expected the lookup to fail");
    },
    (error) => error,
  );
}

beforeEach(() => {
  ec2.reset();
  ec2.on(DescribeAvailabilityZonesCommand).resolves({ AvailabilityZones: [...US_EAST_1_ZONES, LOCAL_ZONE] });
  ec2.on(DescribeVpcEndpointServicesCommand).callsFake(servicesRegion(CATALOG));
});

describe("lookupFacts", () => {
  test("GIVEN a shuffled account WHEN looking up THEN zone names map to zone IDs through the AZ answer, and Local Zones are left out", async () => {
    const facts = await lookupFacts(client, "us-east-1", [name("ssm")], { now: NOW });

    expect(facts).toMatchObject({ region: "us-east-1", partition: "aws", lookedUpAt: "2025-03-01T09:30:00.000Z" });
    expect(facts.zones.map((z) => [z.zoneId, z.zoneName])).toEqual([
      ["use1-az1", "us-east-1c"],
      ["use1-az2", "us-east-1d"],
      ["use1-az3", "us-east-1e"],
      ["use1-az4", "us-east-1a"],
      ["use1-az5", "us-east-1f"],
      ["use1-az6", "us-east-1b"],
    ]);
    const ssm = serviceFacts(facts, name("ssm"))!;
    expect(ssm.zoneNames).toEqual(["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e"]);
    expect(ssm.zoneIds).toEqual(["use1-az4", "use1-az6", "use1-az1", "use1-az2", "use1-az3"]);
    expect(ssm).toMatchObject({ serviceType: "Interface", policySupported: true, owner: "amazon", ipAddressTypes: ["ipv4"] });
    expect(ssm.privateDnsNames).toEqual(["ssm.us-east-1.amazonaws.com"]);
  });

  test("THEN DescribeAvailabilityZones asks for available availability-zone zones only", async () => {
    await lookupFacts(client, "us-east-1", [name("ssm")], { now: NOW });

    expect(ec2.commandCalls(DescribeAvailabilityZonesCommand)[0]!.args[0].input.Filters).toEqual([
      { Name: "zone-type", Values: ["availability-zone"] },
      { Name: "state", Values: ["available"] },
    ]);
  });

  test("GIVEN a service with VpcEndpointPolicySupported false THEN the facts say so", async () => {
    const facts = await lookupFacts(client, "us-east-1", [name("ec2")], { now: NOW });

    expect(serviceFacts(facts, name("ec2"))!.policySupported).toBe(false);
  });

  test("GIVEN S3 THEN the gateway and the interface are two entries, with every private DNS name and IP address type", async () => {
    const facts = await lookupFacts(client, "us-east-1", [name("s3")], { now: NOW });

    expect(facts.services.map((s) => s.serviceType)).toEqual(["Gateway", "Interface"]);
    expect(serviceFacts(facts, name("s3"), "Gateway")!.privateDnsNames).toEqual([]);
    expect(serviceFacts(facts, name("s3"))).toMatchObject({
      privateDnsNames: ["*.s3.us-east-1.amazonaws.com", "*.s3-accesspoint.us-east-1.amazonaws.com"],
      ipAddressTypes: ["ipv4", "ipv6"],
    });
  });

  test("GIVEN answers of one service per page THEN every page is read through NextToken", async () => {
    ec2.on(DescribeVpcEndpointServicesCommand).callsFake(servicesRegion(CATALOG, 1));
    const keys = ["ssm", "ec2", "kms", "logs"];

    const facts = await lookupFacts(client, "us-east-1", keys.map(name), { now: NOW });

    expect(facts.services.map((s) => s.serviceName)).toEqual(["ec2", "kms", "logs", "ssm"].map(name));
    const calls = ec2.commandCalls(DescribeVpcEndpointServicesCommand).map((c) => c.args[0].input);
    expect(calls).toHaveLength(4);
    expect(calls[0]!.NextToken).toBeUndefined();
    expect(calls.slice(1).every((input) => typeof input.NextToken === "string")).toBe(true);
  });

  test("GIVEN more names than a filter takes THEN they are sent in chunks, each chunk paged", async () => {
    ec2.on(DescribeVpcEndpointServicesCommand).callsFake(servicesRegion(CATALOG, 1));
    const keys = ["ssm", "ec2", "kms", "logs", "sts"];

    const facts = await lookupFacts(client, "us-east-1", keys.map(name), { now: NOW, filterChunkSize: 2 });

    expect(facts.services).toHaveLength(5);
    const filters = ec2.commandCalls(DescribeVpcEndpointServicesCommand).map((c) => c.args[0].input.Filters![0]!.Values);
    expect(filters).toEqual([
      [name("ssm"), name("ec2")],
      [name("ssm"), name("ec2")],
      [name("kms"), name("logs")],
      [name("kms"), name("logs")],
      [name("sts")],
    ]);
  });

  test("GIVEN an answer whose NextToken never changes THEN the lookup stops with an error instead of looping", async () => {
    ec2.on(DescribeVpcEndpointServicesCommand).resolves({ ServiceDetails: [SSM], NextToken: "same" });

    await expect(lookupFacts(client, "us-east-1", [name("ssm")], { now: NOW })).rejects.toThrow(/did not stop paging/);
    expect(ec2.commandCalls(DescribeVpcEndpointServicesCommand)).toHaveLength(2);
  });

  test("GIVEN throttling twice THEN the call is retried after growing delays and succeeds", async () => {
    const { sleep, delays } = recordingSleep();
    ec2
      .on(DescribeVpcEndpointServicesCommand)
      .rejectsOnce(ec2Error("RequestLimitExceeded", "Request limit exceeded.", 503))
      .rejectsOnce(ec2Error("ThrottlingException", "Rate exceeded"))
      .callsFake(servicesRegion(CATALOG));

    const facts = await lookupFacts(client, "us-east-1", [name("ssm")], { now: NOW, sleep, random: () => 1 });

    expect(facts.services).toHaveLength(1);
    expect(delays).toEqual([250, 500]);
    expect(ec2.commandCalls(DescribeVpcEndpointServicesCommand)).toHaveLength(3);
  });

  test("GIVEN throttling on every call THEN it stops after maxAttempts with bounded delays and an error naming --lookup", async () => {
    const { sleep, delays } = recordingSleep();
    ec2.on(DescribeVpcEndpointServicesCommand).rejects(ec2Error("RequestLimitExceeded", "Request limit exceeded.", 503));

    const error = await caught(() =>
      lookupFacts(client, "us-east-1", [name("ssm")], { now: NOW, sleep, random: () => 0, maxDelayMs: 600 }),
    );

    expect(error).toBeInstanceOf(BlueprintInputError);
    expect(error.field).toBe("--lookup");
    expect(error.message).toMatch(/DescribeVpcEndpointServices in us-east-1 was still throttled after 5 attempts \(RequestLimitExceeded\)/);
    expect(ec2.commandCalls(DescribeVpcEndpointServicesCommand)).toHaveLength(5);
    // Equal jitter with random() = 0: half of min(600, 250 * 2^n).
    expect(delays).toEqual([125, 250, 300, 300]);
  });

  test("GIVEN a service the region does not offer THEN the error names its answer and the region (exit 2)", async () => {
    const names = [name("ssm"), name("kms"), "com.amazonaws.us-east-1.foo"];

    const error = await caught(() => lookupFacts(client, "us-east-1", names, { now: NOW }));

    expect(error).toBeInstanceOf(BlueprintInputError);
    expect(error.field).toBe("services[2]");
    expect(error.message).toContain("com.amazonaws.us-east-1.foo is not offered in us-east-1 (DescribeVpcEndpointServices)");
  });

  test("GIVEN serviceField THEN a missing service is reported against that answer", async () => {
    const error = await caught(() =>
      lookupFacts(client, "us-east-1", ["com.amazonaws.us-east-1.foo"], { now: NOW, serviceField: "interfaceServices" }),
    );

    expect(error.field).toBe("interfaceServices[0]");
  });

  test("GIVEN no credentials THEN the error names --lookup and says how to provide them", async () => {
    const missing = Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" });
    ec2.on(DescribeAvailabilityZonesCommand).rejects(missing);

    const error = await caught(() => lookupFacts(client, "us-east-1", [name("ssm")], { now: NOW }));

    expect(error).toBeInstanceOf(BlueprintInputError);
    expect(error.field).toBe("--lookup");
    expect(error.message).toMatch(/no usable AWS credentials .*set AWS_PROFILE or AWS_ACCESS_KEY_ID/);
  });

  test("GIVEN credentials without the permission THEN the error lists the IAM actions needed", async () => {
    ec2
      .on(DescribeVpcEndpointServicesCommand)
      .rejects(ec2Error("UnauthorizedOperation", "You are not authorized to perform this operation.", 403));

    const error = await caught(() => lookupFacts(client, "us-east-1", [name("ssm")], { now: NOW }));

    expect(error.field).toBe("--lookup");
    expect(error.message).toContain(
      "ec2:DescribeAvailabilityZones, ec2:DescribeVpcEndpointServices, ec2:DescribeVpcAttribute, ec2:DescribeVpcEndpoints",
    );
  });

  test("GIVEN an unexpected error THEN it is not dressed up as user input: it reaches the CLI as a bug", async () => {
    ec2.on(DescribeVpcEndpointServicesCommand).rejects(new TypeError("Cannot read properties of undefined"));

    const error = await caught(() => lookupFacts(client, "us-east-1", [name("ssm")], { now: NOW }));

    expect(error).toBeInstanceOf(TypeError);
  });

  test("GIVEN an unknown region THEN nothing is asked and the error names region", async () => {
    const error = await caught(() => lookupFacts(client, "us-nowhere-9", [name("ssm")], { now: NOW }));

    expect(error.field).toBe("region");
    expect(ec2.calls()).toHaveLength(0);
  });

  test("GIVEN AWS answering in another order THEN the recorded file is byte-identical", async () => {
    const names = [name("ssm"), name("s3"), name("ec2")];
    const first = contextFile(await lookupFacts(client, "us-east-1", names, { now: NOW })).content;
    ec2.on(DescribeAvailabilityZonesCommand).resolves({ AvailabilityZones: [...US_EAST_1_ZONES].reverse() });
    ec2.on(DescribeVpcEndpointServicesCommand).callsFake(servicesRegion([...CATALOG].reverse(), 2));

    const second = contextFile(await lookupFacts(client, "us-east-1", [...names].reverse(), { now: NOW })).content;

    expect(second).toBe(first);
  });

  test("GIVEN the recorded answer THEN the SSM endpoint is placed only in zones that offer SSM", async () => {
    const recorded = readContext(contextFile(await lookupFacts(client, "us-east-1", [name("ssm")], { now: NOW })).content);

    const [ssm] = endpointPlacement(
      recorded,
      [name("ssm")],
      [{ availabilityZone: "use1-az5" }, { availabilityZone: "use1-az4" }, { availabilityZone: "use1-az6" }],
    );

    // use1-az5 is us-east-1f in this account, the zone the SSM answer leaves out.
    expect(ssm!.zones.map((z) => z.zoneId)).toEqual(["use1-az4", "use1-az6"]);
  });

  test("GIVEN an answer with AvailabilityZoneIds instead of names THEN the zones are matched by ID", async () => {
    const byId = interfaceService("sqs", { AvailabilityZones: undefined, AvailabilityZoneIds: ["use1-az1", "use1-az4"] });
    ec2.on(DescribeVpcEndpointServicesCommand).callsFake(servicesRegion([byId]));

    const facts = await lookupFacts(client, "us-east-1", [name("sqs")], { now: NOW });

    expect(serviceFacts(facts, name("sqs"))).toMatchObject({ zoneNames: ["us-east-1a", "us-east-1c"], zoneIds: ["use1-az4", "use1-az1"] });
  });

  test("GIVEN no network THEN the error names --lookup and points at the network", async () => {
    const offline = Object.assign(new Error("getaddrinfo ENOTFOUND ec2.us-east-1.amazonaws.com"), { code: "ENOTFOUND" });
    ec2.on(DescribeAvailabilityZonesCommand).rejects(offline);

    const error = await caught(() => lookupFacts(client, "us-east-1", [name("ssm")], { now: NOW }));

    expect(error.field).toBe("--lookup");
    expect(error.message).toMatch(/could not reach EC2 in us-east-1 .*ENOTFOUND.*check the network/);
  });
});
