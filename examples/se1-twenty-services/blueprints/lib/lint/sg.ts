import { coverAll, isWorld, parseCidr, type Range } from "./cidr.ts";
import { asList, type Body, type LintDocument, resources } from "./model.ts";

/** One ingress or egress rule, inline or a rule resource, with the group it belongs to. */
export interface SgRule {
  readonly address: string;
  /** The group: `aws_security_group.<name>` when it is in this stack, else the ID or expression as written. */
  readonly group: string;
  readonly cidrs: readonly string[];
  readonly from: number;
  readonly to: number;
  /** Lower case, numbers mapped to names: `tcp`, `udp`, `icmp`, … and `-1` for all traffic. */
  readonly protocol: string;
  readonly description: unknown;
}

const PROTOCOL_NAMES: Readonly<Record<string, string>> = { "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6", all: "-1" };
const protocolOf = (value: unknown) => {
  const text = String(value ?? "-1").toLowerCase();
  return PROTOCOL_NAMES[text] ?? text;
};
const port = (v: unknown, fallback: number) => (typeof v === "number" ? v : fallback);
const strings = (...values: unknown[]) => values.flatMap(asList).filter((c): c is string => typeof c === "string");
const groupOf = (id: unknown) => {
  const text = String(id);
  return /^\$\{(aws_security_group\.[^.}]+)\.id\}$/.exec(text)?.[1] ?? text;
};

/** Ingress or egress rules of every kind, flattened: inline blocks and rule resources. */
export function sgRules(doc: LintDocument, direction: "ingress" | "egress"): SgRule[] {
  const out: SgRule[] = [];
  const ruleOf = (address: string, group: string, r: Body, all: boolean): SgRule => ({
    address,
    group,
    cidrs: strings(r.cidr_blocks, r.ipv6_cidr_blocks, r.cidr_ipv4, r.cidr_ipv6),
    from: all ? 0 : port(r.from_port, 0),
    to: all ? 65535 : port(r.to_port, 65535),
    protocol: protocolOf(r.protocol ?? r.ip_protocol),
    description: r.description,
  });
  for (const g of resources(doc, "aws_security_group"))
    asList(g.body[direction]).forEach((rule, i) => {
      out.push(ruleOf(`${g.address}.${direction}[${i}]`, g.address, rule as Body, false));
    });
  for (const r of resources(doc, "aws_security_group_rule"))
    if (r.body.type === direction) out.push(ruleOf(r.address, groupOf(r.body.security_group_id), r.body, false));
  for (const r of resources(doc, `aws_vpc_security_group_${direction}_rule`))
    out.push(ruleOf(r.address, groupOf(r.body.security_group_id), r.body, protocolOf(r.body.ip_protocol) === "-1"));
  return out;
}

/** Traffic a question is about: one protocol (or `-1`, all traffic) on one port. */
interface Traffic {
  readonly protocol: string;
  readonly port: number;
}

const admits = (r: SgRule, t: Traffic) => r.protocol === "-1" || (r.protocol === t.protocol && r.from <= t.port && t.port <= r.to);

/** A way in from the whole internet: one rule with a world CIDR, or several rules of one group whose ranges add up to it. */
export interface WorldOpening {
  readonly resource: string;
  readonly message: string;
}

/**
 * Openings to the world for ingress rules. `portNumber` asks about one port
 * (any protocol); without it, any traffic counts. Rules with a world CIDR are
 * reported one by one, as before; for each group the union of its rules'
 * ranges is checked too (0.0.0.0/1 + 128.0.0.0/1), on traffic that every one
 * of those rules admits, and reported on the group.
 */
export function worldOpenings(doc: LintDocument, portNumber?: number): WorldOpening[] {
  const rules = sgRules(doc, "ingress");
  const about = (r: SgRule) =>
    portNumber === undefined ? `${r.protocol === "-1" ? "all traffic" : `ports ${r.from}-${r.to}`}` : `port ${portNumber}`;
  const single = rules
    .filter(
      (r) => r.cidrs.some(isWorld) && (portNumber === undefined || r.protocol === "-1" || (r.from <= portNumber && portNumber <= r.to)),
    )
    .map((r) => ({ resource: r.address, message: `admits ${about(r)} from ${r.cidrs.filter(isWorld).join(" and ")}` }));
  const unions: WorldOpening[] = [];
  for (const group of new Set(rules.map((r) => r.group))) {
    const own = rules.filter((r) => r.group === group);
    for (const family of [4, 6] as const) {
      const hit = candidates(own, portNumber).find((t) => {
        const inUse = own.filter((r) => admits(r, t));
        const ranges = inUse.flatMap((r) => r.cidrs.map(parseCidr)).filter((x): x is Range => x !== undefined);
        // A single world range is already reported on its rule; the union is news only without one.
        return !ranges.some((x) => x.family === family && coverAll([x], family)) && coverAll(ranges, family);
      });
      if (!hit) continue;
      const inUse = own.filter((r) => admits(r, hit));
      const what = hit.protocol === "-1" ? "all traffic" : `port ${hit.port}`;
      unions.push({
        resource: group,
        message: `ingress ${inUse.map((r) => r.address).join(", ")} together admit ${what} from every IPv${family} address (${inUse
          .flatMap((r) => r.cidrs)
          .filter((c) => parseCidr(c)?.family === family)
          .join(", ")})`,
      });
    }
  }
  return [...single, ...unions];
}

/** The traffic worth asking about: for every rule, its protocol on its first port (a port any rule admits is covered by one of these). */
function candidates(rules: readonly SgRule[], portNumber?: number): Traffic[] {
  if (portNumber !== undefined) return [...new Set(rules.map((r) => r.protocol))].map((protocol) => ({ protocol, port: portNumber }));
  return rules.map((r) => ({ protocol: r.protocol, port: r.from }));
}
