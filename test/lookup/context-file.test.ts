import { ageInDays, CONTEXT_FILE, contextFile, isStale, readContext } from "../../generator/lookup";
import { service, usWest1Facts } from "./facts-fixture";

const DAY = 24 * 60 * 60 * 1000;
const LOOKED_UP = Date.parse("2025-01-31T12:00:00.000Z");

describe("contextFile", () => {
  test("GIVEN facts THEN the file is privatelink.context.json: sorted keys, a marker, the region, partition and date, a final newline", () => {
    const file = contextFile(usWest1Facts());

    expect(file.path).toBe(CONTEXT_FILE);
    expect(file.content.endsWith("}\n")).toBe(true);
    const document = JSON.parse(file.content);
    expect(Object.keys(document)).toEqual(["//", "lookedUpAt", "partition", "region", "services", "version", "zones"]);
    expect(Object.keys(document.services[0])).toEqual([...Object.keys(document.services[0])].sort());
    expect(document).toMatchObject({ region: "us-west-1", partition: "aws", lookedUpAt: "2025-01-31T12:00:00.000Z", version: 1 });
    expect(document["//"]).toMatch(/--lookup/);
  });

  test("GIVEN the same facts in another order THEN the bytes are the same", () => {
    const facts = usWest1Facts();
    const shuffled = usWest1Facts({
      zones: [...facts.zones].reverse(),
      services: [
        service("sts", {
          policySupported: false,
          zoneNames: ["us-west-1c", "us-west-1b"],
          zoneIds: ["usw1-az3", "usw1-az1"],
          baseEndpointDnsNames: ["sts.us-west-1.vpce.amazonaws.com"],
        }),
        service("ssm"),
      ],
    });

    expect(contextFile(shuffled).content).toBe(contextFile(facts).content);
  });

  test("GIVEN a written file WHEN read back and written again THEN it is byte-identical", () => {
    const first = contextFile(usWest1Facts()).content;

    const again = contextFile(readContext(first)).content;

    expect(again).toBe(first);
    expect(readContext(first)).toEqual(usWest1Facts());
  });

  test("the format, as a reviewer reads it", () => {
    expect(contextFile(usWest1Facts({ services: [service("sts", { policySupported: false })] })).content).toMatchSnapshot();
  });
});

describe("readContext", () => {
  const good = () => JSON.parse(contextFile(usWest1Facts()).content);
  const read = (document: unknown) => () => readContext(JSON.stringify(document));

  test("GIVEN text that is not JSON THEN the error names the file", () => {
    expect(() => readContext("{ nope")).toThrow(/^`privatelink\.context\.json`: is not JSON .*run the generator again with --lookup/);
  });

  test("GIVEN another format version THEN it is refused, naming version", () => {
    expect(read({ ...good(), version: 2 })).toThrow(/`privatelink\.context\.json:version`: is the number 2; expected 1/);
  });

  test("GIVEN a missing boolean THEN the error names the file and the field", () => {
    const document = good();
    delete document.services[1].policySupported;

    expect(read(document)).toThrow(/`privatelink\.context\.json:services\[1\]\.policySupported`: expected true or false, got nothing/);
  });

  test("GIVEN a zone ID the zones list does not have THEN the error names that entry", () => {
    const document = good();
    document.services[0].zoneIds[1] = "usw1-az2";

    expect(read(document)).toThrow(/`privatelink\.context\.json:services\[0\]\.zoneIds\[1\]`: "usw1-az2" \(us-west-1c\) is not in `zones`/);
  });

  test("GIVEN a partition that is not the region's THEN it is refused", () => {
    expect(read({ ...good(), partition: "aws-cn" })).toThrow(/:partition`: is "aws-cn", but us-west-1 is in aws; expected aws/);
  });

  test("GIVEN a date that is not ISO 8601 UTC THEN it is refused", () => {
    expect(read({ ...good(), lookedUpAt: "31/01/2025" })).toThrow(/:lookedUpAt`: "31\/01\/2025" is not a UTC timestamp/);
  });

  test("GIVEN an unknown service type THEN it is refused", () => {
    const document = good();
    document.services[0].serviceType = "interface";

    expect(read(document)).toThrow(/:services\[0\]\.serviceType`: is "interface"; expected one of Interface, Gateway, GatewayLoadBalancer/);
  });

  test("GIVEN another file name THEN messages use it", () => {
    expect(() => readContext("[]", "infra/privatelink.context.json")).toThrow(/^`infra\/privatelink\.context\.json`: expected an object/);
  });
});

describe("isStale", () => {
  test("GIVEN facts 90 days old THEN they are not stale yet; a day later they are", () => {
    expect(isStale(usWest1Facts(), new Date(LOOKED_UP + 90 * DAY))).toBe(false);
    expect(isStale(usWest1Facts(), new Date(LOOKED_UP + 91 * DAY))).toBe(true);
    expect(ageInDays(usWest1Facts(), new Date(LOOKED_UP + 91 * DAY))).toBe(91);
  });

  test("GIVEN maxAgeDays THEN it is the limit", () => {
    expect(isStale(usWest1Facts(), new Date(LOOKED_UP + 8 * DAY), 7)).toBe(true);
    expect(isStale(usWest1Facts(), new Date(LOOKED_UP + 6 * DAY), 7)).toBe(false);
  });
});
