// Small-cell suppression (DOMAIN.md §3), applied here once for every output (CLI, exports, meeting mode).
// Primary: a cell with 1..threshold-1 distinct clients is hidden (zeros never). Secondary: while a row or
// column whose total is shown has exactly one hidden cell, also hide its smallest other non-zero cell
// (ties by dimension key), until nothing changes. Without suppression, small cells are only marked.
import type { PivotCell, PivotResult } from './contract/methods.js';

interface Entry {
  cell: PivotCell;
  key: string;
}

interface Line {
  members: Entry[];
  total: Entry;
}

const hidden = (e: Entry) => e.cell.flag === 'suppressed' || e.cell.flag === 'secondary';

function linesOf(result: PivotResult): { entries: Entry[]; lines: Line[] } {
  const hasCols = result.query.cols.length > 0;
  const rk = result.rowKeys.map((p) => p.join('\u0000'));
  const ck = result.colKeys.map((p) => p.join('\u0000'));
  const cell = result.cells.map((row, r) => row.map((c, j) => ({ cell: c, key: `${rk[r]}\u0001${ck[j]}` })));
  const colTotal = result.colTotals.map((c, j) => ({ cell: c, key: `\u0002\u0001${ck[j]}` }));
  const entries = [...cell.flat(), ...colTotal];
  const lines: Line[] = [];
  result.colKeys.forEach((_, j) => lines.push({ members: cell.map((row) => row[j]!), total: colTotal[j]! }));
  if (hasCols) {
    const rowTotal = result.rowTotals.map((c, r) => ({ cell: c, key: `${rk[r]}\u0001\u0002` }));
    const grand = { cell: result.grandTotal, key: '\u0002\u0001\u0002' };
    entries.push(...rowTotal, grand);
    cell.forEach((row, r) => lines.push({ members: row, total: rowTotal[r]! }));
    lines.push({ members: colTotal, total: grand });
    lines.push({ members: rowTotal, total: grand });
  }
  return { entries, lines };
}

export function suppressCells(input: PivotResult): PivotResult {
  const result: PivotResult = structuredClone(input);
  const t = result.suppression.threshold;
  const small = (c: PivotCell) => c.clients !== null && c.clients > 0 && c.clients < t;
  const isHidden = (c: PivotCell) => c.flag === 'suppressed' || c.flag === 'secondary';
  const { entries, lines } = linesOf(result);

  if (!result.suppression.applied) {
    for (const e of entries) if (small(e.cell)) e.cell.flag = 'small';
  } else {
    for (const e of entries) if (small(e.cell)) e.cell.flag = 'suppressed';
    for (let changed = true; changed; ) {
      changed = false;
      for (const line of lines) {
        if (hidden(line.total)) continue;
        if (line.members.filter(hidden).length !== 1) continue;
        const candidates = line.members
          .filter((e) => !hidden(e) && (e.cell.clients ?? 0) > 0)
          .sort((a, b) => a.cell.clients! - b.cell.clients! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        if (candidates[0]) {
          candidates[0].cell.flag = 'secondary';
          changed = true;
        }
      }
    }
    for (const e of entries) {
      if (!isHidden(e.cell)) continue;
      e.cell.values = e.cell.values.map(() => null);
      e.cell.clients = null;
    }
  }
  // Without a column dimension the single column is the row total; keep both identical.
  if (result.query.cols.length === 0) {
    result.rowTotals = result.cells.map((row) => structuredClone(row[0]!));
    result.grandTotal = structuredClone(result.colTotals[0]!);
  }
  return result;
}
