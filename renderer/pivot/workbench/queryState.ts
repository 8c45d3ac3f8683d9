// The working pivot as the field picker edits it: pure operations on the normalised query, so every
// button, key press and drop goes through the same rules (a dimension once, rows 1–3, cols ≤ 2).
import { normalisePivotQuery, type PivotFilter, type PivotQuery } from '../../../core/contract/pivot.js';
import { TIME_DIMENSIONS, type DimensionId, type MeasureId } from '../../../core/registry.js';

export type Slot = 'rows' | 'cols';
export const SLOT_MAX: Record<Slot, number> = { rows: 3, cols: 2 };
export const MEASURES_MAX = 8;

/** What the workbench opens with: clients per municipality × year, exact (the analyst's own view). */
export const DEFAULT_QUERY: PivotQuery = normalisePivotQuery({ rows: ['municipality'], cols: ['year'], suppress: false });

export function slotOf(q: PivotQuery, dim: DimensionId): Slot | null {
  if (q.rows.includes(dim)) return 'rows';
  if (q.cols.includes(dim)) return 'cols';
  return null;
}

/** Why `dim` cannot go into `slot` (null = it can): the slot is full, or it would empty the rows. */
export function cannotAdd(q: PivotQuery, slot: Slot, dim: DimensionId): 'full' | 'lastRow' | 'there' | null {
  const from = slotOf(q, dim);
  if (from === slot) return 'there';
  if (q[slot].length >= SLOT_MAX[slot]) return 'full';
  if (from === 'rows' && q.rows.length === 1) return 'lastRow';
  return null;
}

/** Puts `dim` into `slot` (at `index`, default the end), taking it out of the other slot. */
export function addField(q: PivotQuery, slot: Slot, dim: DimensionId, index?: number): PivotQuery {
  if (cannotAdd(q, slot, dim)) return q;
  const rows = q.rows.filter((d) => d !== dim);
  const cols = q.cols.filter((d) => d !== dim);
  const target = slot === 'rows' ? rows : cols;
  target.splice(index ?? target.length, 0, dim);
  return tidy({ ...q, rows, cols });
}

/** The rows keep at least one dimension (the contract needs one), so the last one cannot go. */
export function canRemove(q: PivotQuery, dim: DimensionId): boolean {
  return slotOf(q, dim) === 'cols' || (q.rows.includes(dim) && q.rows.length > 1);
}

export function removeField(q: PivotQuery, dim: DimensionId): PivotQuery {
  if (!canRemove(q, dim)) return q;
  return tidy({ ...q, rows: q.rows.filter((d) => d !== dim), cols: q.cols.filter((d) => d !== dim) });
}

/** Moves `dim` one place up (-1) or down (+1) within its slot; the ends stay put. */
export function moveField(q: PivotQuery, dim: DimensionId, delta: -1 | 1): PivotQuery {
  const slot = slotOf(q, dim);
  if (!slot) return q;
  const list = [...q[slot]];
  const i = list.indexOf(dim);
  const j = i + delta;
  if (j < 0 || j >= list.length) return q;
  [list[i], list[j]] = [list[j]!, list[i]!];
  return tidy({ ...q, [slot]: list });
}

/** Measures stay in registry order; the last one cannot be unticked, a ninth cannot be ticked. */
export function toggleMeasure(q: PivotQuery, m: MeasureId, order: readonly MeasureId[]): PivotQuery {
  const on = q.measures.includes(m);
  if (on && q.measures.length === 1) return q;
  if (!on && q.measures.length >= MEASURES_MAX) return q;
  const next = on ? q.measures.filter((x) => x !== m) : [...q.measures, m];
  return tidy({ ...q, measures: order.filter((x) => next.includes(x)) });
}

export function hasTimeDimension(q: Pick<PivotQuery, 'rows' | 'cols'>): boolean {
  return [...q.rows, ...q.cols].some((d) => (TIME_DIMENSIONS as readonly string[]).includes(d));
}

export function addFilter(q: PivotQuery, f: PivotFilter): PivotQuery {
  return normalise({ ...q, filters: [...q.filters, f] });
}

export function removeFilter(q: PivotQuery, index: number): PivotQuery {
  return normalise({ ...q, filters: q.filters.filter((_, i) => i !== index) });
}

/** Keeps the query consistent after a change: growth needs a time dimension, a sort by a measure needs
 *  that measure, and a sort column path cannot be longer than the column dimensions. */
export function tidy(q: PivotQuery): PivotQuery {
  let { sort, compare } = q;
  if (compare !== 'none' && !hasTimeDimension(q)) compare = 'none';
  if (sort.by !== 'key' && !q.measures.includes(sort.by)) sort = { by: 'key', dir: sort.dir };
  if (sort.col && sort.col.length > q.cols.length) sort = { by: sort.by, dir: sort.dir };
  return { ...q, sort, compare };
}

function normalise(q: PivotQuery): PivotQuery {
  return tidy(normalisePivotQuery(q));
}

/** Meeting mode shows suppressed figures whatever the working view says (DOMAIN.md §3). */
export function effectiveQuery(q: PivotQuery, meeting: boolean): PivotQuery {
  return meeting && !q.suppress ? { ...q, suppress: true } : q;
}
