/** An address range from a CIDR, as numbers, so that every spelling of a range compares equal. */
export interface Range {
  readonly family: 4 | 6;
  readonly start: bigint;
  readonly end: bigint;
}

const BITS = { 4: 32n, 6: 128n } as const;

/**
 * Parses an IPv4 or IPv6 CIDR (`::0/0`, `0::/0`, `0000:…/0`, `::ffff:1.2.3.4/128`,
 * upper or lower case); undefined for anything else, such as a Terraform
 * expression, whose value is unknown at synth time.
 */
export function parseCidr(text: string): Range | undefined {
  const match = /^([0-9A-Fa-f:.]+)\/(\d{1,3})$/.exec(text.trim());
  if (!match) return undefined;
  const family = match[1].includes(":") ? 6 : 4;
  const address = family === 4 ? parseIpv4(match[1]) : parseIpv6(match[1]);
  const prefix = BigInt(Number(match[2]));
  if (address === undefined || prefix > BITS[family]) return undefined;
  // The host bits of a non-canonical CIDR (10.0.0.1/0) do not narrow it: the prefix alone decides the range.
  const hostBits = BITS[family] - prefix;
  const start = (address >> hostBits) << hostBits;
  return { family, start, end: start + (1n << hostBits) - 1n };
}

function parseIpv4(text: string): bigint | undefined {
  const octets = text.split(".");
  if (octets.length !== 4 || !octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)) return undefined;
  // in numbers first: one BigInt per address, not four (lint parses every rule's CIDRs)
  return BigInt(octets.reduce((acc, o) => acc * 256 + Number(o), 0));
}

function parseIpv6(text: string): bigint | undefined {
  let groups = text;
  let tail: bigint[] = [];
  // An embedded IPv4 address (::ffff:192.0.2.1) is the last two groups.
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const value = parseIpv4(v4[2]);
    if (value === undefined) return undefined;
    groups = v4[1].endsWith("::") ? v4[1] : v4[1].slice(0, -1);
    tail = [value >> 16n, value & 0xffffn];
  }
  const halves = groups.split("::");
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part === "" ? [] : part.split(":"));
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  if (![...head, ...rest].every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return undefined;
  const written = head.length + rest.length + tail.length;
  const missing = 8 - written;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const values = [...head.map(hex), ...Array<bigint>(halves.length === 2 ? missing : 0).fill(0n), ...rest.map(hex), ...tail];
  return values.reduce((acc, g) => (acc << 16n) + g, 0n);
}

const hex = (group: string) => BigInt(`0x${group}`);

/** True when one range is all addresses of its family (`0.0.0.0/0`, `::/0` in any spelling). */
export function isWorld(cidr: string): boolean {
  const range = parseCidr(cidr);
  return range !== undefined && range.start === 0n && range.end === (1n << BITS[range.family]) - 1n;
}

/** True when the ranges of one family together cover every address of that family. */
export function coverAll(ranges: readonly Range[], family: 4 | 6): boolean {
  const sorted = ranges.filter((r) => r.family === family).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let next = 0n;
  for (const r of sorted) {
    if (r.start > next) return false;
    if (r.end + 1n > next) next = r.end + 1n;
  }
  return next === 1n << BITS[family];
}
