// Exact distinct counts without sets. Fact rows arrive grouped by entity (a child's rows together, a
// trajectory's rows together), so a group has seen an entity before exactly when its "last seen" stamp
// holds that entity. The finest level is stamped per row; when the entity's rows end, the groups it
// touched are projected onto every coarser level (subtotals, totals) and stamped there, so each total is a
// distinct count over the union of its cells — never a sum of children counted twice.
export interface Level {
  size: number;
  /** Finest group → this level's group; null for the finest level itself. */
  proj: Int32Array | null;
  /** A finer level this one is one dimension less than (its index, before this one) and its group → this
   *  level's group: an entity's groups here are found from its distinct groups there, usually far fewer
   *  than its finest groups. Absent: from the finest level through `proj`. */
  parent?: number;
  up?: Int32Array;
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
  /** Per level, the groups the entity being flushed reached there. */
  private readonly reached: Int32Array[];
  private readonly reachedCount: Int32Array;

  constructor(
    private readonly levels: readonly Level[],
    weights: { sums: boolean; lists: boolean } = { sums: false, lists: false },
  ) {
    this.counts = levels.map((l) => new Int32Array(l.size));
    this.stamps = levels.map((l) => new Int32Array(l.size).fill(-1));
    this.sums = weights.sums ? levels.map((l) => new Float64Array(l.size)) : null;
    this.lists = weights.lists ? levels.map((l) => Array.from({ length: l.size }, () => [] as number[])) : null;
    this.touched = new Int32Array(levels[0]!.size);
    this.reached = levels.map((l, i) => (i === 0 ? this.touched : new Int32Array(levels.some((m) => m.parent === i) ? l.size : 0)));
    this.reachedCount = new Int32Array(levels.length);
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
    const reachedCount = this.reachedCount;
    reachedCount[0] = n;
    for (let l = 1; l < this.levels.length; l++) {
      const level = this.levels[l]!;
      const from = level.up ? level.parent! : 0;
      const map = level.up ?? level.proj!;
      const source = this.reached[from]!;
      const m = reachedCount[from]!;
      const out = this.reached[l]!;
      const keep = out.length > 0;
      const stamp = this.stamps[l]!;
      const count = this.counts[l]!;
      let k = 0;
      for (let i = 0; i < m; i++) {
        const g = map[source[i]!]!;
        if (stamp[g] === e) continue;
        stamp[g] = e;
        count[g]!++;
        if (keep) out[k++] = g;
        if (this.sums) this.sums[l]![g]! += weight;
        if (this.lists) this.lists[l]![g]!.push(weight);
      }
      reachedCount[l] = k;
    }
  }
}
