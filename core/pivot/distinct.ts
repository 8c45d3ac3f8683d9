// Exact distinct counts without sets. Fact rows arrive grouped by entity (a child's rows together, a
// trajectory's rows together), so a group has seen an entity before exactly when its "last seen" stamp
// holds that entity. The finest level is stamped per row; when the entity's rows end, the groups it
// touched are projected onto every coarser level (subtotals, totals) and stamped there, so each total is a
// distinct count over the union of its cells — never a sum of children counted twice.
export interface Level {
  size: number;
  /** Finest group → this level's group; null for the finest level itself. */
  proj: Int32Array | null;
}

export class DistinctCounter {
  readonly counts: Int32Array[];
  /** Per level, the sum of the entity weights (e.g. trajectory durations) over distinct entities. */
  readonly sums: Float64Array[] | null;
  /** Per level and group, the weights themselves (for medians); only when asked for. */
  readonly lists: number[][][] | null;
  /** The finest level's stamps and counts and the groups touched by the current entity: the scan's hot loop
   *  updates these directly (a method call per row costs more than the work). */
  readonly stamp: Int32Array;
  readonly count: Int32Array;
  readonly touched: Int32Array;
  private readonly stamps: Int32Array[];

  constructor(
    private readonly levels: readonly Level[],
    weights: { sums: boolean; lists: boolean } = { sums: false, lists: false },
  ) {
    this.counts = levels.map((l) => new Int32Array(l.size));
    this.stamps = levels.map((l) => new Int32Array(l.size).fill(-1));
    this.sums = weights.sums ? levels.map((l) => new Float64Array(l.size)) : null;
    this.lists = weights.lists ? levels.map((l) => Array.from({ length: l.size }, () => [] as number[])) : null;
    this.touched = new Int32Array(levels[0]!.size);
    this.stamp = this.stamps[0]!;
    this.count = this.counts[0]!;
  }

  /** Entity `e` (≥ 0) has a row in finest group g; returns the new number of touched groups. */
  see(g: number, e: number, n: number, weight = 0): number {
    if (this.stamp[g] === e) return n;
    this.stamp[g] = e;
    this.count[g]!++;
    if (this.sums) this.sums[0]![g]! += weight;
    if (this.lists) this.lists[0]![g]!.push(weight);
    this.touched[n] = g;
    return n + 1;
  }

  /** The rows of entity `e` have ended, having touched the first `n` groups in `touched`: count it once in
   *  every coarser group it reached. */
  flush(e: number, n: number, weight = 0): void {
    for (let l = 1; l < this.levels.length; l++) {
      const proj = this.levels[l]!.proj!;
      const stamp = this.stamps[l]!;
      const count = this.counts[l]!;
      for (let k = 0; k < n; k++) {
        const g = proj[this.touched[k]!]!;
        if (stamp[g] === e) continue;
        stamp[g] = e;
        count[g]!++;
        if (this.sums) this.sums[l]![g]! += weight;
        if (this.lists) this.lists[l]![g]!.push(weight);
      }
    }
  }
}
