// One pivot query as one SQL statement over the wide `facts` table (columns.ts): the cells, every
// subtotal and the grand total in one statement — GROUP BY GROUPING SETS (DuckDB), or a UNION ALL of the
// same groupings (SQLite, and DuckDB too: it is sometimes faster there, and the benchmark times both). Each grouping is its own aggregate over the rows, so totals are distinct counts
// over the union, exactly as in our engine. Which kinds of fact rows a query reads follows from its
// measures (store.ts: care, money and assignment rows are separate kinds).
import type { PivotFilter, PivotQuery } from '../../core/contract/pivot.js';
import type { DimensionId, MeasureId } from '../../core/registry.js';
import { KIND, STATUS } from '../../core/pivot/store.js';

export type Dialect = 'duckdb' | 'sqlite';

/** Per measure: the aggregate, and the kind of fact row it reads. € per client divides by the children with
 *  an approved debit line (amount > 0), as core/pivot/scan.ts counts them. */
const MEASURE_SQL: Partial<Record<MeasureId, { kind: number; sql: string }>> = {
  clients: { kind: KIND.care, sql: `COUNT(DISTINCT client) FILTER (WHERE kind = ${KIND.care})` },
  trajectories: { kind: KIND.care, sql: `COUNT(DISTINCT trajectory) FILTER (WHERE kind = ${KIND.care} AND trajectory >= 0)` },
  assignments: { kind: KIND.assignment, sql: `COUNT(DISTINCT record) FILTER (WHERE kind = ${KIND.assignment})` },
  claimed: { kind: KIND.money, sql: `SUM(amount) FILTER (WHERE kind = ${KIND.money})` },
  approved: { kind: KIND.money, sql: `SUM(amount) FILTER (WHERE kind = ${KIND.money} AND status = ${STATUS.approved})` },
  pending: { kind: KIND.money, sql: `SUM(amount) FILTER (WHERE kind = ${KIND.money} AND status = ${STATUS.pending})` },
  perClient: {
    kind: KIND.money,
    sql: `CAST(SUM(amount) FILTER (WHERE kind = ${KIND.money} AND status = ${STATUS.approved}) AS DOUBLE)
          / NULLIF(COUNT(DISTINCT client) FILTER (WHERE kind = ${KIND.money} AND status = ${STATUS.approved} AND amount > 0), 0)`,
  },
};

/** Dimensions stored per client: with these (or none) beside it, the age band is one value per child. */
const CLIENT_LEVEL: readonly DimensionId[] = ['gender', 'pc4', 'school'];

export const quote = (s: string): string => `'${s.replaceAll("'", "''")}'`;

function filterSql([dim, op, value]: PivotFilter): string {
  if (dim === 'ageband') throw new Error('an age-band filter is not expressible identically in one SQL statement');
  if (Array.isArray(value)) return `${dim} ${op === 'in' ? 'IN' : 'NOT IN'} (${value.map(quote).join(', ')})`;
  return `${dim} ${op === '==' ? '=' : op === '!=' ? '<>' : op} ${quote(value)}`;
}

/** Age band (DOMAIN.md §4, core/domain/age.ts) on day number `day` of a child born in yyyymm `birth`. */
function ageBandSql(dialect: Dialect, birth: string, day: string): string {
  const [y, m, d] =
    dialect === 'duckdb'
      ? [`year(DATE '1970-01-01' + ${day})`, `month(DATE '1970-01-01' + ${day})`, `day(DATE '1970-01-01' + ${day})`]
      : ['%Y', '%m', '%d'].map((f) => `CAST(strftime('${f}', ${day} * 86400, 'unixepoch') AS INTEGER)`);
  const div = dialect === 'duckdb' ? '//' : '/';
  const age = `(${y} - ${birth} ${div} 100 - CASE WHEN ${m} < ${birth} % 100 OR (${m} = ${birth} % 100 AND ${d} < 15) THEN 1 ELSE 0 END)`;
  return `CASE WHEN ${age} <= 3 THEN '0-3' WHEN ${age} <= 11 THEN '4-11' WHEN ${age} <= 17 THEN '12-17' WHEN ${age} <= 22 THEN '18-22' ELSE '23+' END`;
}

export interface SqlPivot {
  sql: string;
  dims: DimensionId[]; // rows then cols; result column d<i> holds dims[i]
  rowDims: number;
  measures: MeasureId[]; // result column m<i> holds measures[i]
}

/** Grouping sets: every row prefix × every column prefix (cells, subtotals, totals, grand total). */
function groupings(q: PivotQuery): DimensionId[][] {
  const sets: DimensionId[][] = [];
  for (let i = q.rows.length; i >= 0; i--) for (let j = q.cols.length; j >= 0; j--) sets.push([...q.rows.slice(0, i), ...q.cols.slice(0, j)]);
  return sets;
}

/** GROUPING(d0, …, dn) as DuckDB computes it: bit (n − i) set when dims[i] is aggregated away. */
function groupingId(dims: DimensionId[], set: DimensionId[]): number {
  return dims.reduce((id, d, i) => (set.includes(d) ? id : id | (1 << (dims.length - 1 - i))), 0);
}

export type Form = 'grouping-sets' | 'union-all';

export interface SqlOptions {
  /** Also the children behind each cell and its number of fact rows (our result has both; they are
   *  compared, but left out of the statements that are timed, so the SQL engines are not charged for them). */
  checked?: boolean;
  /** GROUP BY GROUPING SETS (DuckDB only), or a UNION ALL of one GROUP BY per grouping. */
  form?: Form;
}

export function toSql(q: PivotQuery, dialect: Dialect, { checked = true, form = dialect === 'duckdb' ? 'grouping-sets' : 'union-all' }: SqlOptions = {}): SqlPivot {
  if (dialect === 'sqlite' && form === 'grouping-sets') throw new Error('SQLite has no GROUPING SETS');
  const dims = [...q.rows, ...q.cols];
  const measures = q.measures;
  const kinds = [...new Set(measures.map((m) => MEASURE_SQL[m]?.kind ?? -1))].sort();
  if (kinds.includes(-1)) throw new Error(`measure ${measures.find((m) => !MEASURE_SQL[m])} has no SQL translation in the benchmark`);
  const where = [`kind IN (${kinds.join(', ')})`, ...q.filters.map(filterSql)].join(' AND ');
  const aggregates = [
    ...measures.map((m, i) => `${MEASURE_SQL[m]!.sql} AS m${i}`),
    ...(checked ? ['COUNT(DISTINCT client) AS n_clients', 'COUNT(*) AS n_records'] : []), // children with any record read: drives suppression
  ].join(',\n  ');

  let from = `facts WHERE ${where}`;
  let prefix = '';
  if (dims.includes('ageband')) {
    // Age on the child's last day in care within the cell: with only per-child dimensions beside the age
    // band, that is the child's last day in care over all rows the filters keep.
    const others = dims.filter((d) => d !== 'ageband');
    if (others.some((d) => !CLIENT_LEVEL.includes(d)) || kinds.join() !== String(KIND.care))
      throw new Error('the age band is translated only beside per-child dimensions and care measures');
    prefix = `WITH f AS (SELECT * FROM facts WHERE ${where}),
  last AS (SELECT client, birth, MAX(lastDay) AS day FROM f WHERE kind = ${KIND.care} GROUP BY client, birth),
  band AS (SELECT client, ${ageBandSql(dialect, 'birth', 'day')} AS ageband FROM last)
`;
    from = 'f JOIN band USING (client)';
  }
  const sets = groupings(q);
  const dimCols = (set: DimensionId[]) => dims.map((d, i) => `${set.includes(d) ? d : 'NULL'} AS d${i}`).join(', ');
  let sql: string;
  if (form === 'grouping-sets') {
    const grouping = dims.length ? `GROUPING(${dims.join(', ')})` : '0';
    sql = `${prefix}SELECT ${dims.map((d, i) => `${d} AS d${i}`).concat(`${grouping} AS gid`).join(', ')},
  ${aggregates}
FROM ${from}
GROUP BY GROUPING SETS (${sets.map((s) => `(${s.join(', ')})`).join(', ')})`;
  } else {
    sql =
      prefix +
      sets
        .map((s) => `SELECT ${[dimCols(s), `${groupingId(dims, s)} AS gid`].filter(Boolean).join(', ')},\n  ${aggregates}\nFROM ${from}${s.length ? `\nGROUP BY ${s.join(', ')}` : ''}`)
        .join('\nUNION ALL\n');
  }
  return { sql, dims, rowDims: q.rows.length, measures };
}
