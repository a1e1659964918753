import type { Range } from "./cidr.ts";

/**
 * The union of a changing set of address ranges, and whether it covers every address:
 * a segment tree over the ranges' end points that counts, for each segment, how many
 * ranges cover it (the union-of-rectangles sweep, in one dimension). Adding or removing a
 * range takes O(log n); asking whether everything is covered, O(1). The lint asks this
 * for each port where a group's set of rules changes, so a group of thousands of rules
 * costs n log n, not n² (a fresh union per port).
 */
export class Coverage {
  private readonly points: bigint[];
  private readonly count: Int32Array;
  private readonly covered: bigint[];
  private readonly size: number;
  private readonly total: bigint;

  /** `ranges`: every range that will ever be added; `total`: the number of addresses of the family. */
  constructor(ranges: readonly Range[], total: bigint) {
    this.total = total;
    const points = [0n, total, ...ranges.flatMap((r) => [r.start, r.end + 1n])];
    this.points = [...new Set(points)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.size = Math.max(1, this.points.length - 1);
    this.count = new Int32Array(4 * this.size);
    this.covered = Array<bigint>(4 * this.size).fill(0n);
  }

  add(range: Range): void {
    this.update(range, 1);
  }

  remove(range: Range): void {
    this.update(range, -1);
  }

  /** True when the ranges added and not removed cover every address. */
  full(): boolean {
    return this.covered[1] === this.total;
  }

  private index(point: bigint): number {
    let lo = 0;
    let hi = this.points.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.points[mid] < point) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private update(range: Range, delta: number): void {
    this.apply(1, 0, this.size, this.index(range.start), this.index(range.end + 1n), delta);
  }

  private apply(node: number, lo: number, hi: number, from: number, to: number, delta: number): void {
    if (to <= lo || hi <= from) return;
    if (from <= lo && hi <= to) this.count[node] += delta;
    else {
      const mid = (lo + hi) >> 1;
      this.apply(2 * node, lo, mid, from, to, delta);
      this.apply(2 * node + 1, mid, hi, from, to, delta);
    }
    if (this.count[node] > 0) this.covered[node] = this.points[hi] - this.points[lo];
    else if (hi - lo === 1) this.covered[node] = 0n;
    else this.covered[node] = this.covered[2 * node] + this.covered[2 * node + 1];
  }
}
