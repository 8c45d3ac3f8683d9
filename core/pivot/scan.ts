// One pass over the fact rows for one query: every row's finest group (the cell), then per child the
// distinct counts (children, trajectories, assignments) at every level and the sums at the finest level,
// rolled up to the coarser levels at the end (sums may be added; distinct counts may not).
import { numbers } from './columns.js';
import type { DimSource } from './dims.js';
import { DistinctCounter } from './distinct.js';
import { bandCode } from './fast-age.js';
import type { LevelSpec } from './levels.js';
import { stridesOf } from './levels.js';
import { KIND, STATUS, type FactStore } from './store.js';
import { compileUnits } from './units.js';
import { rowRanges } from './ranges.js';

export interface CompiledFilter {
  source: DimSource;
  allowed: Uint8Array; // per dimension code
}

export interface ScanPlan {
  dims: DimSource[]; // the query's dimensions: rows, then cols
  filters: CompiledFilter[];
  kinds: readonly [boolean, boolean, boolean]; // care, money, assignment rows needed
  levels: LevelSpec[];
  durations: 'none' | 'sums' | 'lists';
  /** Distinct counts the measures need beyond the children with any record. */
  needs: { trajectories: boolean; assignments: boolean; approvedClients: boolean };
  /** Drill-through: the first row of each record whose finest group is in `groups`; null = no drill. */
  collect?: { groups: Uint8Array; rows: number[]; limit: number; total: number } | null;
}

export interface Sums {
  records: Float64Array;
  claimed: Float64Array;
  approved: Float64Array;
  pending: Float64Array;
  volume: Float64Array;
  unit: Int32Array; // unit class of the volume: -1 none, -2 mixed
  priceAmount: Float64Array;
  priceVolume: Float64Array;
  priceUnit: Int32Array;
}

export interface ScanResult {
  any: DistinctCounter; // children with any counted record (suppression)
  care: DistinctCounter; // children in care
  approvedClients: DistinctCounter;
  trajectories: DistinctCounter;
  assignments: DistinctCounter;
  sums: Sums[]; // per level
}

function newSums(size: number): Sums {
  const f = () => new Float64Array(size);
  return { records: f(), claimed: f(), approved: f(), pending: f(), volume: f(), unit: new Int32Array(size).fill(-1), priceAmount: f(), priceVolume: f(), priceUnit: new Int32Array(size).fill(-1) };
}

const scratch = new WeakMap<FactStore, Int32Array>();
const zeros = new WeakMap<FactStore, Uint8Array>();
const ZERO_MAP = new Int32Array(1);

/** A column of zero codes standing in for an absent dimension in the fast path. */
function zeroCodes(store: FactStore): Uint8Array {
  let z = zeros.get(store);
  if (!z) zeros.set(store, (z = new Uint8Array(store.facts.numRows)));
  return z;
}

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

/** Finest group of each row in `ranges` without its context dimensions; -1 for rows filtered out. */
function baseGroups(store: FactStore, plan: ScanPlan, strides: number[], ranges: Int32Array): Int32Array {
  const n = store.facts.numRows;
  let buffer = scratch.get(store);
  if (!buffer || buffer.length !== n) scratch.set(store, (buffer = new Int32Array(n)));
  const g = buffer;
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

/** The age band and last municipality of each row, decided per child from its rows in the same cell, folded
 *  into the row's group in place (or -1 when a filter on them drops the row). */
function applyContext(store: FactStore, plan: ScanPlan, base: Int32Array, strides: number[], fine: number, ranges: Int32Array): void {
  const f = store.facts;
  const kind = numbers<Uint8Array>(f, 'kind');
  const client = numbers<Int32Array>(f, 'client');
  const lastDay = numbers<Int32Array>(f, 'lastDay');
  const municipality = numbers<Int16Array>(f, 'municipality');
  const birth = numbers<Int32Array>(store.clients, 'birth');
  const ageAt = plan.dims.findIndex((d) => d.dim === 'ageband');
  const munAt = plan.dims.findIndex((d) => d.dim === 'lastMunicipality');
  const ageFilter = plan.filters.find((x) => x.source.dim === 'ageband')?.allowed ?? null;
  const munFilter = plan.filters.find((x) => x.source.dim === 'lastMunicipality')?.allowed ?? null;
  const ageStride = ageAt >= 0 ? strides[ageAt]! : 0;
  const munStride = munAt >= 0 ? strides[munAt]! : 0;
  const stamp = new Int32Array(fine * 3).fill(-1);
  const last = new Int32Array(fine * 3);
  const mun = new Int32Array(fine * 3);
  // Per child and range: a context (x) includes the row's kind, so a child's care and assignment runs never
  // share one and each run can be settled on its own.
  for (let p = 0; p < ranges.length; p += 2) {
    const to = ranges[p + 1]!;
    let i = ranges[p]!;
    while (i < to) {
      const c = client[i]!;
      let e = i;
      while (e < to && client[e] === c) e++;
      contextOf(i, e, c);
      i = e;
    }
  }

  function contextOf(i: number, e: number, c: number): void {
    for (let r = i; r < e; r++) {
      const b = base[r]!;
      if (b < 0) continue;
      const x = b * 3 + kind[r]!;
      const day = lastDay[r]!;
      if (stamp[x] !== c || day > last[x]! || (day === last[x] && municipality[r]! < mun[x]!)) {
        stamp[x] = c;
        last[x] = day;
        mun[x] = municipality[r]!;
      }
    }
    for (let r = i; r < e; r++) {
      const b = base[r]!;
      if (b < 0) continue;
      const k = kind[r]!;
      const x = b * 3 + k;
      const band = bandCode(birth[c]!, k === KIND.money ? lastDay[r]! : last[x]!);
      const m = mun[x]!;
      base[r] = (ageFilter !== null && ageFilter[band] === 0) || (munFilter !== null && munFilter[m] === 0) ? -1 : b + band * ageStride + m * munStride;
    }
  }
}

export function scan(store: FactStore, plan: ScanPlan): ScanResult {
  const cards = plan.dims.map((d) => d.keys.length);
  const strides = stridesOf(cards);
  const ranges = rowRanges(store, plan.kinds);
  // Fast path: up to three stored row dimensions, no filters, no context — the row's group is computed in
  // the main loop itself, sparing a write and a read of every row.
  const inline = plan.filters.length === 0 && plan.dims.length <= 3 && plan.dims.every((d) => d.source === 'row');
  const base = inline ? null : baseGroups(store, plan, strides, ranges);
  const zero = zeroCodes(store);
  const dimAt = (k: number) => (inline && plan.dims[k] ? plan.dims[k] : null);
  const c0 = dimAt(0)?.codes ?? zero;
  const m0 = dimAt(0)?.map ?? ZERO_MAP;
  const s0 = dimAt(0) ? strides[0]! : 0;
  const c1 = dimAt(1)?.codes ?? zero;
  const m1 = dimAt(1)?.map ?? ZERO_MAP;
  const s1 = dimAt(1) ? strides[1]! : 0;
  const c2 = dimAt(2)?.codes ?? zero;
  const m2 = dimAt(2)?.map ?? ZERO_MAP;
  const s2 = dimAt(2) ? strides[2]! : 0;
  const levels = plan.levels;
  const fine = levels[0]!.size;
  const context = plan.dims.some((d) => d.source === 'context') || plan.filters.some((x) => x.source.source === 'context');
  if (context) applyContext(store, plan, base!, strides, fine, ranges);
  const f = store.facts;
  const kind = numbers<Uint8Array>(f, 'kind');
  const client = numbers<Int32Array>(f, 'client');
  const record = numbers<Int32Array>(f, 'record');
  const amount = numbers<Int32Array>(f, 'amount');
  const volumeCol = numbers<Int32Array>(f, 'volume');
  const status = numbers<Uint8Array>(f, 'status');
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
  const s = newSums(fine);
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
    const g = base === null ? m0[c0[r]!]! * s0 + m1[c1[r]!]! * s1 + m2[c2[r]!]! * s2 : base[r]!;
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
      const amt = amount[r]!;
      s.claimed[g]! += amt;
      const st = status[r]!;
      if (st === STATUS.approved) {
        s.approved[g]! += amt;
        if (wantAppr && amt > 0) nAppr = approvedClients.see(g, c, nAppr);
      } else if (st === STATUS.pending) s.pending[g]! += amt;
      const uc = unitCode[r]!;
      const u = units.classOf[uc]!;
      const vol = (amt < 0 ? -volumeCol[r]! : volumeCol[r]!) * units.factor[uc]!;
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

function rollUp(fine: Sums, levels: LevelSpec[]): Sums[] {
  return levels.map((level) => {
    if (!level.proj) return fine;
    const out = newSums(level.size);
    const p = level.proj;
    for (let g = 0; g < p.length; g++) {
      if (fine.records[g] === 0) continue;
      const t = p[g]!;
      out.records[t]! += fine.records[g]!;
      out.claimed[t]! += fine.claimed[g]!;
      out.approved[t]! += fine.approved[g]!;
      out.pending[t]! += fine.pending[g]!;
      out.volume[t]! += fine.volume[g]!;
      out.priceAmount[t]! += fine.priceAmount[g]!;
      out.priceVolume[t]! += fine.priceVolume[g]!;
      for (const [from, to] of [[fine.unit, out.unit], [fine.priceUnit, out.priceUnit]] as const) {
        const u = from[g]!;
        if (u !== -1) to[t] = to[t] === -1 || to[t] === u ? u : -2;
      }
    }
    return out;
  });
}

/** Days from a trajectory's start to its end, both included; ongoing ones to the peildatum. */
function trajectoryDurations(store: FactStore): Float64Array {
  const start = numbers<Int32Array>(store.trajectories, 'start');
  const end = numbers<Int32Array>(store.trajectories, 'end');
  const out = new Float64Array(start.length);
  const peil = store.peildatum ?? 0;
  for (let t = 0; t < out.length; t++) out[t] = (end[t]! < 0 ? peil : Math.min(end[t]!, peil)) - start[t]! + 1;
  return out;
}
