import { coverAll, isWorld, parseCidr, type Range } from "./cidr.ts";
import { Coverage } from "./coverage.ts";
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

/** Each document's rules, flattened once: several lint rules ask for them (a document is not changed while linted). */
const flattened = new WeakMap<LintDocument, Partial<Record<"ingress" | "egress", SgRule[]>>>();

/** Ingress or egress rules of every kind, flattened: inline blocks and rule resources. */
export function sgRules(doc: LintDocument, direction: "ingress" | "egress"): SgRule[] {
  const cached = flattened.get(doc) ?? flattened.set(doc, {}).get(doc)!;
  cached[direction] ??= flatten(doc, direction);
  return cached[direction];
}

function flatten(doc: LintDocument, direction: "ingress" | "egress"): SgRule[] {
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
      (r) =>
        rangesOf(r).some(worldRange) && (portNumber === undefined || r.protocol === "-1" || (r.from <= portNumber && portNumber <= r.to)),
    )
    .map((r) => ({ resource: r.address, message: `admits ${about(r)} from ${r.cidrs.filter(isWorld).join(" and ")}` }));
  const byGroup = new Map<string, SgRule[]>();
  for (const r of rules) (byGroup.get(r.group) ?? byGroup.set(r.group, []).get(r.group)!).push(r);
  const unions: WorldOpening[] = [];
  for (const [group, own] of byGroup) {
    for (const family of [4, 6] as const) {
      const hit = unionHit(own, family, portNumber);
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

/** Each rule's CIDRs, parsed once (the world-ingress rules ask for them on several ports). */
const parsed = new WeakMap<SgRule, Range[]>();
function rangesOf(rule: SgRule): Range[] {
  const cached = parsed.get(rule) ?? rule.cidrs.map(parseCidr).filter((x): x is Range => x !== undefined);
  parsed.set(rule, cached);
  return cached;
}

const worldRange = (x: Range) => coverAll([x], x.family);

/** A rule with its ranges of one family, parsed once. */
interface Prepared {
  readonly rule: SgRule;
  readonly ranges: readonly Range[];
  /** One of its ranges is every address: reported on the rule itself, so never part of a union. */
  readonly world: boolean;
}

/**
 * The first traffic (in the order of `candidates`) on which the rules of one group that
 * admit it cover every address of `family` together, with no single rule doing so alone;
 * undefined when there is none. Linear in the rules but for a log factor: the union of
 * everything is tried first, and then each protocol's ports are swept once with a
 * `Coverage`, instead of a fresh union for every candidate port.
 */
function unionHit(own: readonly SgRule[], family: 4 | 6, portNumber?: number): Traffic | undefined {
  const prepared: Prepared[] = own.map((rule) => {
    const ranges = rangesOf(rule).filter((x) => x.family === family);
    return { rule, ranges, world: ranges.some((x) => coverAll([x], family)) };
  });
  // No traffic can be covered when all of the group's ranges together are not.
  if (
    !coverAll(
      prepared.flatMap((p) => p.ranges),
      family,
    )
  )
    return undefined;
  const coveredBy = (active: readonly Prepared[]) =>
    !active.some((p) => p.world) &&
    coverAll(
      active.flatMap((p) => p.ranges),
      family,
    );
  if (portNumber !== undefined) return candidates(own, portNumber).find((t) => coveredBy(prepared.filter((p) => admits(p.rule, t))));
  const allTraffic = prepared.filter((p) => p.rule.protocol === "-1");
  const allTrafficHit = allTraffic.length > 0 && coveredBy(allTraffic);
  const hits = new Map<string, [number, number][]>();
  for (const protocol of new Set(own.map((r) => r.protocol))) if (protocol !== "-1") hits.set(protocol, sweep(prepared, protocol, family));
  return candidates(own).find((t) =>
    t.protocol === "-1" ? allTrafficHit : (hits.get(t.protocol) ?? []).some(([from, to]) => from <= t.port && t.port <= to),
  );
}

/**
 * The port intervals of `protocol` on which the admitting rules (all-traffic rules and
 * this protocol's rules whose ports include it) cover every address, none of them alone.
 */
function sweep(prepared: readonly Prepared[], protocol: string, family: 4 | 6): [number, number][] {
  const own = prepared.filter((p) => p.rule.protocol === protocol || p.rule.protocol === "-1");
  const coverage = new Coverage(
    own.flatMap((p) => p.ranges),
    family === 4 ? 1n << 32n : 1n << 128n,
  );
  let worlds = 0;
  const enter = (p: Prepared, delta: 1 | -1) => {
    for (const range of p.ranges) delta === 1 ? coverage.add(range) : coverage.remove(range);
    if (p.world) worlds += delta;
  };
  for (const p of own) if (p.rule.protocol === "-1") enter(p, 1);
  const events = new Map<number, { p: Prepared; delta: 1 | -1 }[]>();
  const at = (port: number) => events.get(port) ?? events.set(port, []).get(port)!;
  for (const p of own)
    if (p.rule.protocol === protocol && p.rule.from <= p.rule.to) {
      at(p.rule.from).push({ p, delta: 1 });
      at(p.rule.to + 1).push({ p, delta: -1 });
    }
  const ports = [...events.keys()].sort((a, b) => a - b);
  const intervals: [number, number][] = [];
  for (const [i, port] of ports.entries()) {
    for (const { p, delta } of events.get(port)!) enter(p, delta);
    if (worlds === 0 && coverage.full() && i + 1 < ports.length) intervals.push([port, ports[i + 1] - 1]);
  }
  return intervals;
}
/** The traffic worth asking about: for every rule, its protocol on its first port (a port any rule admits is covered by one of these). */
function candidates(rules: readonly SgRule[], portNumber?: number): Traffic[] {
  if (portNumber !== undefined) return [...new Set(rules.map((r) => r.protocol))].map((protocol) => ({ protocol, port: portNumber }));
  return rules.map((r) => ({ protocol: r.protocol, port: r.from }));
}
