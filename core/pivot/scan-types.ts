// What a scan is asked (the plan) and what it gives: distinct counters and sums per level.
import { numbers } from './columns.js';
import type { DimSource } from './dims.js';
import type { DistinctCounter } from './distinct.js';
import type { LevelSpec } from './levels.js';
import type { FactStore } from './store.js';

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
  needs: { care: boolean; trajectories: boolean; assignments: boolean; approvedClients: boolean; volume: boolean };
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

const NONE = new Float64Array(0);
const NO_UNIT = new Int32Array(0);

/** Sums of `size` groups; the volume and price ones only when a measure shows them (else empty). */
export function newSums(size: number, volume: boolean): Sums {
  const f = () => new Float64Array(size);
  const u = () => new Int32Array(size).fill(-1);
  return volume
    ? { records: f(), claimed: f(), approved: f(), pending: f(), volume: f(), unit: u(), priceAmount: f(), priceVolume: f(), priceUnit: u() }
    : { records: f(), claimed: f(), approved: f(), pending: f(), volume: NONE, unit: NO_UNIT, priceAmount: NONE, priceVolume: NONE, priceUnit: NO_UNIT };
}

const mergeUnit = (to: Int32Array, t: number, u: number) => {
  if (u !== -1) to[t] = to[t] === -1 || to[t] === u ? u : -2;
};

/** The finest level's sums added up to every coarser level (sums, unlike distinct counts, may be). */
export function rollUp(fine: Sums, levels: LevelSpec[]): Sums[] {
  const volume = fine.volume.length === fine.records.length;
  return levels.map((level) => {
    if (!level.proj) return fine;
    const out = newSums(level.size, volume);
    const p = level.proj;
    const { records, claimed, approved, pending } = fine;
    for (let g = 0; g < p.length; g++) {
      if (records[g] === 0) continue;
      const t = p[g]!;
      out.records[t]! += records[g]!;
      out.claimed[t]! += claimed[g]!;
      out.approved[t]! += approved[g]!;
      out.pending[t]! += pending[g]!;
      if (!volume) continue;
      out.volume[t]! += fine.volume[g]!;
      out.priceAmount[t]! += fine.priceAmount[g]!;
      out.priceVolume[t]! += fine.priceVolume[g]!;
      mergeUnit(out.unit, t, fine.unit[g]!);
      mergeUnit(out.priceUnit, t, fine.priceUnit[g]!);
    }
    return out;
  });
}

/** Days from a trajectory's start to its end, both included; ongoing ones to the peildatum. */
export function trajectoryDurations(store: FactStore): Float64Array {
  const start = numbers<Int32Array>(store.trajectories, 'start');
  const end = numbers<Int32Array>(store.trajectories, 'end');
  const out = new Float64Array(start.length);
  const peil = store.peildatum ?? 0;
  for (let t = 0; t < out.length; t++) out[t] = (end[t]! < 0 ? peil : Math.min(end[t]!, peil)) - start[t]! + 1;
  return out;
}
