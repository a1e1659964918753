import { endpointPlacement, placeableZones, resolveZones } from "../../generator/lookup";
import { euWest1Facts } from "./facts-fixture";

const name = (key: string) => `com.amazonaws.eu-west-1.${key}`;
const SUBNETS = [
  { id: "subnet-0aaaaaaaaaaaaaaaa", availabilityZone: "eu-west-1a" },
  { id: "subnet-0bbbbbbbbbbbbbbbb", availabilityZone: "eu-west-1b" },
  { id: "subnet-0cccccccccccccccc", availabilityZone: "eu-west-1c" },
];

describe("endpointPlacement", () => {
  test("GIVEN a service missing from one zone THEN its endpoint avoids that zone and the others keep all three", () => {
    const [ssm, ecr] = endpointPlacement(euWest1Facts(), [name("ssm"), name("ecr.dkr")], SUBNETS);

    expect(ssm!.subnets.map((s) => s.id)).toEqual(SUBNETS.map((s) => s.id));
    expect(ecr!.subnets.map((s) => s.id)).toEqual(["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]);
    expect(ecr!.zones.map((z) => z.zoneId)).toEqual(["euw1-az1", "euw1-az2"]);
    expect(ecr!.skipped.map((s) => s.availabilityZone)).toEqual(["eu-west-1c"]);
  });

  test("GIVEN zones given by ID THEN they match the service's zones by ID", () => {
    const [ecr] = endpointPlacement(
      euWest1Facts(),
      [name("ecr.dkr")],
      ["euw1-az1", "euw1-az2", "euw1-az3"].map((availabilityZone) => ({ availabilityZone })),
    );

    expect(ecr!.zones.map((z) => z.zoneName)).toEqual(["eu-west-1a", "eu-west-1b"]);
  });

  test("GIVEN a service offered in fewer than two of the subnets' zones THEN the error names the service and the zones that offer it", () => {
    const run = () => endpointPlacement(euWest1Facts(), [name("ssm"), name("kms")], SUBNETS, { servicesField: "interfaceServices" });

    expect(run).toThrow(/^`interfaceServices\[1\]`: com\.amazonaws\.eu-west-1\.kms is offered in only euw1-az3 \(eu-west-1c\)/);
    expect(run).toThrow(/expected at least 2: AWS offers it in euw1-az3 \(eu-west-1c\) of eu-west-1/);
  });

  test("GIVEN two subnets of which one is in a zone without the service THEN it errors rather than placing one", () => {
    expect(() => endpointPlacement(euWest1Facts(), [name("ecr.dkr")], [SUBNETS[0]!, SUBNETS[2]!])).toThrow(
      /`services\[0\]`: .*ecr\.dkr is offered in only euw1-az1 \(eu-west-1a\) of the chosen zones/,
    );
  });

  test("GIVEN a gateway-only service THEN it is refused with a hint: gateways use route tables", () => {
    expect(() => endpointPlacement(euWest1Facts(), [name("s3")], SUBNETS)).toThrow(/as Gateway only, not Interface.*route tables/);
  });

  test("GIVEN a service the lookup did not record THEN the error asks for a new lookup", () => {
    expect(() => endpointPlacement(euWest1Facts(), [name("sqs")], SUBNETS)).toThrow(/not in privatelink\.context\.json.*--lookup/);
  });
});

describe("placeableZones", () => {
  test("GIVEN services offered in different zones THEN only the zones that offer all of them are placeable, in the wanted order", () => {
    const zones = placeableZones(euWest1Facts(), [name("ssm"), name("logs")], ["eu-west-1c", "eu-west-1b", "eu-west-1a"]);

    expect(zones.map((z) => z.zoneId)).toEqual(["euw1-az3", "euw1-az2"]);
  });

  test("GIVEN services that each have two zones but share only one THEN the error names the zones answer and what rules zones out", () => {
    const run = () => placeableZones(euWest1Facts(), [name("ecr.dkr"), name("logs")], ["euw1-az1", "euw1-az2", "euw1-az3"]);

    expect(run).toThrow(/^`availabilityZones`: only euw1-az2 \(eu-west-1b\) of .* offers every chosen service/);
    expect(run).toThrow(/ecr\.dkr is not in euw1-az3 \(eu-west-1c\); com\.amazonaws\.eu-west-1\.logs is not in euw1-az1 \(eu-west-1a\)/);
  });

  test("GIVEN a zone the lookup did not see THEN the error names that entry and lists the zones there are", () => {
    expect(() =>
      placeableZones(euWest1Facts(), [name("ssm")], ["eu-west-1a", "eu-west-1d"], { zonesField: "vpc.availabilityZones" }),
    ).toThrow(
      /^`vpc\.availabilityZones\[1\]`: "eu-west-1d" is not an available zone of eu-west-1 .*expected one of euw1-az1 \(eu-west-1a\)/,
    );
  });
});

describe("resolveZones", () => {
  test("takes names and IDs alike", () => {
    expect(resolveZones(euWest1Facts(), ["euw1-az2", "eu-west-1a"]).map((z) => z.zoneName)).toEqual(["eu-west-1b", "eu-west-1a"]);
  });
});
