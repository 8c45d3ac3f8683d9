// The values a dimension takes in a store (for the filter editor and the field list), in display order.
import type { DimensionId } from '../registry.js';
import { AGE_BANDS } from '../registry.js';
import { dimSource } from './dims.js';
import { compareKeys } from './order.js';
import type { FactStore } from './store.js';

export function dimensionValues(store: FactStore, dim: DimensionId): string[] {
  if (dim === 'ageband') return [...AGE_BANDS];
  const source = dimSource(store, dim);
  const used = new Set<number>();
  if (source.codes) {
    const n = source.codes.length;
    for (let i = 0; i < n; i++) used.add(source.map[source.codes[i]!]!);
  }
  const keys = source.codes ? [...used].map((c) => source.keys[c]!) : [...source.keys];
  return [...new Set(keys)].sort((a, b) => compareKeys(dim, a, b));
}
