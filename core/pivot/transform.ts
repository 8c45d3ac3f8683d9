// What the analyst asks on top of the counts: growth against an earlier period (a second scan with the
// time keys shifted, so "2024" reads 2023's rows), clients per 1,000 youth (a scan restricted to ages 0–17
// over the CBS population), and "show as" a share of the grand, row, column or parent total.
import type { PivotCell, PivotQuery } from '../contract/pivot.js';
import type { Text } from '../registry.js';
import { RATIO_MEASURES, TIME_DIMENSIONS } from '../registry.js';
import type { Header } from './grid.js';
import { gridOf } from './grid.js';
import type { FactStore } from './store.js';

export interface Population {
  /** Residents aged 0–17 on 1 January of `year` in a municipality; null when unknown. */
  aged0to17(municipality: string, year: number): number | null;
  /** Municipalities with a population in that year (the region's denominator). */
  municipalities(year: number): string[];
}

const t = (nl: string, en: string): Text => ({ nl, en });
const RATIOS = RATIO_MEASURES;
const SHIFT = { month: 1, quarter: 3, year: 12 } as const;

/**
 * Growth against the earlier period. A cell gets a change only when its own paths name the time period (a
 * total over all periods has no "previous"), and — with suppression on — not when the earlier cell has
 * 1..threshold-1 children: the change and the current value together would give that small count away.
 */
export function comparePeriods(store: FactStore, q: PivotQuery, rows: Header[], cols: Header[], cells: PivotCell[][], threshold: number, notes: Text[]): void {
  const dims = [...q.rows, ...q.cols];
  const finest = TIME_DIMENSIONS.find((d) => dims.includes(d));
  if (!finest) {
    notes.push(t('Vergelijken vraagt een tijddimensie (jaar, kwartaal of maand) in rijen of kolommen.', 'Comparing needs a time dimension (year, quarter or month) in rows or columns.'));
    return;
  }
  const at = dims.indexOf(finest);
  const shift = q.compare === 'yoy' ? 12 : SHIFT[finest];
  const prev = gridOf(store, { ...q, compare: 'none' }, shift);
  const codes = (h: Header, offset: number) => h.path.map((k, i) => prev.codesOf(offset + i, k));
  let hidden = false;
  rows.forEach((r, i) => {
    const rc = codes(r, 0);
    cols.forEach((c, j) => {
      const cell = cells[i]![j]!;
      const named = at < q.rows.length ? r.path.length > at : c.path.length > at - q.rows.length;
      if (!named) {
        cell.change = cell.values.map(() => null);
        return;
      }
      const cc = codes(c, q.rows.length);
      const known = [...rc, ...cc].every((x) => x !== undefined);
      const before = known ? prev.cell(rc as number[], cc as number[], q.measures) : null;
      const small = q.suppress && before !== null && before.clients > 0 && before.clients < threshold;
      if (small) hidden = true;
      cell.change = cell.values.map((v, k) => {
        const p = before ? before.values[k] : 0;
        return small || v === null || p === null || p === undefined || p === 0 ? null : (v - p) / Math.abs(p);
      });
    });
  });
  if (hidden) notes.push(t('Geen verandering getoond waar de vorige periode 1–4 kinderen telt (onderdrukking).', 'No change shown where the previous period counts 1–4 children (suppression).'));
}

function yearOf(q: PivotQuery, path: string[], dims: string[]): number | null {
  for (const d of TIME_DIMENSIONS) {
    const at = dims.indexOf(d);
    if (at >= 0 && path[at]) return Number(path[at]!.slice(0, 4)); // '' = a subtotal over that dimension
  }
  const years = new Set<string>();
  for (const [dim, op, value] of q.filters) {
    if (!(TIME_DIMENSIONS as readonly string[]).includes(dim)) continue;
    if (op === '==') years.add((value as string).slice(0, 4));
    else if (op === 'in') (value as string[]).forEach((v) => years.add(v.slice(0, 4)));
  }
  return years.size === 1 ? Number([...years][0]) : null;
}

function municipalitiesOf(q: PivotQuery, path: string[], dims: string[], all: string[]): string[] {
  for (const d of ['municipality', 'lastMunicipality']) {
    const at = dims.indexOf(d);
    if (at >= 0 && path[at]) return [path[at]!];
  }
  const f = q.filters.find(([dim, op]) => dim === 'municipality' && (op === '==' || op === 'in'));
  if (f) return Array.isArray(f[2]) ? f[2] : [f[2]];
  return all;
}

export function per1000(store: FactStore, q: PivotQuery, rows: Header[], cols: Header[], cells: PivotCell[][], pop: Population | null, notes: Text[]): void {
  const at = q.measures.indexOf('clients');
  if (at < 0) return;
  if (!pop) {
    notes.push(t('Per 1.000 jeugdigen vraagt een bevolkingstabel (CBS, 0–17 jaar); importeer die onder Tabellen.', 'Per 1,000 youth needs a population table (CBS, aged 0–17); import one under Tables.'));
    cells.forEach((row) => row.forEach((c) => (c.values[at] = null)));
    return;
  }
  const young: PivotQuery = { ...q, measures: ['clients'], compare: 'none' };
  const grid = gridOf(store, young, 0, [['ageband', 'in', ['0-3', '4-11', '12-17']]]);
  const names = [...q.rows, ...q.cols];
  let missing = false;
  rows.forEach((r, i) =>
    cols.forEach((c, j) => {
      const full = [...r.path, ...Array(q.rows.length - r.path.length).fill(''), ...c.path];
      const year = yearOf(q, full, names);
      const count = grid.cell(r.codes, c.codes, ['clients']).values[0] ?? 0;
      let denominator: number | null = null;
      if (year !== null) {
        const muns = municipalitiesOf(q, full, names, pop.municipalities(year));
        const parts = muns.map((m) => pop.aged0to17(m, year));
        denominator = parts.length && parts.every((p) => p !== null) ? parts.reduce((a, b) => a! + b!, 0) : null;
      }
      if (denominator === null || denominator === 0) missing = true;
      cells[i]![j]!.values[at] = denominator ? (count / denominator) * 1000 : null;
    }),
  );
  notes.push(t('Cliënten per 1.000 jeugdigen van 0–17 jaar (CBS, 1 januari); de teller telt alleen kinderen van 0–17.', 'Clients per 1,000 youth aged 0–17 (CBS, 1 January); the numerator counts only children aged 0–17.'));
  if (missing) notes.push(t('Lege cellen: geen bevolking bekend voor die gemeente en dat jaar, of geen jaar in de cel.', 'Empty cells: no population known for that municipality and year, or no year in the cell.'));
}

const isPrefix = (p: string[], of: string[]) => p.every((k, i) => of[i] === k);

export function applyShowAs(q: PivotQuery, rows: Header[], cols: Header[], cells: PivotCell[][], notes: Text[]): void {
  const raw = cells.map((row) => row.map((c) => [...c.values]));
  const grandRow = rows.findIndex((r) => r.path.length === 0);
  const totalCol = cols.findIndex((c) => c.path.length === 0);
  const parentRow = rows.map((r) => (r.path.length === 0 ? -1 : rows.findIndex((p) => p.path.length === r.path.length - 1 && isPrefix(p.path, r.path))));
  rows.forEach((_, i) =>
    cols.forEach((_c, j) => {
      const [bi, bj] =
        q.showAs === 'grand' ? [grandRow, totalCol] : q.showAs === 'row' ? [i, totalCol] : q.showAs === 'col' ? [grandRow, j] : [parentRow[i] ?? -1, j];
      const cell = cells[i]![j]!;
      cell.values = cell.values.map((v, k) => {
        if (RATIOS.includes(q.measures[k]!)) return v;
        if (bi < 0) return v === null ? null : 1; // the grand total is its own parent
        const b = raw[bi]![bj]![k];
        return v === null || b === null || b === undefined || b === 0 ? null : v / b;
      });
    }),
  );
  if (q.measures.some((m) => RATIOS.includes(m))) notes.push(t('Gemiddelden en verhoudingen (€ per cliënt, prijs, duur) staan als waarde, niet als aandeel.', 'Averages and ratios (€ per client, price, duration) are shown as values, not as shares.'));
}
