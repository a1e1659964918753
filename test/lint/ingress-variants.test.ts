import { findingsOf, lintResources } from "./support";

const group = { aws_security_group: { g: { description: "endpoints", vpc_id: "vpc-1" } } };
const user = {
  aws_vpc_endpoint: {
    e: {
      vpc_endpoint_type: "Interface",
      service_name: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
      subnet_ids: ["a", "b"],
      security_group_ids: ["${aws_security_group.g.id}"],
    },
  },
};
const inline = (...ingress: object[]) => ({
  ...user,
  aws_security_group: { g: { description: "endpoints", vpc_id: "vpc-1", ingress } },
});
const tcp = (port: number, cidrs: { v4?: string[]; v6?: string[] }) => ({
  description: "x",
  protocol: "tcp",
  from_port: port,
  to_port: port,
  cidr_blocks: cidrs.v4 ?? [],
  ipv6_cidr_blocks: cidrs.v6 ?? [],
});
const ruleResource = (name: string, port: number, cidr: string) => ({
  [name]: {
    security_group_id: "${aws_security_group.g.id}",
    description: "x",
    ip_protocol: "tcp",
    from_port: port,
    to_port: port,
    [cidr.includes(":") ? "cidr_ipv6" : "cidr_ipv4"]: cidr,
  },
});

describe("world ingress in its spellings (through the CLI)", () => {
  test.each(["::/0", "::0/0", "0::/0", "0:0:0:0:0:0:0:0/0", "0000::/0", "::0.0.0.0/0", "::/00"])(
    "GIVEN ingress from %s on port 22 THEN it is the IPv6 world: CKV_AWS_24 and PL_SG_WORLD_INGRESS",
    (cidr) => {
      const result = lintResources(inline(tcp(22, { v6: [cidr] })), "--json");
      expect(findingsOf(result)).toEqual([
        "CKV_AWS_24 aws_security_group.g.ingress[0]",
        "PL_SG_WORLD_INGRESS aws_security_group.g.ingress[0]",
      ]);
    },
  );

  test("GIVEN 0.0.0.0/1 and 128.0.0.0/1 in one rule THEN together they are the world", () => {
    const result = lintResources(inline(tcp(443, { v4: ["0.0.0.0/1", "128.0.0.0/1"] })), "--json");
    expect(findingsOf(result)).toEqual(["PL_SG_WORLD_INGRESS aws_security_group.g"]);
  });

  test("GIVEN the halves of the internet in two inline rules of one group THEN the group is flagged", () => {
    const result = lintResources(inline(tcp(22, { v4: ["0.0.0.0/1"] }), tcp(22, { v4: ["128.0.0.0/1"] })), "--json");
    expect(findingsOf(result)).toEqual(["CKV_AWS_24 aws_security_group.g", "PL_SG_WORLD_INGRESS aws_security_group.g"]);
    expect(JSON.parse(result.stdout).findings[0].message).toMatch(/together admit port 22 from every IPv4 address/);
  });

  test("GIVEN the halves of the IPv6 internet in two rule resources on one group THEN the group is flagged", () => {
    const result = lintResources(
      {
        ...group,
        ...user,
        aws_vpc_security_group_ingress_rule: { ...ruleResource("a", 3389, "::/1"), ...ruleResource("b", 3389, "8000::/1") },
      },
      "--json",
    );
    expect(findingsOf(result)).toEqual(["CKV_AWS_25 aws_security_group.g", "PL_SG_WORLD_INGRESS aws_security_group.g"]);
  });

  test("GIVEN the halves on different ports THEN no single port is open to the world", () => {
    const result = lintResources(inline(tcp(22, { v4: ["0.0.0.0/1"] }), tcp(443, { v4: ["128.0.0.0/1"] })), "--json");
    expect(findingsOf(result)).toEqual([]);
  });

  test("GIVEN the halves on two different groups THEN neither group is open to the world", () => {
    const two = {
      ...user,
      aws_security_group: { g: { description: "endpoints", vpc_id: "vpc-1", ingress: [tcp(22, { v4: ["0.0.0.0/1"] })] } },
      aws_security_group_rule: {
        r: {
          type: "ingress",
          security_group_id: "sg-other",
          description: "x",
          protocol: "tcp",
          from_port: 22,
          to_port: 22,
          cidr_blocks: ["128.0.0.0/1"],
        },
      },
    };
    expect(findingsOf(lintResources(two, "--json"))).toEqual([]);
  });

  test("GIVEN a private range such as 10.0.0.0/8 or fd00::/8 THEN nothing is flagged", () => {
    const result = lintResources(inline(tcp(443, { v4: ["10.0.0.0/8"], v6: ["fd00::/8"] })), "--json");
    expect(findingsOf(result)).toEqual([]);
  });
});
