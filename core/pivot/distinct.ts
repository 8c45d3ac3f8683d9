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
  private readonly stamps: Int32Array[];
  private readonly touched: Int32Array;
  private n = 0;

  constructor(
    private readonly levels: readonly Level[],
    weights: { sums: boolean; lists: boolean } = { sums: false, lists: false },
  ) {
    this.counts = levels.map((l) => new Int32Array(l.size));
    this.stamps = levels.map((l) => new Int32Array(l.size).fill(-1));
    this.sums = weights.sums ? levels.map((l) => new Float64Array(l.size)) : null;
    this.lists = weights.lists ? levels.map((l) => Array.from({ length: l.size }, () => [] as number[])) : null;
    this.touched = new Int32Array(levels[0]!.size);
  }

  /** Entity `e` (≥ 0) has a row in finest group g. */
  see(g: number, e: number, weight = 0): void {
    const stamp = this.stamps[0]!;
    if (stamp[g] === e) return;
    stamp[g] = e;
    this.counts[0]![g]!++;
    if (this.sums) this.sums[0]![g]! += weight;
    if (this.lists) this.lists[0]![g]!.push(weight);
    this.touched[this.n++] = g;
  }

  /** The rows of entity `e` have ended: count it once in every coarser group it reached. */
  flush(e: number, weight = 0): void {
    for (let l = 1; l < this.levels.length; l++) {
      const proj = this.levels[l]!.proj!;
      const stamp = this.stamps[l]!;
      const count = this.counts[l]!;
      for (let k = 0; k < this.n; k++) {
        const g = proj[this.touched[k]!]!;
        if (stamp[g] === e) continue;
        stamp[g] = e;
        count[g]!++;
        if (this.sums) this.sums[l]![g]! += weight;
        if (this.lists) this.lists[l]![g]!.push(weight);
      }
    }
    this.n = 0;
  }
}
