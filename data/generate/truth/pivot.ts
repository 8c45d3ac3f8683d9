// truthPivot: figures computed straight from the generator's plan (truth.json), following DOMAIN.md §4–§5 and §8.
// Deliberately simple and slow; it shares no code with core/ or data/model.
import { day, iso, monthFirst, monthIndex, monthKey, monthLast } from '../dates.js';
import { SEGMENTS, ageAt, ageBand, countsAsTrajectory, segmentOf } from './classify.js';
import type { Truth, TruthPeriod } from './types.js';

export type Dim = 'municipality' | 'provider' | 'segment' | 'category' | 'gender' | 'ageband' | 'year' | 'quarter' | 'month';
export type Measure = 'clients' | 'trajectories' | 'claimed' | 'approved';

export interface TruthQuery {
  rows: Dim[];
  cols: Dim[];
  measures: Measure[];
  filters?: [Dim, '==', string][];
}

export interface TruthResult {
  rowKeys: string[][];
  colKeys: string[][];
  cells: number[][][];
  rowTotals: number[][];
  colTotals: number[][];
  grandTotal: number[];
}

type Grain = 'year' | 'quarter' | 'month' | null;
type Keys = Partial<Record<Dim, string>>;

interface Unit {
  start: string;
  end: string;
  keys: Keys;
}

function grainOf(dims: Dim[]): Grain {
  if (dims.includes('month')) return 'month';
  if (dims.includes('quarter')) return 'quarter';
  if (dims.includes('year')) return 'year';
  return null;
}

function unitKeys(mi: number): Keys {
  const y = Math.floor(mi / 12);
  return { year: String(y), quarter: `${y}-Q${Math.floor((mi % 12) / 3) + 1}`, month: monthKey(mi) };
}

/** The time units of the grain that overlap [start, end]; with no grain, one unit: the whole range. */
function unitsOver(grain: Grain, start: string, end: string, rangeStart: string): Unit[] {
  if (grain === null) return [{ start: rangeStart, end, keys: {} }];
  const step = grain === 'month' ? 1 : grain === 'quarter' ? 3 : 12;
  const first = monthIndex(day(start));
  const last = monthIndex(day(end));
  const units: Unit[] = [];
  for (let mi = first - (first % step); mi <= last; mi += step) {
    units.push({ start: iso(monthFirst(mi)), end: iso(monthLast(mi + step - 1)), keys: unitKeys(mi) });
  }
  return units;
}

function unitOf(grain: Grain, date: string, rangeStart: string, peil: string): Unit {
  const units = unitsOver(grain, date, date, rangeStart);
  const unit = units[0]!;
  return grain === null ? { ...unit, end: peil } : unit;
}

interface CarePeriod {
  bsn: string;
  start: string;
  end: string;
  keys: Keys;
  trajectory: string | null;
}

function plusOneDay(date: string): string {
  return iso(day(date) + 1);
}

/** Care periods clipped to the peildatum, each labelled with its merged trajectory (DOMAIN.md §5). */
function carePeriods(truth: Truth): CarePeriod[] {
  const peil = truth.peildatum;
  const children = new Map(truth.children.map((c) => [c.bsn, c]));
  const clipped: { p: TruthPeriod; start: string; end: string }[] = [];
  for (const p of truth.periods) {
    const end = p.end === null || p.end > peil ? peil : p.end;
    if (p.start > peil || end < p.start) continue;
    clipped.push({ p, start: p.start, end });
  }
  // Merge per (child, provider, segment, municipality): next start ≤ previous end + 1 day.
  const groups = new Map<string, typeof clipped>();
  for (const c of clipped) {
    if (!countsAsTrajectory(c.p.category)) continue;
    const g = `${c.p.bsn}|${c.p.provider}|${segmentOf(c.p.category)}|${c.p.municipality}`;
    const list = groups.get(g) ?? [];
    list.push(c);
    groups.set(g, list);
  }
  const trajectoryOf = new Map<(typeof clipped)[number], string>();
  for (const [g, list] of groups) {
    list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    let n = 0;
    let end = '';
    for (const c of list) {
      if (n === 0 || c.start > plusOneDay(end)) {
        n++;
        end = c.end;
      } else if (c.end > end) end = c.end;
      trajectoryOf.set(c, `${g}#${n}`);
    }
  }
  return clipped.map((c) => {
    const child = children.get(c.p.bsn);
    return {
      bsn: c.p.bsn,
      start: c.start,
      end: c.end,
      trajectory: trajectoryOf.get(c) ?? null,
      keys: {
        municipality: c.p.municipality,
        provider: c.p.provider,
        segment: segmentOf(c.p.category),
        category: c.p.category,
        gender: child?.gender ?? '0',
      },
    };
  });
}

interface Cell {
  clients: Set<string>;
  trajectories: Set<string>;
  claimed: number;
  approved: number;
}

const newCell = (): Cell => ({ clients: new Set(), trajectories: new Set(), claimed: 0, approved: 0 });

function compareKeys(dims: Dim[], a: string[], b: string[]): number {
  for (let i = 0; i < dims.length; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x === y) continue;
    if (dims[i] === 'segment') {
      return SEGMENTS.indexOf(x as (typeof SEGMENTS)[number]) - SEGMENTS.indexOf(y as (typeof SEGMENTS)[number]);
    }
    // Age bands by age, youngest first (their lower bound), not as text.
    if (dims[i] === 'ageband') return parseInt(x, 10) - parseInt(y, 10);
    return x < y ? -1 : 1;
  }
  return 0;
}

function measureOf(cell: Cell | undefined, m: Measure): number {
  if (!cell) return 0;
  if (m === 'clients') return cell.clients.size;
  if (m === 'trajectories') return cell.trajectories.size;
  return m === 'claimed' ? cell.claimed : cell.approved;
}

export interface TruthPivotOptions {
  /**
   * 'cell' (default): a total is the figure of the total's own cell — the query without the totalled dimensions,
   * so with no time key its P is the whole range and each client has one age band (DOMAIN.md §4).
   * 'union': a total is the distinct union of the members of the cells it spans. The two differ only when
   * age band and time are on different axes (a client can be 12-17 in one month and 18-22 in a later one).
   */
  totals?: 'cell' | 'union';
}

interface Aggregate {
  cells: Map<string, Cell>;
  rows: Map<string, string[]>;
  cols: Map<string, string[]>;
}

const cellId = (r: string[], c: string[]) => `${JSON.stringify(r)}\u0000${JSON.stringify(c)}`;

/** Aggregates care and money into cells keyed by rows × cols; P follows the finest time dim among them and the filters. */
function aggregate(truth: Truth, care: CarePeriod[], rows: Dim[], cols: Dim[], filters: [Dim, '==', string][]): Aggregate {
  const grain = grainOf([...rows, ...cols, ...filters.map((f) => f[0])]);
  const peil = truth.peildatum;
  const rangeStart = truth.start;
  const birth = new Map(truth.children.map((c) => [c.bsn, c.birth]));
  const gender = new Map(truth.children.map((c) => [c.bsn, c.gender]));

  const cells = new Map<string, Cell>();
  const rowSeen = new Map<string, string[]>();
  const colSeen = new Map<string, string[]>();
  const passes = (keys: Keys) => filters.every(([d, , v]) => keys[d] === v);
  const cellFor = (keys: Keys): Cell => {
    const r = rows.map((d) => keys[d] ?? '');
    const c = cols.map((d) => keys[d] ?? '');
    rowSeen.set(JSON.stringify(r), r);
    colSeen.set(JSON.stringify(c), c);
    const id = cellId(r, c);
    let cell = cells.get(id);
    if (!cell) cells.set(id, (cell = newCell()));
    return cell;
  };

  // Care: per cell without its age band, the last day in care in P for each child; the age on that day gives
  // the child's band (DOMAIN.md §4), and the child's trajectories in that cell take the same band.
  // Only the query's dims decide which periods share a cell.
  const cellDims = [...rows, ...cols, ...filters.map((f) => f[0])].filter((d) => d !== 'ageband');
  const lastDay = new Map<string, { keys: Keys; bsn: string; last: string; trajectories: Set<string> }>();
  for (const p of care) {
    for (const unit of unitsOver(grain, p.start, p.end, rangeStart)) {
      const last = p.end < unit.end ? p.end : unit.end;
      const keys: Keys = { ...p.keys, ...unit.keys };
      const id = `${JSON.stringify(cellDims.map((d) => keys[d] ?? ''))}|${p.bsn}`;
      let seen = lastDay.get(id);
      if (!seen) lastDay.set(id, (seen = { keys, bsn: p.bsn, last, trajectories: new Set() }));
      else if (last > seen.last) seen.last = last;
      if (p.trajectory) seen.trajectories.add(p.trajectory);
    }
  }
  for (const e of lastDay.values()) {
    const keys: Keys = { ...e.keys, ageband: ageBand(ageAt(birth.get(e.bsn) ?? '1900-01', e.last)) };
    if (!passes(keys)) continue;
    const cell = cellFor(keys);
    cell.clients.add(e.bsn);
    for (const t of e.trajectories) cell.trajectories.add(t);
  }

  // Money: each line in the unit where its ProductPeriode starts; age band at the ProductPeriode end.
  for (const line of truth.lines) {
    if (line.periodStart > peil) continue;
    const unit = unitOf(grain, line.periodStart, rangeStart, peil);
    const keys: Keys = {
      ...unit.keys,
      municipality: line.municipality,
      provider: line.provider,
      segment: segmentOf(line.category),
      category: line.category,
      gender: gender.get(line.bsn) ?? '0',
      ageband: ageBand(ageAt(birth.get(line.bsn) ?? '1900-01', line.periodEnd)),
    };
    if (!passes(keys)) continue;
    const cell = cellFor(keys);
    cell.claimed += line.amount;
    if (line.status === 'approved') cell.approved += line.amount;
  }
  return { cells, rows: rowSeen, cols: colSeen };
}

function union(parts: (Cell | undefined)[]): Cell {
  const t = newCell();
  for (const p of parts) {
    if (!p) continue;
    for (const x of p.clients) t.clients.add(x);
    for (const x of p.trajectories) t.trajectories.add(x);
    t.claimed += p.claimed;
    t.approved += p.approved;
  }
  return t;
}

export function truthPivot(truth: Truth, query: TruthQuery, options: TruthPivotOptions = {}): TruthResult {
  const filters = query.filters ?? [];
  const care = carePeriods(truth);
  const full = aggregate(truth, care, query.rows, query.cols, filters);
  const rowKeys = [...full.rows.values()].sort((a, b) => compareKeys(query.rows, a, b));
  const colKeys = [...full.cols.values()].sort((a, b) => compareKeys(query.cols, a, b));
  if (colKeys.length === 0) colKeys.push([]);
  const values = (cell: Cell | undefined) => query.measures.map((m) => measureOf(cell, m));
  const get = (r: string[], c: string[]) => full.cells.get(cellId(r, c));

  let rowTotals: number[][];
  let colTotals: number[][];
  let grandTotal: number[];
  if (options.totals === 'union') {
    rowTotals = rowKeys.map((r) => values(union(colKeys.map((c) => get(r, c)))));
    colTotals = colKeys.map((c) => values(union(rowKeys.map((r) => get(r, c)))));
    grandTotal = values(union([...full.cells.values()]));
  } else {
    const byRow = aggregate(truth, care, query.rows, [], filters);
    const byCol = aggregate(truth, care, [], query.cols, filters);
    const all = aggregate(truth, care, [], [], filters);
    rowTotals = rowKeys.map((r) => values(byRow.cells.get(cellId(r, []))));
    colTotals = colKeys.map((c) => values(byCol.cells.get(cellId([], c))));
    grandTotal = values(all.cells.get(cellId([], [])));
  }
  return { rowKeys, colKeys, cells: rowKeys.map((r) => colKeys.map((c) => values(get(r, c)))), rowTotals, colTotals, grandTotal };
}
