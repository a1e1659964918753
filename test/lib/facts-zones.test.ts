import {
  CONSTRAINED_ZONE_IDS,
  checkZoneIds,
  defaultZoneIds,
  INDEPENDENTLY_MAPPED_REGIONS,
  ZONE_IDS,
  zoneIdsOf,
  zoneNamesAreStable,
} from "../../blueprints/lib/facts/zones";
import { knownRegions, zoneIdPrefix } from "../../blueprints/lib/partitions";

// In the SDK's region data, but not in AWS's AZ ID table yet: no zone IDs to record.
const UNDOCUMENTED = ["me-west-1", "sa-west-1"];

describe("Availability Zone ID table", () => {
  test("GIVEN every region partitions.ts knows THEN each has at least 2 zone IDs, except the ones AWS does not document yet", () => {
    const regions = knownRegions().map((r) => r.region);
    const missing = regions.filter((r) => !Object.hasOwn(ZONE_IDS, r));
    expect(missing).toEqual(UNDOCUMENTED);
    for (const region of regions.filter((r) => !UNDOCUMENTED.includes(r))) {
      expect([region, zoneIdsOf(region).length >= 2]).toEqual([region, true]);
    }
  });

  test("GIVEN the table THEN it holds only known regions and each entry has the region's zone ID prefix, once", () => {
    const known = new Set(knownRegions().map((r) => r.region));
    for (const [region, ids] of Object.entries(ZONE_IDS)) {
      expect([region, known.has(region)]).toEqual([region, true]);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(new RegExp(`^${zoneIdPrefix(region)}-az\\d+$`));
    }
    for (const [region, ids] of Object.entries(CONSTRAINED_ZONE_IDS)) {
      for (const id of ids) {
        expect(id).toMatch(new RegExp(`^${zoneIdPrefix(region)}-az\\d+$`));
        expect(ZONE_IDS[region]).not.toContain(id);
      }
    }
  });

  test("GIVEN the regions AWS calls out THEN the table has their known shapes", () => {
    expect(zoneIdsOf("us-west-1")).toEqual(["usw1-az1", "usw1-az3"]);
    expect(zoneIdsOf("ap-northeast-1")).toEqual(["apne1-az1", "apne1-az2", "apne1-az4"]);
    expect(zoneIdsOf("us-east-1")).toEqual(["use1-az1", "use1-az2", "use1-az3", "use1-az4", "use1-az5", "use1-az6"]);
  });

  test("WHEN a region has no entry THEN zoneIdsOf names the field and says what is expected", () => {
    expect(() => zoneIdsOf("me-west-1", "vpc.region")).toThrow(
      /^`vpc\.region`: the Availability Zone IDs of me-west-1 are not recorded .*expected a region whose zone IDs AWS documents/,
    );
    expect(() => zoneIdsOf("mars-north-1")).toThrow(/^`region`: "mars-north-1" is not a known AWS region/);
    expect(() => zoneIdsOf("constructor")).toThrow(/^`region`:/);
  });
});

describe("default zone IDs", () => {
  test.each([
    ["us-west-1", ["usw1-az1", "usw1-az3"]],
    ["ap-northeast-1", ["apne1-az1", "apne1-az2"]],
    ["cn-north-1", ["cnn1-az1", "cnn1-az2"]],
    ["us-gov-west-1", ["usgw1-az1", "usgw1-az2"]],
  ])("GIVEN %s WHEN no zones are given THEN the defaults are %j, zones that exist", (region, expected) => {
    expect(defaultZoneIds(region)).toEqual(expected);
    expect(checkZoneIds(defaultZoneIds(region), region, "availabilityZones")).toEqual(expected);
  });

  test("GIVEN a count THEN the first zones are taken, and too many is refused", () => {
    expect(defaultZoneIds("ap-northeast-1", 3)).toEqual(["apne1-az1", "apne1-az2", "apne1-az4"]);
    expect(() => defaultZoneIds("us-west-1", 3)).toThrow(
      /^`availabilityZones`: cannot pick 3 zones in us-west-1; expected 1 to 2 \(usw1-az1, usw1-az3\)/,
    );
  });
});

describe("checkZoneIds", () => {
  test("WHEN a zone ID does not exist in the region THEN the error names the entry and lists the zone IDs that exist", () => {
    expect(() => checkZoneIds(["usw1-az1", "usw1-az4"], "us-west-1", "availabilityZones")).toThrow(
      '`availabilityZones[1]`: "usw1-az4" does not exist in us-west-1; expected one of usw1-az1, usw1-az3',
    );
    expect(() => checkZoneIds(["euw1-az1", "use1-az1"], "eu-west-1", "vpc.availabilityZones")).toThrow(
      /^`vpc\.availabilityZones\[1\]`: "use1-az1" does not exist in eu-west-1/,
    );
  });

  test("WHEN a zone ID is constrained (closed to newer accounts) THEN it is refused with that reason", () => {
    expect(() => checkZoneIds(["usw1-az1", "usw1-az2"], "us-west-1", "availabilityZones")).toThrow(
      '`availabilityZones[1]`: "usw1-az2" is a constrained zone of us-west-1, closed to newer accounts; expected one of usw1-az1, usw1-az3',
    );
    expect(() => checkZoneIds(["apne1-az3", "apne1-az1"], "ap-northeast-1", "z")).toThrow(/^`z\[0\]`: "apne1-az3" is a constrained zone/);
  });

  test("WHEN zone IDs repeat, are too few or too many, or are not strings THEN each is refused naming the field", () => {
    expect(() => checkZoneIds(["use1-az1", "use1-az1"], "us-east-1", "z")).toThrow(/^`z\[1\]`: "use1-az1" is listed twice \(also z\[0\]\)/);
    expect(() => checkZoneIds(["use1-az1"], "us-east-1", "z")).toThrow(/^`z`: got 1 zone IDs; expected 2 to 6/);
    expect(() => checkZoneIds(["euw1-az1", "euw1-az2", "euw1-az3", "euw1-az4"], "eu-west-1", "z")).toThrow(
      /^`z\[3\]`: "euw1-az4" does not exist/,
    );
    expect(() => checkZoneIds([1, "use1-az1"], "us-east-1", "z")).toThrow(/^`z\[0\]`: "1" does not exist in us-east-1/);
  });
});

describe("zone names across accounts", () => {
  test("GIVEN a region AWS maps per account THEN names are not stable; GIVEN a newer region THEN they are", () => {
    for (const region of INDEPENDENTLY_MAPPED_REGIONS) expect([region, zoneNamesAreStable(region)]).toEqual([region, false]);
    expect(zoneNamesAreStable("eu-central-1")).toBe(true);
    expect(zoneNamesAreStable("us-east-2")).toBe(true);
    expect(zoneNamesAreStable("us-gov-east-1")).toBe(true);
    expect(zoneNamesAreStable("me-west-1")).toBe(false);
    expect(zoneNamesAreStable("constructor")).toBe(false);
  });
});
