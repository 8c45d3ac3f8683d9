// The scan for queries without drill-through: child by child, its care, money and assignment runs (runs.ts). A run's stored dimensions are the same on
// all its rows, so its group is looked up once (compile.ts); only a query with a time dimension or filter
// walks a run's months (care, assignments: consecutive) or rows (money); without time, a money run adds
// its precomputed sums. Distinct counts use "last seen" stamps at the finest level and are projected
// onto the coarser levels when a child, trajectory or assignment ends (distinct.ts). Counters the
// measures do not need are left empty. Each kind has its own small function: a query that reads one kind
// then never runs, in optimised code, a path it has not seen before (which would fall back to the
// interpreter in the middle of a long loop). Context dimensions (age band, last municipality) take one more
// pass over a child's runs first, and each stretch then moves to its final group (scan-context.ts).
import { numbers } from './columns.js';
import { compileGroups, groupOf } from './compile.js';
import { DistinctCounter } from './distinct.js';
import { stridesOf } from './levels.js';
import { runIndex } from './runs.js';
import { Context } from './scan-context.js';
import { scanMoney } from './scan-money.js';
import { ScanState } from './scan-state.js';
import { addVolumes, volumeColumns } from './scan-volume.js';
import { rollUp, trajectoryDurations, type ScanPlan, type ScanResult } from './scan-types.js';
import { KIND, type FactStore } from './store.js';

export function scanRuns(store: FactStore, plan: ScanPlan): ScanResult {
  const { levels, needs } = plan;
  const month = numbers<Uint16Array>(store.facts, 'month');
  const strides = stridesOf(plan.dims.map((d) => d.keys.length));
  const lookups = compileGroups(plan.dims, strides, plan.filters, month);
  const duration = plan.durations === 'none' ? null : trajectoryDurations(store);
  const unused = levels.map((l) => ({ size: 0, proj: l.proj }));
  const counter = (needed: boolean, weights?: { sums: boolean; lists: boolean }) => new DistinctCounter(needed ? levels : unused, weights);
  const [readCare, readMoney, readAsg] = plan.kinds;
  const careOnly = readCare && !readMoney && !readAsg;
  const any = counter(true);
  const x = new ScanState(store, plan, lookups, {
    any,
    care: careOnly ? any : counter(needs.care),
    approvedClients: counter(needs.approvedClients),
    trajectories: counter(needs.trajectories, { sums: duration !== null, lists: plan.durations === 'lists' }),
    assignments: counter(needs.assignments),
  }, careOnly, duration);
  const ix = runIndex(store);
  const rows = ix.rows;
  const context = plan.dims.some((d) => d.source === 'context') || plan.filters.some((f) => f.source.source === 'context');
  const ctx = context ? new Context(store, plan, strides, levels[0]!.size, ix) : null;
  x.ctx = ctx;
  const volumes = needs.volume ? volumeColumns(store) : null;
  const clients = (rows.length - 1) / 3;
  for (let c = 0; c < clients; c++) {
    const cg = groupOf(lookups.client, c);
    if (cg < 0) continue;
    x.nAny = x.nCare = x.nAppr = 0;
    if (ctx !== null) ctx.gather(x, c, cg, plan.kinds);
    if (readCare) scanCare(x, c, cg, ix.careOf[c]!, ix.careOf[c + 1]!, rows[c * 3 + 1]!);
    if (readMoney) {
      scanMoney(x, c, cg, ix, ix.moneyOf[c]!, ix.moneyOf[c + 1]!, rows[c * 3 + 2]!);
      if (volumes) addVolumes(volumes, x.sums, cg, rows[c * 3 + 1]!, rows[c * 3 + 2]!, lookups.row, x.months, x.hasTime, ctx, c);
    }
    if (readAsg) scanAssignments(x, c, cg, ix.asgOf[c]!, ix.asgOf[c + 1]!, rows[c * 3 + 3]!);
    if (x.nAny > 0) any.flush(c, x.nAny);
    if (x.nCare > 0) x.care.flush(c, x.nCare);
    if (x.nAppr > 0) x.approvedClients.flush(c, x.nAppr);
  }
  x.endTrajectory();
  if (x.asg >= 0) x.assignments.flush(x.asg, x.nAsg);
  const { care, approvedClients, trajectories, assignments } = x;
  return { any, care, approvedClients, trajectories, assignments, sums: rollUp(x.sums, levels) };
}

/** Child c's care runs [from, hi) (the last one ending at kindEnd). */
function scanCare(x: ScanState, c: number, cg: number, from: number, hi: number, kindEnd: number): void {
  const { careRow: row, months, stretch, hasTime, records, wantCare, wantTraj, duration, ctx } = x;
  const { careRuns: runs, careMonth: month, careTraj: trajOf } = x.ix;
  const { stamp: anyStamp, count: anyCount, touched: anyTouched } = x.any;
  const { stamp: careStamp, count: careCount, touched: careTouched } = x.care;
  const { stamp: trajStamp, count: trajCount, touched: trajTouched } = x.trajectories;
  let nAny = x.nAny;
  let nCare = x.nCare;
  for (let i = from; i < hi; i++) {
    const start = runs[i]!;
    const rg = cg + groupOf(row, i);
    if (rg < 0) continue;
    const len = (i + 1 < hi ? runs[i + 1]! : kindEnd) - start;
    let t = -1;
    if (wantTraj) {
      t = trajOf[i]!;
      if (t !== x.traj) {
        x.endTrajectory();
        x.traj = t;
      }
    }
    // Without time, the whole run falls in one group; with time, in one per stretch of months that share
    // a time group (a year, a quarter, a month).
    let m = month[i]!;
    const mEnd = m + len;
    while (m < mEnd) {
      let g = rg;
      let next = mEnd;
      if (hasTime) {
        g += months[m]!;
        if (stretch[m]! < mEnd) next = stretch[m]!;
      }
      const per = next - m;
      m = next;
      if (g < 0) continue;
      if (ctx !== null && (g = ctx.settle(g, KIND.care, c)) < 0) continue;
      records[g]! += per;
      if (anyStamp[g] !== c) {
        anyStamp[g] = c;
        anyCount[g]!++;
        anyTouched[nAny++] = g;
      }
      if (wantCare && careStamp[g] !== c) {
        careStamp[g] = c;
        careCount[g]!++;
        careTouched[nCare++] = g;
      }
      if (t < 0) continue;
      if (duration) x.nTraj = x.trajectories.see(g, t, x.nTraj, duration[t]);
      else if (trajStamp[g] !== t) {
        trajStamp[g] = t;
        trajCount[g]!++;
        trajTouched[x.nTraj++] = g;
      }
    }
  }
  x.nAny = nAny;
  x.nCare = nCare;
}

/** Child c's assignment runs [from, hi); each run is one assignment over consecutive months. */
function scanAssignments(x: ScanState, c: number, cg: number, from: number, hi: number, kindEnd: number): void {
  const { asgRow: row, months, stretch, hasTime, records, wantAsg, ctx } = x;
  const { asgRuns: runs, asgMonth: month, asgRecord: record } = x.ix;
  const { stamp: anyStamp, count: anyCount, touched: anyTouched } = x.any;
  const { stamp: asgStamp, count: asgCount, touched: asgTouched } = x.assignments;
  let nAny = x.nAny;
  for (let i = from; i < hi; i++) {
    const start = runs[i]!;
    const rg = cg + groupOf(row, i);
    if (rg < 0) continue;
    const len = (i + 1 < hi ? runs[i + 1]! : kindEnd) - start;
    const a = record[i]!;
    if (wantAsg && a !== x.asg) {
      if (x.asg >= 0) x.assignments.flush(x.asg, x.nAsg);
      x.asg = a;
      x.nAsg = 0;
    }
    let nAsg = x.nAsg;
    let m = month[i]!;
    const mEnd = m + len;
    while (m < mEnd) {
      let g = rg;
      let next = mEnd;
      if (hasTime) {
        g += months[m]!;
        if (stretch[m]! < mEnd) next = stretch[m]!;
      }
      const per = next - m;
      m = next;
      if (g < 0) continue;
      if (ctx !== null && (g = ctx.settle(g, KIND.assignment, c)) < 0) continue;
      records[g]! += per;
      if (anyStamp[g] !== c) {
        anyStamp[g] = c;
        anyCount[g]!++;
        anyTouched[nAny++] = g;
      }
      if (wantAsg && asgStamp[g] !== a) {
        asgStamp[g] = a;
        asgCount[g]!++;
        asgTouched[nAsg++] = g;
      }
    }
    x.nAsg = nAsg;
  }
  x.nAny = nAny;
}
