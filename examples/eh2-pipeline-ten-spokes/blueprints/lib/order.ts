/**
 * Orders strings by their code points, which is the order of their UTF-8 bytes: the same
 * on every machine. `localeCompare` follows the machine's locale (LANG=et_EE puts "z"
 * after "s"), so files ordered with it would not be byte-identical across machines.
 */
export function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
