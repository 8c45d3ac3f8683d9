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
  /** Only rows whose finest group is in this set (drill-through); null = all. */
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

/** Finest group of each row without its context dimensions; -1 for rows filtered out or not needed. */
function baseGroups(store: FactStore, plan: ScanPlan, strides: number[]): Int32Array {
  const n = store.facts.numRows;
  let g = scratch.get(store);
  if (!g || g.length !== n) scratch.set(store, (g = new Int32Array(n)));
  const kind = numbers<Uint8Array>(store.facts, 'kind');
  const [k0, k1, k2] = plan.kinds;
  for (let i = 0; i < n; i++) {
    const k = kind[i]!;
    g[i] = (k === 0 ? k0 : k === 1 ? k1 : k2) ? 0 : -1;
  }
  const client = numbers<Int32Array>(store.facts, 'client');
  const apply = (source: DimSource, stride: number, allowed: Uint8Array | null) => {
    if (source.source === 'context') return;
    const codes = source.codes!;
    const map = source.map;
    if (source.source === 'row') {
      for (let i = 0; i < n; i++) {
        if (g[i]! < 0) continue;
        const c = map[codes[i]!]!;
        if (allowed !== null && allowed[c] === 0) g[i] = -1;
        else g[i]! += c * stride;
      }
    } else {
      for (let i = 0; i < n; i++) {
        if (g[i]! < 0) continue;
        const c = map[codes[client[i]!]!]!;
        if (allowed !== null && allowed[c] === 0) g[i] = -1;
        else g[i]! += c * stride;
      }
    }
  };
  plan.dims.forEach((d, k) => apply(d, strides[k]!, null));
  for (const f of plan.filters) apply(f.source, 0, f.allowed);
  return g;
}

export function scan(store: FactStore, plan: ScanPlan): ScanResult {
  const cards = plan.dims.map((d) => d.keys.length);
  const strides = stridesOf(cards);
  const base = baseGroups(store, plan, strides);
  const levels = plan.levels;
  const fine = levels[0]!.size;
  const f = store.facts;
  const n = f.numRows;
  const kind = numbers<Uint8Array>(f, 'kind');
  const client = numbers<Int32Array>(f, 'client');
  const record = numbers<Int32Array>(f, 'record');
  const lastDay = numbers<Int32Array>(f, 'lastDay');
  const amount = numbers<Int32Array>(f, 'amount');
  const volumeCol = numbers<Int32Array>(f, 'volume');
  const status = numbers<Uint8Array>(f, 'status');
  const units = compileUnits(store);
  const unitCode = numbers<Int16Array>(f, 'unit');
  const trajOf = numbers<Int32Array>(store.periods, 'trajectory');
  const duration = plan.durations === 'none' ? null : trajectoryDurations(store);
  const birth = numbers<Int32Array>(store.clients, 'birth');

  // Context dimensions (age band, last municipality) are decided per child from its rows in the same cell.
  const ageAt = plan.dims.findIndex((d) => d.dim === 'ageband');
  const munAt = plan.dims.findIndex((d) => d.dim === 'lastMunicipality');
  const ageFilter = plan.filters.find((x) => x.source.dim === 'ageband')?.allowed ?? null;
  const munFilter = plan.filters.find((x) => x.source.dim === 'lastMunicipality')?.allowed ?? null;
  const context = ageAt >= 0 || munAt >= 0 || ageFilter !== null || munFilter !== null;
  const municipality = context ? numbers<Int16Array>(f, 'municipality') : null;
  const ctxSize = context ? fine * 3 : 0;
  const ctxStamp = new Int32Array(ctxSize).fill(-1);
  const ctxLast = new Int32Array(ctxSize);
  const ctxMun = new Int32Array(ctxSize);
  const ageStride = ageAt >= 0 ? strides[ageAt]! : 0;
  const munStride = munAt >= 0 ? strides[munAt]! : 0;

  const any = new DistinctCounter(levels);
  const care = new DistinctCounter(levels);
  const approvedClients = new DistinctCounter(levels);
  const trajectories = new DistinctCounter(levels, { sums: duration !== null, lists: plan.durations === 'lists' });
  const assignments = new DistinctCounter(levels);
  const s = newSums(fine);
  const collect = plan.collect ?? null;

  let i = 0;
  while (i < n) {
    const c = client[i]!;
    let e = i;
    while (e < n && client[e] === c) e++;
    if (context) {
      for (let r = i; r < e; r++) {
        const b = base[r]!;
        if (b < 0) continue;
        const x = b * 3 + kind[r]!;
        const day = lastDay[r]!;
        if (ctxStamp[x] !== c || day > ctxLast[x]! || (day === ctxLast[x] && municipality![r]! < ctxMun[x]!)) {
          ctxStamp[x] = c;
          ctxLast[x] = day;
          ctxMun[x] = municipality![r]!;
        }
      }
    }
    let traj = -1;
    let asg = -1;
    for (let r = i; r < e; r++) {
      let g = base[r]!;
      if (g < 0) continue;
      const k = kind[r]!;
      if (context) {
        const x = g * 3 + k;
        const band = bandCode(birth[c]!, k === KIND.money ? lastDay[r]! : ctxLast[x]!);
        if (ageFilter !== null && ageFilter[band] === 0) continue;
        const mun = ctxMun[x]!;
        if (munFilter !== null && munFilter[mun] === 0) continue;
        g += band * ageStride + mun * munStride;
      }
      if (collect) {
        if (collect.groups[g] === 0) continue;
        collect.total++;
        if (collect.rows.length < collect.limit) collect.rows.push(r);
      }
      s.records[g]!++;
      any.see(g, c);
      if (k === KIND.care) {
        care.see(g, c);
        const t = trajOf[record[r]!]!;
        if (t !== traj) {
          if (traj >= 0) trajectories.flush(traj, duration ? duration[traj] : 0);
          traj = t;
        }
        if (t >= 0) trajectories.see(g, t, duration ? duration[t] : 0);
      } else if (k === KIND.assignment) {
        const a = record[r]!;
        if (a !== asg) {
          if (asg >= 0) assignments.flush(asg);
          asg = a;
        }
        assignments.see(g, a);
      } else {
        const amt = amount[r]!;
        s.claimed[g]! += amt;
        const st = status[r]!;
        if (st === STATUS.approved) {
          s.approved[g]! += amt;
          if (amt > 0) approvedClients.see(g, c);
        } else if (st === STATUS.pending) s.pending[g]! += amt;
        const u = units.classOf[unitCode[r]!]!;
        const vol = (amt < 0 ? -volumeCol[r]! : volumeCol[r]!) * units.factor[unitCode[r]!]!;
        s.volume[g]! += vol;
        s.unit[g] = s.unit[g] === -1 || s.unit[g] === u ? u : -2;
        if (st === STATUS.approved && u !== units.euro) {
          s.priceAmount[g]! += amt;
          s.priceVolume[g]! += vol;
          s.priceUnit[g] = s.priceUnit[g] === -1 || s.priceUnit[g] === u ? u : -2;
        }
      }
    }
    if (traj >= 0) trajectories.flush(traj, duration ? duration[traj] : 0);
    if (asg >= 0) assignments.flush(asg);
    any.flush(c);
    care.flush(c);
    approvedClients.flush(c);
    i = e;
  }
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
