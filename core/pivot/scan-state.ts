// What the run scan's per-kind functions share for one query: the columns, the group lookups, the sums
// and distinct counters, and the entities (child, trajectory, assignment) in progress.
import { numbers } from './columns.js';
import { onColumns, type ColumnLookups, type GroupLookups } from './compile.js';
import { runIndex, type RunIndex } from './runs.js';
import type { DistinctCounter } from './distinct.js';
import type { Context } from './scan-context.js';
import { newSums, type ScanPlan, type Sums } from './scan-types.js';
import type { FactStore } from './store.js';

export interface Counters {
  any: DistinctCounter;
  care: DistinctCounter;
  approvedClients: DistinctCounter;
  trajectories: DistinctCounter;
  assignments: DistinctCounter;
}

export class ScanState {
  readonly row: ColumnLookups;
  /** The same lookups over the per-run codes of each kind (runs.ts). */
  readonly careRow: ColumnLookups;
  readonly moneyRow: ColumnLookups;
  readonly asgRow: ColumnLookups;
  readonly ix: RunIndex;
  /** Per month index its group share (REJECT when filtered out); empty when time plays no part. */
  readonly months: Int32Array;
  /** Per month index, the first later month with another time group: where a stretch of months ends. */
  readonly stretch: Int32Array;
  readonly hasTime: boolean;
  readonly month: Uint16Array;
  readonly record: Int32Array;
  /** Per declaration line (a money row's record). */
  readonly amount: Int32Array;
  readonly status: Uint8Array;
  readonly sums: Sums;
  readonly records: Float64Array;
  readonly any: DistinctCounter;
  readonly care: DistinctCounter;
  readonly approvedClients: DistinctCounter;
  readonly trajectories: DistinctCounter;
  readonly assignments: DistinctCounter;
  readonly wantCare: boolean;
  readonly wantTraj: boolean;
  readonly wantAsg: boolean;
  readonly wantAppr: boolean;
  /** Groups touched so far by the current child (any record, in care, approved debit line). */
  nAny = 0;
  nCare = 0;
  nAppr = 0;
  /** The trajectory and assignment in progress, and the groups each has touched. */
  traj = -1;
  nTraj = 0;
  asg = -1;
  nAsg = 0;
  /** Context dimensions (age band, last municipality) of the query, settled per child; null without. */
  ctx: Context | null = null;

  constructor(store: FactStore, plan: ScanPlan, lookups: GroupLookups, counters: Counters, careOnly: boolean, readonly duration: Float64Array | null) {
    const f = store.facts;
    this.row = lookups.row;
    this.ix = runIndex(store);
    this.careRow = onColumns(lookups.row, this.ix.careDims);
    this.moneyRow = onColumns(lookups.row, this.ix.moneyDims);
    this.asgRow = onColumns(lookups.row, this.ix.asgDims);
    this.months = lookups.time ?? new Int32Array(0);
    this.hasTime = lookups.time !== null;
    const months = this.months;
    this.stretch = new Int32Array(months.length);
    for (let m = months.length - 1; m >= 0; m--) this.stretch[m] = m + 1 < months.length && months[m + 1] === months[m] ? this.stretch[m + 1]! : m + 1;
    this.month = numbers<Uint16Array>(f, 'month');
    this.record = numbers<Int32Array>(f, 'record');
    this.amount = numbers<Int32Array>(store.lines, 'amount');
    this.status = numbers<Uint8Array>(store.lines, 'status');
    this.sums = newSums(plan.levels[0]!.size, plan.needs.volume);
    this.records = this.sums.records;
    this.any = counters.any;
    this.care = counters.care;
    this.approvedClients = counters.approvedClients;
    this.trajectories = counters.trajectories;
    this.assignments = counters.assignments;
    this.wantCare = plan.needs.care && !careOnly;
    this.wantTraj = plan.needs.trajectories;
    this.wantAsg = plan.needs.assignments;
    this.wantAppr = plan.needs.approvedClients;
  }

  /** The trajectory in progress has no more rows: count it once in every coarser group it reached. */
  endTrajectory(): void {
    if (this.traj >= 0) this.trajectories.flush(this.traj, this.nTraj, this.duration ? this.duration[this.traj] : 0);
    this.traj = -1;
    this.nTraj = 0;
  }
}
