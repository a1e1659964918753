import { coverAll, parseCidr, type Range } from "../../blueprints/lib/lint/cidr";
import { Coverage } from "../../blueprints/lib/lint/coverage";
import type { LintDocument } from "../../blueprints/lib/lint/model";
import { type SgRule, sgRules, worldOpenings } from "../../blueprints/lib/lint/sg";

/**
 * The union check of world ingress sweeps each protocol's ports once (n log n). It must
 * find exactly what the earlier check found, which built a fresh union of every group's
 * rules for every candidate port (n², 145 s for 8,000 rules): here the earlier check is
 * the reference, on random groups that mix protocols, port ranges, all-traffic rules and
 * halves, quarters and hosts of both address families.
 */
function reference(doc: LintDocument, portNumber?: number): { resource: string; message: string }[] {
  const rules = sgRules(doc, "ingress");
  const admits = (r: SgRule, t: { protocol: string; port: number }) =>
    r.protocol === "-1" || (r.protocol === t.protocol && r.from <= t.port && t.port <= r.to);
  const candidates = (own: SgRule[]) =>
    portNumber !== undefined
      ? [...new Set(own.map((r) => r.protocol))].map((protocol) => ({ protocol, port: portNumber }))
      : own.map((r) => ({ protocol: r.protocol, port: r.from }));
  const out: { resource: string; message: string }[] = [];
  for (const group of new Set(rules.map((r) => r.group))) {
    const own = rules.filter((r) => r.group === group);
    for (const family of [4, 6] as const) {
      const hit = candidates(own).find((t) => {
        const ranges = own
          .filter((r) => admits(r, t))
          .flatMap((r) => r.cidrs.map(parseCidr))
          .filter((x): x is Range => x !== undefined);
        return !ranges.some((x) => x.family === family && coverAll([x], family)) && coverAll(ranges, family);
      });
      if (hit) out.push({ resource: group, message: `${family} ${hit.protocol} ${hit.port}` });
    }
  }
  return out;
}

/** A small deterministic generator (mulberry32), so a failure is reproducible from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CIDRS = [
  "0.0.0.0/1",
  "128.0.0.0/1",
  "0.0.0.0/2",
  "64.0.0.0/2",
  "128.0.0.0/2",
  "192.0.0.0/2",
  "10.0.0.1/32",
  "0.0.0.0/0",
  "::/1",
  "8000::/1",
  "::/0",
  "2001:db8::/32",
];
const PROTOCOLS = ["tcp", "udp", "-1", "6"];

function randomDoc(seed: number): LintDocument {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const resource: Record<string, Record<string, unknown>> = { aws_security_group: {}, aws_vpc_security_group_ingress_rule: {} };
  const groups = 1 + Math.floor(next() * 3);
  for (let g = 0; g < groups; g++) {
    const ingress = Array.from({ length: Math.floor(next() * 6) }, () => {
      const from = Math.floor(next() * 5) * 100;
      return {
        protocol: pick(PROTOCOLS),
        from_port: from,
        to_port: from + Math.floor(next() * 3) * 100,
        cidr_blocks: [pick(CIDRS)].filter((c) => !c.includes(":")),
        ipv6_cidr_blocks: [pick(CIDRS)].filter((c) => c.includes(":")),
      };
    });
    resource.aws_security_group[`g${g}`] = { description: "d", ingress };
  }
  for (let i = 0; i < Math.floor(next() * 6); i++) {
    const from = Math.floor(next() * 5) * 100;
    const cidr = pick(CIDRS);
    resource.aws_vpc_security_group_ingress_rule[`r${i}`] = {
      security_group_id: `\${aws_security_group.g${Math.floor(next() * groups)}.id}`,
      ip_protocol: pick(PROTOCOLS),
      from_port: from,
      to_port: from + Math.floor(next() * 3) * 100,
      [cidr.includes(":") ? "cidr_ipv6" : "cidr_ipv4"]: cidr,
    };
  }
  return { file: `random-${seed}.json`, json: { resource } } as LintDocument;
}

const unionsOf = (doc: LintDocument, portNumber?: number) =>
  worldOpenings(doc, portNumber)
    .filter((o) => o.message.startsWith("ingress "))
    .map((o) => ({
      resource: o.resource,
      message: o.message.replace(/^.* together admit (all traffic|port (\d+)) from every IPv(\d).*$/, "$3 $1"),
    }));

describe("world ingress through several rules of a group: the sweep finds what a fresh union per port found", () => {
  test("GIVEN 2,000 random groups THEN the groups, families and traffic reported are the reference's", () => {
    let hits = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const doc = randomDoc(seed);
      for (const portNumber of [undefined, 100, 300]) {
        const expected = reference(doc, portNumber).map((r) => {
          const [family, protocol, port] = r.message.split(" ");
          return {
            resource: r.resource,
            message: `${family} ${protocol === "-1" ? "all traffic" : `port ${port}`}`,
          };
        });
        hits += expected.length;
        expect([seed, portNumber, unionsOf(doc, portNumber)]).toEqual([seed, portNumber, expected]);
      }
    }
    // the generator makes unions often enough for the comparison to mean something
    expect(hits).toBeGreaterThan(200);
  });

  test("Coverage: adding and removing ranges tracks whether every address is covered", () => {
    const range = (cidr: string) => parseCidr(cidr)!;
    const halves = [range("0.0.0.0/1"), range("128.0.0.0/1")];
    const coverage = new Coverage([...halves, range("10.0.0.0/8")], 1n << 32n);
    coverage.add(halves[0]);
    expect(coverage.full()).toBe(false);
    coverage.add(range("10.0.0.0/8"));
    coverage.add(halves[1]);
    expect(coverage.full()).toBe(true);
    coverage.remove(halves[0]);
    expect(coverage.full()).toBe(false);
  });
});
