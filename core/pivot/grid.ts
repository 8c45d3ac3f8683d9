// From one scan to the pivot's headers and cell values: which row and column paths exist (any record),
// and each measure's value in a (row path, column path) cell at whatever level the two paths make.
import type { MeasureId } from '../registry.js';
import type { DimSource } from './dims.js';
import { decode, type LevelSpec } from './levels.js';
import { scan, type ScanResult } from './scan.js';
import { planQuery } from './plan.js';
import type { FactStore } from './store.js';
import type { PivotFilter, PivotQuery } from '../contract/pivot.js';

export interface Header {
  path: string[];
  codes: number[];
}

export interface Grid {
  rows: Header[][]; // per depth 0..R
  cols: Header[][]; // per depth 0..C
  /** Values of the measures, the distinct children and the records of a cell; codes per the grid's dims. */
  cell(rowCodes: number[], colCodes: number[], measures: readonly MeasureId[]): { values: (number | null)[]; clients: number; records: number; flag: 'ok' };
  /** The same by keys (for another scan's grid, e.g. the previous period); null when a key is absent. */
  codesOf(dimIndex: number, key: string): number | undefined;
}

function median(list: number[]): number | null {
  if (list.length === 0) return null;
  const s = [...list].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

function measureValue(r: ScanResult, li: number, g: number, m: MeasureId): number | null {
  const s = r.sums[li]!;
  switch (m) {
    case 'clients':
      return r.care.counts[li]![g]!;
    case 'trajectories':
      return r.trajectories.counts[li]![g]!;
    case 'assignments':
      return r.assignments.counts[li]![g]!;
    case 'claimed':
      return s.claimed[g]!;
    case 'approved':
      return s.approved[g]!;
    case 'pending':
      return s.pending[g]!;
    case 'volume':
      return s.unit[g] === -2 ? null : s.volume[g]!;
    case 'perClient': {
      const n = r.approvedClients.counts[li]![g]!;
      return n > 0 ? s.approved[g]! / n : null;
    }
    case 'price':
      return s.priceUnit[g]! >= 0 && s.priceVolume[g] !== 0 ? s.priceAmount[g]! / s.priceVolume[g]! : null;
    case 'durationMean': {
      const n = r.trajectories.counts[li]![g]!;
      return n > 0 ? r.trajectories.sums![li]![g]! / n : null;
    }
    case 'durationMedian':
      return median(r.trajectories.lists![li]![g]!);
  }
}

export function buildGrid(result: ScanResult, levels: LevelSpec[], dims: DimSource[], nRows: number, nCols: number): Grid {
  const cards = dims.map((d) => d.keys.length);
  // Level of a (row depth, column depth) pair, as an array: a cell lookup is one index, not a string key.
  const levelAt = new Int32Array((nRows + 1) * (nCols + 1)).fill(-1);
  levels.forEach((l, i) => (levelAt[l.rowDepth * (nCols + 1) + l.colDepth] = i));
  const headers = (li: number, offset: number): Header[] => {
    const level = levels[li]!;
    const records = result.sums[li]!.records;
    const out: Header[] = [];
    for (let g = 0; g < level.size; g++) {
      if (records[g] === 0) continue;
      const codes = decode(level, cards, g);
      out.push({ codes, path: codes.map((c, k) => dims[offset + k]!.keys[c]!) });
    }
    return out;
  };
  const rows = Array.from({ length: nRows + 1 }, (_, d) => headers(levelAt[d * (nCols + 1)]!, 0));
  const cols = Array.from({ length: nCols + 1 }, (_, d) => headers(levelAt[d]!, nRows));
  const keyIndex = dims.map((d) => new Map(d.keys.map((k, i) => [k, i])));
  return {
    rows,
    cols,
    codesOf: (dimIndex, key) => keyIndex[dimIndex]!.get(key),
    cell(rowCodes, colCodes, measures) {
      const li = levelAt[rowCodes.length * (nCols + 1) + colCodes.length]!;
      const strides = levels[li]!.strides;
      let g = 0;
      for (let k = 0; k < rowCodes.length; k++) g += rowCodes[k]! * strides[k]!;
      for (let k = 0; k < colCodes.length; k++) g += colCodes[k]! * strides[rowCodes.length + k]!;
      const values = new Array<number | null>(measures.length);
      for (let k = 0; k < measures.length; k++) values[k] = measureValue(result, li, g, measures[k]!);
      return { values, clients: result.any.counts[li]![g]!, records: result.sums[li]!.records[g]!, flag: 'ok' };
    },
  };
}

/** One scan of a query as a grid; `shift` moves the time keys (compare), `extraFilters` narrow it further. */
export function gridOf(store: FactStore, query: PivotQuery, shift = 0, extraFilters: PivotFilter[] = []): Grid {
  const { plan, dims, levels } = planQuery(store, query, { shift }, extraFilters);
  return buildGrid(scan(store, plan), levels, dims, query.rows.length, query.cols.length);
}
