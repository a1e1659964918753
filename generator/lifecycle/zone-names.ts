import { BlueprintInputError, isInputError } from "../../blueprints/lib/errors";
import { zoneIdsOf } from "../../blueprints/lib/facts/zones";
import { byCodePoint } from "../../blueprints/lib/order";
import { questionOf } from "../answers/catalog";
import { toList } from "../answers/parse";
import type { BlueprintEntry } from "../bindings/blueprint";

/**
 * Zone names in an older project's answers, made zone IDs for the version it
 * is upgraded to. service-endpoints@1 and @2 recorded names (`us-east-1a`) for
 * new VPCs, endpoint-service@1 recorded `subnet-…@us-east-1a`; their successors
 * place by ID, because in independently mapped regions a name is a different
 * zone in each account. Only the project's own account knows which ID its
 * names meant: AWS (`--lookup`: DescribeAvailabilityZones), its owner (asked in
 * a terminal), or a flag that replaces the answer. With the right IDs the
 * deployed subnets stay: AWS reports each subnet's zone ID, and the provider
 * compares `availability_zone_id` with it (see moves.ts for the renamed resources).
 */

/** One zone name in the answers: where (`availabilityZones[0]`, `subnets[1]`), which answer, and the name. */
export interface ZoneNameAnswer {
  readonly field: string;
  readonly key: string;
  readonly name: string;
}

const isName = (text: string, region: string) => text.length === region.length + 1 && text.startsWith(region) && /[a-z]$/.test(text);
const SUBNET_AT = /^(subnet-[0-9a-f]+)@(.+)$/;

/** Every zone name in `answers`, skipping answers the run's flags replace. */
export function zoneNamesToReplace(
  answers: Readonly<Record<string, unknown>>,
  region: string,
  flags: Readonly<Record<string, unknown>> = {},
): ZoneNameAnswer[] {
  const found: ZoneNameAnswer[] = [];
  const walk = (value: unknown, field: string, key: string): void => {
    if (typeof value === "string") {
      const name = SUBNET_AT.exec(value)?.[2] ?? value;
      if (isName(name, region)) found.push({ field, key, name });
    } else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, `${field}[${i}]`, key);
    } else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, `${field}.${k}`, key);
  };
  for (const [key, value] of Object.entries(answers)) if (flags[key] === undefined) walk(value, key, key);
  return found;
}

/** The answers whose zone names `to` refuses: its own question's check says so (a version that takes names keeps them). */
function refusedByTarget(answers: Readonly<Record<string, unknown>>, to: BlueprintEntry, keys: readonly string[]): Set<string> {
  return new Set(
    keys.filter((key) => {
      try {
        questionOf(key, to)?.check(answers[key], answers);
        return false;
      } catch (error) {
        if (isInputError(error)) return true;
        throw error;
      }
    }),
  );
}

/**
 * What an upgrade to `to` will need besides the recorded answers, for `check`
 * to say before it recommends one: the zone IDs of recorded zone names; null
 * when nothing.
 */
export function upgradeNeeds(answers: Readonly<Record<string, unknown>>, to: BlueprintEntry): string | null {
  const region = String(answers.region);
  const found = zoneNamesToReplace(answers, region);
  const refused = refusedByTarget(answers, to, [...new Set(found.map((n) => n.key))]);
  const names = [...new Set(found.filter((n) => refused.has(n.key)).map((n) => n.name))].sort(byCodePoint);
  if (names.length === 0) return null;
  const flags = [...refused].map((key) => questionOf(key, to)?.flag ?? `--${key}`).join(", ");
  return `the zone IDs of ${names.join(", ")} in your account: pass --lookup (asks AWS), or ${flags} with the IDs, or run it in a terminal`;
}

/** `answers` with each zone name replaced by its ID (`us-east-1a` → `use1-az6`, `subnet-…@us-east-1a` → `subnet-…@use1-az6`). */
export function withZoneIds(
  answers: Readonly<Record<string, unknown>>,
  region: string,
  ids: ReadonlyMap<string, string>,
  keys: ReadonlySet<string>,
): Record<string, unknown> {
  const swap = (value: unknown): unknown => {
    if (typeof value === "string") {
      const at = SUBNET_AT.exec(value);
      const name = at?.[2] ?? value;
      const id = isName(name, region) ? ids.get(name) : undefined;
      return id === undefined ? value : at ? `${at[1]}@${id}` : id;
    }
    if (Array.isArray(value)) return value.map(swap);
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]));
    return value;
  };
  return Object.fromEntries(Object.entries(answers).map(([key, value]) => [key, keys.has(key) ? swap(value) : value]));
}

const describeIds = (ids: ReadonlyMap<string, string>) =>
  [...ids]
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([name, id]) => `${name} → ${id}`)
    .join(", ");

/**
 * The name → ID pairs a flag's new value gives for a recorded answer of names,
 * item by item (`--availability-zones use1-az4,use1-az6` for `us-east-1a,us-east-1b`;
 * `--subnets subnet-1@use1-az4` for `subnet-1@us-east-1a`). A pair that contradicts another is left out.
 */
function flagMapping(
  answers: Readonly<Record<string, unknown>>,
  flags: Readonly<Record<string, unknown>>,
  region: string,
  to: BlueprintEntry,
): { ids: Map<string, string>; how: string } {
  const ids = new Map<string, string>();
  const used: string[] = [];
  for (const [key, value] of Object.entries(flags)) {
    const recorded = answers[key];
    if (!Array.isArray(recorded)) continue;
    let given: string[];
    try {
      given = toList(value, key);
    } catch {
      continue; // the flag's own check names what is wrong with it, when the version's question reads it
    }
    recorded.forEach((item, i) => {
      if (typeof item !== "string" || given[i] === undefined) return;
      const [before, after] = [SUBNET_AT.exec(item), SUBNET_AT.exec(given[i]!)];
      const name = before?.[2] ?? item;
      const id = after?.[2] ?? given[i]!;
      if (!isName(name, region) || (before && before[1] !== after?.[1]) || (ids.has(name) && ids.get(name) !== id)) return;
      ids.set(name, id);
      used.push(questionOf(key, to)?.flag ?? `--${key}`);
    });
  }
  return { ids, how: `given by ${[...new Set(used)].join(", ")}` };
}

/** How the IDs are found: AWS's answer for the account (`lookup`), or the owner's (`ask`, one name at a time). */
export interface ZoneIdSources {
  readonly lookup?: (region: string) => Promise<ReadonlyMap<string, string>>;
  readonly ask?: (name: string, region: string, ids: readonly string[]) => Promise<string>;
}

/** The outcome: answers with IDs, and what to tell the owner (the mapping used, and what it means for the subnets). */
export interface ZoneIdOutcome {
  readonly answers: Record<string, unknown>;
  readonly notes: readonly string[];
  readonly ids: ReadonlyMap<string, string>;
}

/**
 * Replaces the recorded zone names for an upgrade to `to`: through AWS with
 * `lookup`, else by asking, else an error that names the flags that can.
 */
export async function zoneIdsForUpgrade(
  answers: Readonly<Record<string, unknown>>,
  to: BlueprintEntry,
  flags: Readonly<Record<string, unknown>>,
  sources: ZoneIdSources,
): Promise<ZoneIdOutcome> {
  const region = String(answers.region);
  const found = zoneNamesToReplace(answers, region, flags);
  const refused = refusedByTarget(answers, to, [...new Set(found.map((n) => n.key))]);
  const names = found.filter((n) => refused.has(n.key));
  // Names a flag replaces with IDs still say which zone each deployed subnet is in: pair them, for the moves.
  const given = flagMapping(answers, flags, region, to);
  const givenNote = given.ids.size > 0 ? [`recorded zone names become the zone IDs ${given.how}: ${describeIds(given.ids)}`] : [];
  if (names.length === 0) return { answers: { ...answers }, notes: givenNote, ids: given.ids };
  const distinct = [...new Set(names.map((n) => n.name))].sort(byCodePoint);
  const target = `${to.manifest.name}@${to.manifest.version}`;
  let ids: Map<string, string>;
  let how: string;
  if (sources.lookup) {
    const mapping = await sources.lookup(region);
    const missing = distinct.filter((name) => !mapping.has(name));
    if (missing.length > 0)
      throw new BlueprintInputError(
        names.find((n) => n.name === missing[0])!.field,
        `"${missing[0]}" is recorded in .privatelink.json, but this account has no available zone of that name in ${region} (DescribeAvailabilityZones); pass the answer's flag with zone IDs instead`,
      );
    ids = new Map(distinct.map((name) => [name, mapping.get(name)!]));
    how = "this account's mapping (DescribeAvailabilityZones)";
  } else if (sources.ask) {
    ids = new Map();
    for (const name of distinct) ids.set(name, await sources.ask(name, region, zoneIdsOf(region)));
    how = "as answered";
  } else {
    const first = names[0]!;
    const keys = [...new Set(names.map((n) => n.key))];
    const flagsOf = keys.map((key) => questionOf(key, to)?.flag ?? `--${key}`).join(", ");
    throw new BlueprintInputError(
      first.field,
      `"${first.name}" is a zone name recorded in .privatelink.json; ${target} places by zone ID (in ${region} a name is a different zone in each account), and only your account knows which ID ${distinct.join(", ")} ${distinct.length > 1 ? "are" : "is"}: run the upgrade with --lookup (asks AWS: ec2:DescribeAvailabilityZones), or pass ${flagsOf} with zone IDs (aws ec2 describe-availability-zones --region ${region}), or run it in a terminal to be asked`,
    );
  }
  const notes = [...givenNote, `zone names recorded in .privatelink.json become zone IDs, ${how}: ${describeIds(ids)}`];
  return { answers: withZoneIds(answers, region, ids, refused), notes, ids: new Map([...given.ids, ...ids]) };
}

/** This account's zone name → ID mapping in `region`: DescribeAvailabilityZones, through the EC2 SDK (loaded only here). */
export async function lookupZoneIds(region: string): Promise<ReadonlyMap<string, string>> {
  const { defaultEc2Client } = require("../lookup/client") as typeof import("../lookup/client");
  const { describeZones } = require("../lookup/describe") as typeof import("../lookup/describe");
  const { lookupError } = require("../lookup/aws-errors") as typeof import("../lookup/aws-errors");
  try {
    const zones = await describeZones(defaultEc2Client(region));
    return new Map(zones.map((z) => [z.ZoneName!, z.ZoneId!]));
  } catch (error) {
    throw lookupError(error, "DescribeAvailabilityZones", region);
  }
}
