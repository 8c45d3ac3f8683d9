// The one wide table the SQL engines pivot over, built from the FactStore's Arrow columns. To be fair to
// them, everything our engine derives by lookup is materialised per fact row, so no query needs a join:
// - every facts column as is: dictionary columns as ENUM (DuckDB; members sorted as text, so comparisons
//   and ordering by member agree with text) or TEXT (SQLite); integer columns as integers;
// - `month` as its key 'YYYY-MM' (what the pivot groups and filters on), plus `year` ('YYYY') and
//   `quarter` ('YYYY-Qn') derived from it, and `monthIndex` (months since 1970-01) kept as an integer;
// - `kader` and `verblijf` derived from `segment` (core/domain/segments.ts);
// - every per-client column of `clients` (gender, pc4, school, birth, …; not the pseudonym) per fact row;
// - `amount`, `volume` and `status` of the declaration line a money row is (lines[record]), 0 on other rows;
// - `trajectory`: for care rows the trajectory of the care period (periods.trajectory[record]), else -1.
import { DataType, type Table } from 'apache-arrow';
import type { FactStore } from '../../core/pivot/store.js';
import { KIND, yyyymmOf } from '../../core/pivot/store.js';
import { monthKey, quarterKey, yearKey } from '../../core/domain/time.js';
import { segmentKader, segmentVerblijf } from '../../core/domain/segments.js';
import { onlyChunk, valuesOf } from './tile.js';

export type SqlInt = 'UTINYINT' | 'TINYINT' | 'USMALLINT' | 'SMALLINT' | 'INTEGER' | 'UINTEGER' | 'DOUBLE';

export type SqlColumn =
  | { name: string; type: 'enum'; keys: string[]; codes: Uint16Array | Int32Array }
  | { name: string; type: SqlInt; values: ArrayLike<number> };

const INT_TYPE: Record<string, SqlInt> = {
  Uint8Array: 'UTINYINT',
  Int8Array: 'TINYINT',
  Uint16Array: 'USMALLINT',
  Int16Array: 'SMALLINT',
  Int32Array: 'INTEGER',
  Uint32Array: 'UINTEGER',
  Float32Array: 'DOUBLE',
  Float64Array: 'DOUBLE',
};

/** An ENUM column from per-row keys given as codes into `keys`: members sorted, codes remapped. */
function enumColumn(name: string, keys: readonly string[], codes: ArrayLike<number>): SqlColumn & { type: 'enum' } {
  const members = [...new Set(keys)].sort();
  const rank = new Map(members.map((k, i) => [k, i]));
  const remap = keys.map((k) => rank.get(k)!);
  const out = members.length < 65_536 ? new Uint16Array(codes.length) : new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = remap[codes[i]!]!;
  return { name, type: 'enum', keys: members, codes: out };
}

/** Per-row codes of a column read as an enum: dictionary indices, or distinct numeric values. */
function codedColumn(table: Table, name: string): { keys: string[]; codes: ArrayLike<number> } {
  const data = onlyChunk(table, name);
  if (data.dictionary) return { keys: [...(data.dictionary.toArray() as string[])], codes: valuesOf(data) };
  throw new Error(`${name} is not a dictionary column`);
}

/** Gathers a per-client column to per-row values. */
function perRow<T extends ArrayLike<number>>(perClient: T, client: ArrayLike<number>, make: (n: number) => T & { [i: number]: number }): T {
  const out = make(client.length);
  for (let i = 0; i < client.length; i++) out[i] = perClient[client[i]!]!;
  return out;
}

/** Columns of `lines` a money row carries in the SQL table. */
const LINE_COLUMNS = ['amount', 'volume', 'status'] as const;

export function sqlColumns(store: FactStore): SqlColumn[] {
  const { facts, clients, periods } = store;
  const columns: SqlColumn[] = [];
  const add = (c: SqlColumn) => {
    if (columns.some((o) => o.name === c.name)) throw new Error(`two SQL columns named ${c.name}: a store column clashes with a derived one`);
    columns.push(c);
  };
  const client = valuesOf(onlyChunk(facts, 'client'));
  for (const field of facts.schema.fields) {
    const data = onlyChunk(facts, field.name);
    if (field.name === 'month') {
      const months = valuesOf(data);
      const distinct = [...new Set(months)].sort((a, b) => a - b);
      const codeOf = new Map(distinct.map((m, i) => [m, i]));
      const codes = Int32Array.from(months, (m) => codeOf.get(m)!);
      const yyyymm = distinct.map(yyyymmOf);
      add(enumColumn('month', yyyymm.map(monthKey), codes));
      add(enumColumn('quarter', yyyymm.map(quarterKey), codes));
      add(enumColumn('year', yyyymm.map(yearKey), codes));
      add({ name: 'monthIndex', type: INT_TYPE[months.constructor.name]!, values: months });
    } else if (DataType.isDictionary(field.type)) {
      const { keys, codes } = codedColumn(facts, field.name);
      add(enumColumn(field.name, keys, codes));
      if (field.name === 'segment') {
        add(enumColumn('kader', keys.map(segmentKader), codes));
        add(enumColumn('verblijf', keys.map(segmentVerblijf), codes));
      }
    } else if (data.values && !data.valueOffsets) {
      const values = valuesOf(data);
      add({ name: field.name, type: INT_TYPE[values.constructor.name]!, values });
    } else throw new Error(`facts.${field.name}: no SQL column type for ${String(field.type)}`);
  }
  for (const field of clients.schema.fields) {
    if (DataType.isUtf8(field.type)) continue; // the pseudonym: never a dimension
    const data = onlyChunk(clients, field.name);
    if (DataType.isDictionary(field.type)) {
      const { keys, codes } = codedColumn(clients, field.name);
      add(enumColumn(field.name, keys, perRow(Int32Array.from(codes), client, (n) => new Int32Array(n))));
    } else {
      const values = valuesOf(data);
      add({ name: field.name, type: INT_TYPE[values.constructor.name]!, values: perRow(values, client, (n) => new (values.constructor as Int32ArrayConstructor)(n)) });
    }
  }
  const kind = valuesOf(onlyChunk(facts, 'kind'));
  const record = valuesOf(onlyChunk(facts, 'record'));
  for (const name of LINE_COLUMNS) {
    const perLine = valuesOf(onlyChunk(store.lines, name));
    const values = new (perLine.constructor as Int32ArrayConstructor)(facts.numRows);
    for (let i = 0; i < values.length; i++) if (kind[i] === KIND.money) values[i] = perLine[record[i]!]!;
    add({ name, type: INT_TYPE[values.constructor.name]!, values });
  }
  const trajectoryOfPeriod = valuesOf(onlyChunk(periods, 'trajectory'));
  const trajectory = new Int32Array(facts.numRows);
  for (let i = 0; i < trajectory.length; i++) trajectory[i] = kind[i] === 0 ? trajectoryOfPeriod[record[i]!]! : -1;
  add({ name: 'trajectory', type: 'INTEGER', values: trajectory });
  return columns;
}

/** The text key of row i of a column (for reading filter values and checking). */
export function keyAt(c: SqlColumn, i: number): string {
  return c.type === 'enum' ? c.keys[c.codes[i]!]! : String(c.values[i]);
}
