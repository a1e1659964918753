/**
 * IPv4 subnet arithmetic, the same as Terraform's `cidrsubnet`, done at synth
 * time so that the synthesized JSON (and its snapshot) shows concrete ranges.
 */
export function cidrSubnet(cidr: string, newBits: number, index: number): string {
  const [address, prefixText] = cidr.split("/");
  const prefix = Number(prefixText);
  const base = address.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
  const size = 2 ** (32 - prefix - newBits);
  if (index < 0 || index >= 2 ** newBits) throw new RangeError(`subnet ${index} does not fit ${cidr} with ${newBits} new bits`);
  const start = base + index * size;
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(start / 2 ** shift) % 256);
  return `${octets.join(".")}/${prefix + newBits}`;
}
