import { costLine, pickerItems, rowsFor, zonesOf } from "../../generator/prompts/service-catalog";

describe("the service picker's catalog", () => {
  const items = pickerItems();

  test("GIVEN no filter THEN every interface service is listed under its group, each group once", () => {
    const rows = rowsFor(items, "");
    const headings = rows.flatMap((r) => ("heading" in r ? [r.heading] : []));
    expect(rows.length - headings.length).toBe(items.length);
    expect(new Set(headings).size).toBe(headings.length);
    expect(items.length).toBeGreaterThanOrEqual(85);
  });

  test("GIVEN a filter THEN it matches key, title or group ignoring case, and only groups with a match keep their heading", () => {
    expect(rowsFor(items, "ECR")).toEqual([
      { heading: "Containers & compute" },
      { item: expect.objectContaining({ key: "ecr.api" }) },
      { item: expect.objectContaining({ key: "ecr.dkr" }) },
      { heading: "Security & identity" },
      { item: expect.objectContaining({ key: "secretsmanager" }) },
    ]);
    expect(rowsFor(items, "session manager").map((r) => ("item" in r ? r.item.key : r.heading))).toEqual([
      "Systems Manager & operations",
      "ssmmessages",
    ]);
    expect(rowsFor(items, "machine learning").filter((r) => "item" in r).length).toBeGreaterThan(10);
    expect(rowsFor(items, "no-such-service")).toEqual([]);
  });

  test("GIVEN the answers so far THEN zones are the new VPC's zones, or the existing subnets' distinct zones, else 2", () => {
    expect(zonesOf({ availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"] })).toBe(3);
    expect(zonesOf({ vpc: "existing", subnets: ["subnet-1@us-east-1a", "subnet-2@us-east-1a", "subnet-3@us-east-1b"] })).toBe(2);
    expect(zonesOf({ vpc: "existing", subnets: ["subnet-1@use1-az1"] })).toBe(1);
    expect(zonesOf({})).toBe(2);
  });

  test("GIVEN a selection THEN the cost line multiplies endpoints, zones, hours and the hourly price", () => {
    expect(costLine(4, 3)).toMatch(/^4 selected: 4 x 3 AZ x 730 h x USD 0\.01 = about USD 87\.60 per month/);
    expect(costLine(0, 2)).toMatch(/about USD 0\.00 per month/);
  });
});
