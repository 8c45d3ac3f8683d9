// Where each dimension's value of a fact row comes from, as integer codes: a stored dictionary column
// (through a code map, so derived dimensions such as kader cost one lookup), the client table, or the month.
// The age band and the last municipality depend on the cell, so the scan computes them per child (context).
import type { DimensionId } from '../registry.js';
import { AGE_BANDS } from '../registry.js';
import { monthKey, quarterKey, yearKey } from '../domain/time.js';
import { segmentKader, segmentVerblijf } from '../domain/segments.js';
import { dictionary, type Dictionary } from './columns.js';
import { runIndex } from './runs.js';
import { yyyymmOf, type FactStore } from './store.js';

export type Source = 'row' | 'client' | 'context';

export interface DimSource {
  dim: DimensionId;
  source: Source;
  /** Row or client codes (absent for context dimensions). */
  codes: ArrayLike<number> | null;
  /** Stored code → dimension code. */
  map: Int32Array;
  /** Dimension code → key. */
  keys: string[];
}

function mapped(dim: DimensionId, source: Source, base: Dictionary, keyOf: (key: string) => string): DimSource {
  const keys: string[] = [];
  const index = new Map<string, number>();
  const map = new Int32Array(base.keys.length);
  base.keys.forEach((k, i) => {
    const key = keyOf(k);
    let code = index.get(key);
    if (code === undefined) index.set(key, (code = keys.push(key) - 1));
    map[i] = code;
  });
  return { dim, source, codes: base.codes, map, keys };
}

/** Months as a dictionary over the Uint16 month column (codes are month indices). Months before the
 *  store's first one take its key, so a time dimension has only the periods the store spans (an empty
 *  key per month since 1970 would only enlarge every grid). */
function monthDictionary(store: FactStore): Dictionary {
  const codes = store.facts.getChild('month')!.data[0]!.values as Uint16Array;
  const { minMonth, maxMonth } = runIndex(store);
  const keys: string[] = [];
  for (let m = 0; m <= maxMonth; m++) keys.push(String(yyyymmOf(Math.max(m, minMonth))));
  return { codes, keys };
}

const TIME_KEY: Partial<Record<DimensionId, (yyyymm: number) => string>> = { year: yearKey, quarter: quarterKey, month: monthKey };

export interface DimOptions {
  /** Months to shift time keys by (compare with an earlier period: the row of month m counts as m + shift). */
  shift?: number;
}

export function dimSource(store: FactStore, dim: DimensionId, options: DimOptions = {}): DimSource {
  const { facts, clients } = store;
  const timeKey = TIME_KEY[dim];
  if (timeKey) {
    const shift = options.shift ?? 0;
    return mapped(dim, 'row', monthDictionary(store), (k) => {
      const m = Number(k);
      const shifted = (Math.floor(m / 100) * 12 + (m % 100) - 1 + shift);
      return timeKey(Math.floor(shifted / 12) * 100 + (shifted % 12) + 1);
    });
  }
  switch (dim) {
    case 'ageband':
      return { dim, source: 'context', codes: null, map: new Int32Array(0), keys: [...AGE_BANDS] };
    case 'lastMunicipality': {
      const m = dictionary(facts, 'municipality');
      return { dim, source: 'context', codes: null, map: new Int32Array(0), keys: [...m.keys] };
    }
    case 'kader':
      return mapped(dim, 'row', dictionary(facts, 'segment'), segmentKader);
    case 'verblijf':
      return mapped(dim, 'row', dictionary(facts, 'segment'), segmentVerblijf);
    case 'gender':
    case 'pc4':
    case 'school':
      return mapped(dim, 'client', dictionary(clients, dim), (k) => k);
    case 'wijk':
      return mapped(dim, 'client', dictionary(clients, 'pc4'), (k) => store.wijk.get(k) ?? '');
    default:
      return mapped(dim, 'row', dictionary(facts, dim), (k) => k);
  }
}
