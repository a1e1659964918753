/**
 * Readable Terraform names for cdktf's logical IDs. cdktf names a resource after its construct
 * path joined by `_` plus an 8-digit hash (`endpoints_interface-ssm_1A2B3C4D`); the hash keeps IDs
 * unique across the whole app, but within one type of one stack the path alone is usually enough.
 * The blueprint's own top construct (`endpoints`, `service`, `hub`) is dropped when that stays unique.
 */

const HASH = /_[0-9A-F]{8}$/;

/** A logical ID without its hash, split into its construct path. */
function pathOf(id: string): string[] {
  return id.replace(HASH, "").split("_").filter(Boolean);
}

/** Lower case, `-` and other separators as `_`, never starting with a digit. */
export function identifier(text: string, fallback: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
  if (name === "") return fallback;
  return /^[0-9]/.test(name) ? `${fallback}_${name}` : name;
}

/**
 * New names for the logical IDs of one type in one stack: deterministic (sorted input, no
 * randomness), unique, and stable when other types change. Returns old ID → new name.
 */
export function renameIds(type: string, ids: readonly string[]): Map<string, string> {
  const fallback = type.replace(/^aws_/, "");
  const sorted = [...ids].sort();
  const short = (id: string) => {
    const path = pathOf(id);
    return identifier((path.length > 1 ? path.slice(1) : path).join("_"), fallback);
  };
  const long = (id: string) => identifier(pathOf(id).join("_"), fallback);
  const count = (names: string[]) => names.reduce((m, n) => m.set(n, (m.get(n) ?? 0) + 1), new Map<string, number>());
  const shorts = count(sorted.map(short));
  const candidates = sorted.map((id) => (shorts.get(short(id)) === 1 ? short(id) : long(id)));
  const result = new Map<string, string>();
  const used = new Set<string>();
  sorted.forEach((id, i) => {
    let name = candidates[i];
    for (let n = 2; used.has(name); n++) name = `${candidates[i]}_${n}`;
    used.add(name);
    result.set(id, name);
  });
  return result;
}

/** A name not yet in `used` (which it is then added to): `base`, else `base_2`, `base_3`... */
export function unique(base: string, used: Set<string>): string {
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
  used.add(name);
  return name;
}
