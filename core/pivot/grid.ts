// From one scan to the pivot's headers and cell values: which row and column paths exist (any record),
// and each measure's value in a (row path, column path) cell at whatever level the two paths make.
import type { MeasureId } from '../registry.js';
import type { DimSource } from './dims.js';
import { decode, type LevelSpec } from './levels.js';
import type { ScanResult } from './scan.js';

export interface Header {
  path: string[];
  codes: number[];
}

export interface Grid {
  rows: Header[][]; // per depth 0..R
  cols: Header[][]; // per depth 0..C
  /** Values of the measures, the distinct children and the records of a cell; codes per the grid's dims. */
  cell(rowCodes: number[], colCodes: number[], measures: readonly MeasureId[]): { values: (number | null)[]; clients: number; records: number };
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
  const levelAt = new Map(levels.map((l, i) => [`${l.rowDepth},${l.colDepth}`, i]));
  const headers = (depthOf: (r: number) => [number, number], depth: number, offset: number): Header[] => {
    const li = levelAt.get(depthOf(depth).join(','))!;
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
  const rows = Array.from({ length: nRows + 1 }, (_, d) => headers((r) => [r, 0], d, 0));
  const cols = Array.from({ length: nCols + 1 }, (_, d) => headers((c) => [0, c], d, nRows));
  const keyIndex = dims.map((d) => new Map(d.keys.map((k, i) => [k, i])));
  return {
    rows,
    cols,
    codesOf: (dimIndex, key) => keyIndex[dimIndex]!.get(key),
    cell(rowCodes, colCodes, measures) {
      const li = levelAt.get(`${rowCodes.length},${colCodes.length}`)!;
      const level = levels[li]!;
      let g = 0;
      rowCodes.forEach((c, k) => (g += c * level.strides[k]!));
      colCodes.forEach((c, k) => (g += c * level.strides[rowCodes.length + k]!));
      return {
        values: measures.map((m) => measureValue(result, li, g, m)),
        clients: result.any.counts[li]![g]!,
        records: result.sums[li]!.records[g]!,
      };
    },
  };
}
