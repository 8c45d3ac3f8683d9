// Small-cell suppression (DOMAIN.md §3), applied here once for every output (CLI, exports, meeting mode).
// Primary: a cell with 1..threshold-1 distinct clients is hidden (zeros never). Secondary: while a line
// whose total is shown has exactly one hidden member, also hide its smallest other non-zero member (ties by
// dimension key), until nothing changes. A line is a set of sibling headers with their parent: the
// children of a row subtotal in one column, or the children of a column subtotal in one row — so every
// level of subtotals is protected, not only the grand totals. Without suppression small cells are marked.
import type { PivotCell, PivotResult } from './contract/pivot.js';

interface Entry {
  cell: PivotCell;
  key: string;
}

interface Line {
  members: Entry[];
  total: Entry;
}

const hidden = (e: Entry) => e.cell.flag === 'suppressed' || e.cell.flag === 'secondary';
/** For each header, the indices of its direct children (one level deeper, same prefix), in one pass. */
function childrenOf(paths: string[][]): number[][] {
  const index = new Map(paths.map((p, i) => [p.join('\u0000'), i]));
  const out: number[][] = paths.map(() => []);
  paths.forEach((p, i) => {
    if (p.length === 0) return;
    const parent = index.get(p.slice(0, -1).join('\u0000'));
    if (parent !== undefined) out[parent]!.push(i);
  });
  return out;
}

function linesOf(result: PivotResult): { entries: Entry[]; lines: Line[] } {
  const rk = result.rows.map((r) => r.path.join('\u0000'));
  const ck = result.cols.map((c) => c.path.join('\u0000'));
  const grid = result.cells.map((row, i) => row.map((cell, j) => ({ cell, key: `${rk[i]}\u0001${ck[j]}` })));
  const lines: Line[] = [];
  const childCols = childrenOf(result.cols.map((c) => c.path));
  const childRows = childrenOf(result.rows.map((r) => r.path));
  grid.forEach((row) =>
    childCols.forEach((kids, j) => {
      if (kids.length) lines.push({ members: kids.map((k) => row[k]!), total: row[j]! });
    }),
  );
  childRows.forEach((kids, i) => {
    if (!kids.length) return;
    result.cols.forEach((_, j) => lines.push({ members: kids.map((k) => grid[k]![j]!), total: grid[i]![j]! }));
  });
  return { entries: grid.flat(), lines };
}

/** Flags (and with suppression on, blanks) the cells of a result the engine has just built: it changes
 *  the result in place — no copy of thousands of cells — and returns it. */
export function suppressCells(result: PivotResult): PivotResult {
  const t = result.suppression.threshold;
  const small = (c: PivotCell) => c.clients !== null && c.clients > 0 && c.clients < t;
  if (!result.suppression.applied) {
    // The working view only marks small cells: no lines to build.
    for (const row of result.cells) for (const c of row) if (small(c)) c.flag = 'small';
    return result;
  }
  const { entries, lines } = linesOf(result);
  for (const e of entries) if (small(e.cell)) e.cell.flag = 'suppressed';
  // Sweeps over the lines in order until nothing changes, looking again only at lines one of whose entries
  // was hidden since their last look: the same outcome as re-checking every line, without the quadratic cost.
  const linesOfEntry = new Map<Entry, number[]>();
  lines.forEach((line, i) => {
    for (const e of [...line.members, line.total]) (linesOfEntry.get(e) ?? linesOfEntry.set(e, []).get(e)!).push(i);
  });
  const dirty = new Uint8Array(lines.length).fill(1);
  for (let changed = true; changed; ) {
    changed = false;
    lines.forEach((line, i) => {
      if (!dirty[i]) return;
      dirty[i] = 0;
      if (hidden(line.total)) return;
      if (line.members.filter(hidden).length !== 1) return;
      const candidates = line.members
        .filter((e) => !hidden(e) && (e.cell.clients ?? 0) > 0)
        .sort((a, b) => a.cell.clients! - b.cell.clients! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const pick = candidates[0];
      if (!pick) return;
      pick.cell.flag = 'secondary';
      for (const l of linesOfEntry.get(pick) ?? []) dirty[l] = 1;
      changed = true;
    });
  }
  for (const e of entries) {
    if (!hidden(e)) continue;
    e.cell.values = e.cell.values.map(() => null);
    if (e.cell.change) e.cell.change = e.cell.change.map(() => null);
    e.cell.clients = null;
    e.cell.records = null;
  }
  return result;
}
