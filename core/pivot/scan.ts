// One pass over the fact rows for one query: every row's finest group (the cell), then per child the
// distinct counts (children, trajectories, assignments) at every level and the sums at the finest level,
// rolled up to the coarser levels at the end (sums may be added; distinct counts may not). Queries without
// drill-through take the run scan (scan-runs.ts); this row-by-row scan serves drill-through.
import { numbers } from './columns.js';
import { applyContext } from './context.js';
import { DistinctCounter } from './distinct.js';
import { stridesOf } from './levels.js';
import { rowRanges } from './ranges.js';
import { scanRuns } from './scan-runs.js';
import { newSums, rollUp, trajectoryDurations, type ScanPlan, type ScanResult } from './scan-types.js';
import { KIND, STATUS, type FactStore } from './store.js';
import { compileUnits } from './units.js';

export type { CompiledFilter, ScanPlan, ScanResult, Sums } from './scan-types.js';

// Top-level loops over plain locals and row ranges: a closure capturing the buffer made these passes ten
// times slower. The first dimension assigns, the others add, filters mark dropped rows -1 last.
function setRowDim(g: Int32Array, ranges: Int32Array, codes: ArrayLike<number>, map: Int32Array, stride: number): void {
  for (let p = 0; p < ranges.length; p += 2) {
    const end = ranges[p + 1]!;
    for (let i = ranges[p]!; i < end; i++) g[i] = map[codes[i]!]! * stride;
  }
}

function addRowDim(g: Int32Array, ranges: Int32Array, codes: ArrayLike<number>, map: Int32Array, stride: number): void {
  for (let p = 0; p < ranges.length; p += 2) {
    const end = ranges[p + 1]!;
    for (let i = ranges[p]!; i < end; i++) g[i]! += map[codes[i]!]! * stride;
  }
}

function addClientDim(g: Int32Array, ranges: Int32Array, client: Int32Array, codes: ArrayLike<number>, map: Int32Array, stride: number): void {
  for (let p = 0; p < ranges.length; p += 2) {
    const end = ranges[p + 1]!;
    for (let i = ranges[p]!; i < end; i++) g[i]! += map[codes[client[i]!]!]! * stride;
  }
}

function filterDim(g: Int32Array, ranges: Int32Array, client: Int32Array | null, codes: ArrayLike<number>, map: Int32Array, allowed: Uint8Array): void {
  for (let p = 0; p < ranges.length; p += 2) {
    const end = ranges[p + 1]!;
    for (let i = ranges[p]!; i < end; i++) if (allowed[map[codes[client === null ? i : client[i]!]!]!] === 0) g[i] = -1;
  }
}

function fillZero(g: Int32Array, ranges: Int32Array): void {
  for (let p = 0; p < ranges.length; p += 2) g.fill(0, ranges[p]!, ranges[p + 1]!);
}

/** Finest group of each row in `ranges` without its context dimensions; -1 for rows filtered out. The
 *  buffer (4 bytes a row) lives for one query only: this scan serves only drill-through,
 *  and a buffer kept per store would add to the store's resident size. */
function baseGroups(store: FactStore, plan: ScanPlan, strides: number[], ranges: Int32Array): Int32Array {
  const g = new Int32Array(store.facts.numRows);
  const client = numbers<Int32Array>(store.facts, 'client');
  let first = true;
  plan.dims.forEach((d, k) => {
    if (d.source === 'context') return;
    if (first && d.source === 'row') setRowDim(g, ranges, d.codes!, d.map, strides[k]!);
    else {
      if (first) fillZero(g, ranges);
      if (d.source === 'row') addRowDim(g, ranges, d.codes!, d.map, strides[k]!);
      else addClientDim(g, ranges, client, d.codes!, d.map, strides[k]!);
    }
    first = false;
  });
  if (first) fillZero(g, ranges);
  for (const f of plan.filters) {
    const d = f.source;
    if (d.source !== 'context') filterDim(g, ranges, d.source === 'client' ? client : null, d.codes!, d.map, f.allowed);
  }
  return g;
}

export function scan(store: FactStore, plan: ScanPlan): ScanResult {
  const context = plan.dims.some((d) => d.source === 'context') || plan.filters.some((x) => x.source.source === 'context');
  return plan.collect ? scanRows(store, plan, context) : scanRuns(store, plan);
}

function scanRows(store: FactStore, plan: ScanPlan, context: boolean): ScanResult {
  const cards = plan.dims.map((d) => d.keys.length);
  const strides = stridesOf(cards);
  const ranges = rowRanges(store, plan.kinds);
  const base = baseGroups(store, plan, strides, ranges);
  const levels = plan.levels;
  const fine = levels[0]!.size;
  if (context) applyContext(store, plan, base, strides, fine, ranges);
  const f = store.facts;
  const kind = numbers<Uint8Array>(f, 'kind');
  const client = numbers<Int32Array>(f, 'client');
  const record = numbers<Int32Array>(f, 'record');
  const amount = numbers<Int32Array>(store.lines, 'amount');
  const volumeCol = numbers<Int32Array>(store.lines, 'volume');
  const status = numbers<Uint8Array>(store.lines, 'status');
  const unitCode = numbers<Int16Array>(f, 'unit');
  const units = compileUnits(store);
  const trajOf = numbers<Int32Array>(store.periods, 'trajectory');
  const duration = plan.durations === 'none' ? null : trajectoryDurations(store);

  const any = new DistinctCounter(levels);
  // With care rows only, "any record" and "in care" are the same children: one counter serves both.
  const careOnly = plan.kinds[0] && !plan.kinds[1] && !plan.kinds[2];
  const care = careOnly ? any : new DistinctCounter(levels);
  const approvedClients = new DistinctCounter(levels);
  const trajectories = new DistinctCounter(levels, { sums: duration !== null, lists: plan.durations === 'lists' });
  const assignments = new DistinctCounter(levels);
  const s = newSums(fine, true);
  const collect = plan.collect ?? null;
  const wanted = collect?.groups ?? null;

  const records = s.records;
  const wantTraj = plan.needs.trajectories;
  const wantAsg = plan.needs.assignments;
  const wantAppr = plan.needs.approvedClients;
  const anyStamp = any.stamp;
  const anyCount = any.count;
  const anyTouched = any.touched;
  const careStamp = care.stamp;
  const careCount = care.count;
  const careTouched = care.touched;
  const trajStamp = trajectories.stamp;
  const trajCount = trajectories.count;
  const trajTouched = trajectories.touched;
  let cur = -1;
  let lastCollected = -1;
  let nAny = 0;
  let nCare = 0;
  let nAppr = 0;
  let traj = -1;
  let nTraj = 0;
  let asg = -1;
  let nAsg = 0;
  for (let p = 0; p < ranges.length; p += 2) {
  const end = ranges[p + 1]!;
  for (let r = ranges[p]!; r < end; r++) {
    const g = base[r]!;
    if (g < 0) continue;
    if (wanted !== null) {
      if (wanted[g] === 0) continue;
      // A record's rows (one per month) are neighbours: list each care period, line or assignment once.
      const rk = kind[r]! * 0x40000000 + record[r]!;
      if (rk !== lastCollected) {
        lastCollected = rk;
        collect!.total++;
        if (collect!.rows.length < collect!.limit) collect!.rows.push(r);
      }
    }
    const c = client[r]!;
    if (c !== cur) {
      if (cur >= 0) {
        any.flush(cur, nAny);
        if (!careOnly) care.flush(cur, nCare);
        approvedClients.flush(cur, nAppr);
      }
      cur = c;
      nAny = nCare = nAppr = 0;
    }
    records[g]!++;
    if (anyStamp[g] !== c) {
      anyStamp[g] = c;
      anyCount[g]!++;
      anyTouched[nAny++] = g;
    }
    const k = kind[r]!;
    if (k === KIND.care) {
      if (!careOnly && careStamp[g] !== c) {
        careStamp[g] = c;
        careCount[g]!++;
        careTouched[nCare++] = g;
      }
      if (!wantTraj) continue;
      const t = trajOf[record[r]!]!;
      if (t !== traj) {
        if (traj >= 0) trajectories.flush(traj, nTraj, duration ? duration[traj] : 0);
        traj = t;
        nTraj = 0;
      }
      if (t < 0) continue;
      if (duration) nTraj = trajectories.see(g, t, nTraj, duration[t]);
      else if (trajStamp[g] !== t) {
        trajStamp[g] = t;
        trajCount[g]!++;
        trajTouched[nTraj++] = g;
      }
    } else if (k === KIND.assignment) {
      if (!wantAsg) continue;
      const a = record[r]!;
      if (a !== asg) {
        if (asg >= 0) assignments.flush(asg, nAsg);
        asg = a;
        nAsg = 0;
      }
      nAsg = assignments.see(g, a, nAsg);
    } else {
      const line = record[r]!;
      const amt = amount[line]!;
      s.claimed[g]! += amt;
      const st = status[line]!;
      if (st === STATUS.approved) {
        s.approved[g]! += amt;
        if (wantAppr && amt > 0) nAppr = approvedClients.see(g, c, nAppr);
      } else if (st === STATUS.pending) s.pending[g]! += amt;
      const uc = unitCode[r]!;
      const u = units.classOf[uc]!;
      const vol = (amt < 0 ? -volumeCol[line]! : volumeCol[line]!) * units.factor[uc]!;
      s.volume[g]! += vol;
      s.unit[g] = s.unit[g] === -1 || s.unit[g] === u ? u : -2;
      if (st === STATUS.approved && u !== units.euro) {
        s.priceAmount[g]! += amt;
        s.priceVolume[g]! += vol;
        s.priceUnit[g] = s.priceUnit[g] === -1 || s.priceUnit[g] === u ? u : -2;
      }
    }
  }
  }
  if (cur >= 0) {
    any.flush(cur, nAny);
    if (!careOnly) care.flush(cur, nCare);
    approvedClients.flush(cur, nAppr);
  }
  if (traj >= 0) trajectories.flush(traj, nTraj, duration ? duration[traj] : 0);
  if (asg >= 0) assignments.flush(asg, nAsg);
  return { any, care, approvedClients, trajectories, assignments, sums: rollUp(s, levels) };
}

