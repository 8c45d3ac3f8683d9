// A normalised query → the scan plan: dimension sources, compiled filters, which kinds of fact rows the
// measures need, and the levels (cells and every subtotal).
import type { PivotFilter, PivotQuery } from '../contract/pivot.js';
import type { DimensionId, MeasureId } from '../registry.js';
import { dimSource, type DimOptions, type DimSource } from './dims.js';
import { buildLevels, type LevelSpec } from './levels.js';
import type { CompiledFilter, ScanPlan } from './scan.js';
import type { FactStore } from './store.js';

const CARE: readonly MeasureId[] = ['clients', 'trajectories', 'durationMean', 'durationMedian'];
const MONEY: readonly MeasureId[] = ['volume', 'claimed', 'approved', 'pending', 'perClient', 'price'];

function passes(op: PivotFilter[1], value: PivotFilter[2], key: string): boolean {
  switch (op) {
    case '==':
      return key === value;
    case '!=':
      return key !== value;
    case '>=':
      return key >= (value as string);
    case '<=':
      return key <= (value as string);
    case 'in':
      return (value as string[]).includes(key);
    case 'not in':
      return !(value as string[]).includes(key);
  }
}

export function compileFilters(store: FactStore, filters: PivotFilter[], sourceOf: (d: DimensionId) => DimSource): CompiledFilter[] {
  const byDim = new Map<DimensionId, CompiledFilter>();
  for (const [dim, op, value] of filters) {
    let f = byDim.get(dim);
    if (!f) {
      const source = sourceOf(dim);
      byDim.set(dim, (f = { source, allowed: new Uint8Array(source.keys.length).fill(1) }));
    }
    f.source.keys.forEach((k, c) => {
      if (!passes(op, value, k)) f.allowed[c] = 0;
    });
  }
  return [...byDim.values()];
}

export interface Planned {
  plan: ScanPlan;
  dims: DimSource[];
  levels: LevelSpec[];
}

export function planQuery(store: FactStore, query: PivotQuery, options: DimOptions = {}, extraFilters: PivotFilter[] = []): Planned {
  const sources = new Map<DimensionId, DimSource>();
  const sourceOf = (d: DimensionId) => {
    let s = sources.get(d);
    if (!s) sources.set(d, (s = dimSource(store, d, options)));
    return s;
  };
  const dims = [...query.rows, ...query.cols].map(sourceOf);
  const levels = buildLevels(dims.map((d) => d.keys.length), query.rows.length, query.cols.length);
  const m = query.measures;
  const plan: ScanPlan = {
    dims,
    filters: compileFilters(store, [...query.filters, ...extraFilters], sourceOf),
    kinds: [m.some((x) => CARE.includes(x)), m.some((x) => MONEY.includes(x)), m.includes('assignments')],
    levels,
    durations: m.includes('durationMedian') ? 'lists' : m.includes('durationMean') ? 'sums' : 'none',
    needs: {
      care: m.includes('clients'),
      trajectories: m.some((x) => x === 'trajectories' || x === 'durationMean' || x === 'durationMedian'),
      assignments: m.includes('assignments'),
      approvedClients: m.includes('perClient'),
      volume: m.includes('volume') || m.includes('price'),
    },
  };
  return { plan, dims, levels };
}
