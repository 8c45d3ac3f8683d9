// Display order of the headers. Rows: a tree — each subtotal before its children, siblings sorted by key
// (segments heaviest first, age bands youngest first, the rest by code) or by a measure in a column; the
// grand total last. Columns: by key, each subtotal after its children, the total column last.
import type { PivotQuery } from '../contract/pivot.js';
import type { DimensionId } from '../registry.js';
import { AGE_BANDS, SEGMENT_ORDER } from '../registry.js';
import type { Grid, Header } from './grid.js';

export function compareKeys(dim: DimensionId, a: string, b: string): number {
  if (dim === 'segment') return SEGMENT_ORDER.indexOf(a as never) - SEGMENT_ORDER.indexOf(b as never);
  if (dim === 'ageband') return AGE_BANDS.indexOf(a as never) - AGE_BANDS.indexOf(b as never);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The headers of one depth grouped by their parent's path (all but the last key), in one pass. */
function byParent(level: Header[]): Map<string, Header[]> {
  const out = new Map<string, Header[]>();
  for (const h of level) {
    const key = h.path.slice(0, -1).join('\u0000');
    const list = out.get(key);
    if (list) list.push(h);
    else out.set(key, [h]);
  }
  return out;
}

const childrenIn = (levels: Map<string, Header[]>[], parent: Header): Header[] => [...(levels[parent.path.length + 1]?.get(parent.path.join('\u0000')) ?? [])];

export function orderRows(grid: Grid, query: PivotQuery): Header[] {
  const { sort } = query;
  const byKey = (d: number) => (a: Header, b: Header) => compareKeys(query.rows[d]!, a.path[d]!, b.path[d]!);
  let byValue: ((a: Header, b: Header) => number) | null = null;
  if (sort.by !== 'key') {
    const m = sort.by;
    const colPath = sort.col ?? [];
    const colCodes = colPath.map((k, i) => grid.codesOf(query.rows.length + i, k));
    if (colCodes.every((c) => c !== undefined) && query.measures.includes(m)) {
      const values = new Map<Header, number>();
      const value = (h: Header) => {
        let v = values.get(h);
        if (v === undefined) values.set(h, (v = grid.cell(h.codes, colCodes as number[], [m]).values[0] ?? -Infinity));
        return v;
      };
      byValue = (a, b) => (value(a) - value(b)) * (sort.dir === 'desc' ? -1 : 1);
    }
  }
  const out: Header[] = [];
  const levels = grid.rows.map(byParent);
  const walk = (parent: Header, depth: number) => {
    if (depth > query.rows.length) return;
    const kids = childrenIn(levels, parent);
    const key = byKey(depth - 1);
    kids.sort((a, b) => (byValue ? byValue(a, b) || key(a, b) : sort.dir === 'desc' ? key(b, a) : key(a, b)));
    for (const k of kids) {
      out.push(k);
      walk(k, depth + 1);
    }
  };
  const grand = grid.rows[0]![0] ?? { path: [], codes: [] };
  walk(grand, 1);
  out.push(grand);
  return out;
}

export function orderColumns(grid: Grid, query: PivotQuery): Header[] {
  const out: Header[] = [];
  const levels = grid.cols.map(byParent);
  const walk = (parent: Header, depth: number) => {
    if (depth > query.cols.length) return;
    const kids = childrenIn(levels, parent);
    kids.sort((a, b) => compareKeys(query.cols[depth - 1]!, a.path[depth - 1]!, b.path[depth - 1]!));
    for (const k of kids) {
      walk(k, depth + 1);
      out.push(k);
    }
  };
  const total = grid.cols[0]![0] ?? { path: [], codes: [] };
  walk(total, 1);
  out.push(total);
  return out;
}
