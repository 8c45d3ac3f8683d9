// The benchmark's 25 pivots: five named ones typical of a meeting, and 20 drawn from a seeded PRNG
// (1–2 row dimensions, 0–1 column dimension, 1–3 measures, 0–2 filters with values drawn from the data).
// Only what one SQL statement expresses identically is drawn: no age band (its value depends on the cell's
// context; the one named query with it has a context SQL can state), no last municipality, no wijk.
import type { PivotFilter, PivotQueryInput } from '../../core/contract/pivot.js';
import type { DimensionId, MeasureId } from '../../core/registry.js';
import { Rng } from '../../data/generate/random.js';
import { keyAt, type SqlColumn } from './columns.js';

export interface BenchQuery {
  name: string;
  input: PivotQueryInput;
}

/** Dimensions the random pivots group and filter on; each is one materialised SQL column. */
export const RANDOM_DIMENSIONS: readonly DimensionId[] = [
  'municipality', 'provider', 'segment', 'kader', 'verblijf', 'category', 'product', 'referrer', 'gp',
  'gender', 'pc4', 'school', 'year', 'quarter', 'month', 'endReason', 'unit',
];
export const RANDOM_MEASURES: readonly MeasureId[] = ['clients', 'trajectories', 'assignments', 'claimed', 'approved'];
/** Column dimensions are drawn among those with at most this many values: a pivot's columns fit a screen. */
const MAX_COL_KEYS = 40;
const TIME: readonly DimensionId[] = ['year', 'quarter', 'month'];

function column(columns: readonly SqlColumn[], dim: DimensionId): SqlColumn & { type: 'enum' } {
  const c = columns.find((x) => x.name === dim);
  if (!c || c.type !== 'enum') throw new Error(`no SQL column for dimension ${dim}`);
  return c;
}

/** The second-latest year in the data: the last full year before the peildatum's. */
function lastFullYear(columns: readonly SqlColumn[]): string {
  const years = column(columns, 'year').keys;
  return years[Math.max(0, years.length - 2)]!;
}

export function namedQueries(columns: readonly SqlColumn[]): BenchQuery[] {
  const year = lastFullYear(columns);
  return [
    { name: 'clients by municipality × year', input: { rows: ['municipality'], cols: ['year'], measures: ['clients'] } },
    {
      name: `clients + trajectories by segment × quarter, ${year}`,
      input: { rows: ['segment'], cols: ['quarter'], measures: ['clients', 'trajectories'], filters: [['year', '==', year]] },
    },
    { name: 'approved € and € per client by provider', input: { rows: ['provider'], measures: ['approved', 'perClient'] } },
    { name: 'clients by age band × gender, jeugdhulp', input: { rows: ['ageband'], cols: ['gender'], measures: ['clients'], filters: [['kader', '==', 'jeugdhulp']] } },
    { name: 'clients by month, met verblijf', input: { rows: ['month'], measures: ['clients'], filters: [['verblijf', '==', 'met']] } },
  ];
}

function distinctPicks<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return out;
}

/** A value of `dim` taken from a random fact row, so filters hit populated values. */
function valueFromData(rng: Rng, c: SqlColumn): string {
  const n = c.type === 'enum' ? c.codes.length : c.values.length;
  return keyAt(c, rng.int(0, n - 1));
}

function randomFilter(rng: Rng, columns: readonly SqlColumn[]): PivotFilter {
  const dim = rng.pick(RANDOM_DIMENSIONS);
  const c = column(columns, dim);
  const ops = TIME.includes(dim) ? (['==', '!=', 'in', 'not in', '>=', '<='] as const) : (['==', '!=', 'in', 'not in'] as const);
  const op = rng.pick(ops);
  if (op === 'in' || op === 'not in') {
    const values = [...new Set(Array.from({ length: rng.int(2, 4) }, () => valueFromData(rng, c)))];
    return [dim, op, values];
  }
  return [dim, op, valueFromData(rng, c)];
}

export function randomQueries(columns: readonly SqlColumn[], seed: number, count = 20): BenchQuery[] {
  const rng = new Rng(seed);
  const narrow = RANDOM_DIMENSIONS.filter((d) => column(columns, d).keys.length <= MAX_COL_KEYS);
  const queries: BenchQuery[] = [];
  for (let q = 0; q < count; q++) {
    const rows = distinctPicks(rng, RANDOM_DIMENSIONS, rng.int(1, 2));
    const colChoices = narrow.filter((d) => !rows.includes(d));
    const cols = rng.chance(0.5) && colChoices.length ? [rng.pick(colChoices)] : [];
    const measures = distinctPicks(rng, RANDOM_MEASURES, rng.int(1, 3));
    const filters = Array.from({ length: rng.int(0, 2) }, () => randomFilter(rng, columns));
    const input: PivotQueryInput = { rows, measures, ...(cols.length ? { cols } : {}), ...(filters.length ? { filters } : {}) };
    const describe = `${rows.join('+')}${cols.length ? ` × ${cols[0]}` : ''}: ${measures.join(', ')}${filters.length ? ` | ${filters.map((f) => `${f[0]} ${f[1]} ${JSON.stringify(f[2])}`).join(', ')}` : ''}`;
    queries.push({ name: `r${String(q + 1).padStart(2, '0')} ${describe}`, input });
  }
  return queries;
}
