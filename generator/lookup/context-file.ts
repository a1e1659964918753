import type { PlannedFile } from "../plan/types";
import { parseFacts } from "./context-schema";
import { type AwsFacts, compare, type ServiceFacts, type ZoneFacts } from "./facts";

/** Where a project keeps its recorded AWS answers, next to `.privatelink.json`. */
export const CONTEXT_FILE = "privatelink.context.json";

/** The format of the file; a change that old readers would misread gets a new number. */
export const CONTEXT_VERSION = 1;

/** The marker line: where the file came from and how to make it again (projen's way). */
export const CONTEXT_MARKER =
  "Recorded by create-privatelink --lookup (EC2 DescribeAvailabilityZones, DescribeVpcEndpointServices) so that synth never calls AWS. Regenerate with --lookup; older than 90 days counts as stale.";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The context file for `facts`: JSON with sorted keys, lists in a fixed order,
 * two-space indent and a final newline, so equal facts give equal bytes
 * whatever order AWS answered in.
 */
export function contextFile(facts: AwsFacts): PlannedFile {
  const document = { "//": CONTEXT_MARKER, version: CONTEXT_VERSION, ...normalize(facts) };
  return { path: CONTEXT_FILE, content: `${JSON.stringify(sortKeys(document), null, 2)}\n` };
}

/**
 * Reads a context file's text back into facts, checking its shape; a bad
 * field is a BlueprintInputError naming the file and the field, e.g.
 * `privatelink.context.json:services[1].zoneIds`.
 * @param file the name used in messages @default "privatelink.context.json"
 */
export function readContext(text: string, file: string = CONTEXT_FILE): AwsFacts {
  return normalize(parseFacts(text, file, CONTEXT_VERSION));
}

/** Whole days since the facts were looked up (negative if `lookedUpAt` is in the future). */
export function ageInDays(facts: AwsFacts, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(facts.lookedUpAt)) / DAY_MS);
}

/**
 * True when the facts are older than `maxAgeDays` at `now`: AWS adds zones and
 * services, so `check` suggests a fresh `--lookup`.
 * @param maxAgeDays @default 90
 */
export function isStale(facts: AwsFacts, now: Date, maxAgeDays = 90): boolean {
  return now.getTime() - Date.parse(facts.lookedUpAt) > maxAgeDays * DAY_MS;
}

/** The facts with every list in its canonical order; only the fields of `AwsFacts` are kept. */
function normalize(facts: AwsFacts): AwsFacts {
  return {
    region: facts.region,
    partition: facts.partition,
    lookedUpAt: facts.lookedUpAt,
    zones: facts.zones.map(zone).sort((a, b) => compare(a.zoneId, b.zoneId)),
    services: facts.services.map(service).sort((a, b) => compare(a.serviceName, b.serviceName) || compare(a.serviceType, b.serviceType)),
  };
}

const zone = (z: ZoneFacts): ZoneFacts => ({ zoneName: z.zoneName, zoneId: z.zoneId, optInStatus: z.optInStatus });

function service(s: ServiceFacts): ServiceFacts {
  const pairs = s.zoneNames.map((name, i) => [name, s.zoneIds[i]!] as const).sort((a, b) => compare(a[0], b[0]));
  const [primary, ...others] = s.privateDnsNames;
  return {
    serviceName: s.serviceName,
    serviceType: s.serviceType,
    zoneNames: pairs.map((p) => p[0]),
    zoneIds: pairs.map((p) => p[1]),
    policySupported: s.policySupported,
    // The first private DNS name is the service's own (`PrivateDnsName`): it keeps its place.
    privateDnsNames: primary === undefined ? [] : [primary, ...[...new Set(others)].filter((n) => n !== primary).sort(compare)],
    ipAddressTypes: [...new Set(s.ipAddressTypes)].sort(compare),
    owner: s.owner,
    acceptanceRequired: s.acceptanceRequired,
    managesVpcEndpoints: s.managesVpcEndpoints,
    baseEndpointDnsNames: [...new Set(s.baseEndpointDnsNames)].sort(compare),
  };
}

/** Object keys in code-point order at every depth; arrays keep their order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => compare(a, b));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}
