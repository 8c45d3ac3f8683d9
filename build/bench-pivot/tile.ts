// Tiling a FactStore to N fact rows for the pivot benchmark: the region's fact rows are copied k times with
// the indices into the other tables offset per copy (so copy j holds new, distinct children, periods,
// trajectories, lines and assignments), the last copy truncated at N. Copies follow each other with ever
// larger client indices, so the rows stay sorted by client. Every column is copied generically from the
// Arrow schema (a new column survives); only the reference columns below are shifted.
import { DataType, makeData, makeVector, Table, type Data, type Utf8, type Vector } from 'apache-arrow';
import { KIND, type FactStore } from '../../core/pivot/store.js';

type Side = 'clients' | 'periods' | 'trajectories' | 'lines' | 'assignments';
const SIDE_TABLES: readonly Side[] = ['clients', 'periods', 'trajectories', 'lines', 'assignments'];

/** Columns holding an index into another table: shifted by (copy × that table's length); negative values
 *  (-1 = none) are kept. `facts.record` points into a table chosen by the row's kind. */
const RECORD_TABLE: Record<number, Side> = { [KIND.care]: 'periods', [KIND.money]: 'lines', [KIND.assignment]: 'assignments' };
const REFERENCES: Record<string, Record<string, Side | 'by-kind'>> = {
  facts: { client: 'clients', record: 'by-kind' },
  periods: { trajectory: 'trajectories' },
};

type Typed = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/** The one chunk of a column (the store builds every column as one chunk). */
export function onlyChunk(table: Table, name: string): Data {
  const v = table.getChild(name);
  if (!v) throw new Error(`table has no column ${name}`);
  if (v.data.length !== 1) throw new Error(`column ${name} has ${v.data.length} chunks; the store builds one`);
  return v.data[0]!;
}

/** The values (or dictionary indices) of a fixed-width column, without padding. */
export function valuesOf(data: Data): Typed {
  const values = data.values as Typed;
  return values.subarray(data.offset, data.offset + data.length) as Typed;
}

function tileFixed(data: Data, rows: number, baseRows: number, shift: ((copy: number, row: number) => number) | null): Vector {
  const src = valuesOf(data);
  const out = new (src.constructor as new (n: number) => Typed)(rows);
  for (let copy = 0, start = 0; start < rows; copy++, start += baseRows) {
    const n = Math.min(baseRows, rows - start);
    if (!shift || copy === 0) out.set(src.subarray(0, n), start);
    else for (let i = 0; i < n; i++) out[start + i] = src[i]! < 0 ? src[i]! : src[i]! + shift(copy, i);
  }
  return makeVector(makeData({ type: data.type, length: rows, data: out, ...(data.dictionary ? { dictionary: data.dictionary } : {}) } as never));
}

function tileUtf8(data: Data, rows: number, baseRows: number): Vector {
  const offsets = (data.valueOffsets as Int32Array).subarray(data.offset, data.offset + data.length + 1);
  const bytes = (data.values as Uint8Array).subarray(offsets[0]!, offsets[data.length]!);
  const copies = Math.ceil(rows / baseRows);
  const valueOffsets = new Int32Array(rows + 1);
  const out = new Uint8Array(bytes.length * copies);
  for (let copy = 0, start = 0; start < rows; copy++, start += baseRows) {
    const n = Math.min(baseRows, rows - start);
    out.set(bytes, copy * bytes.length);
    for (let i = 0; i < n; i++) valueOffsets[start + i + 1] = offsets[i + 1]! - offsets[0]! + copy * bytes.length;
  }
  const used = valueOffsets[rows]!;
  return makeVector(makeData({ type: data.type as Utf8, length: rows, valueOffsets, data: out.subarray(0, used) }));
}

function tileTable(table: Table, tableName: string, rows: number, shiftOf: (column: string) => ((copy: number, row: number) => number) | null): Table {
  const baseRows = table.numRows;
  if (baseRows === 0) return table;
  const columns: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const data = onlyChunk(table, field.name);
    if (data.nullCount > 0) throw new Error(`${tableName}.${field.name} has nulls; the store layout has none and tiling does not copy null bitmaps`);
    if (DataType.isUtf8(field.type)) columns[field.name] = tileUtf8(data, rows, baseRows);
    else if (data.values && !data.valueOffsets && !data.children.length) columns[field.name] = tileFixed(data, rows, baseRows, shiftOf(field.name));
    else throw new Error(`${tableName}.${field.name}: tiling does not know Arrow type ${String(field.type)}`);
  }
  return new Table(columns);
}

export interface TiledStore {
  store: FactStore;
  copies: number; // number of copies of the region (the last one truncated)
}

/** The store tiled to `rows` fact rows. */
export function tileStore(base: FactStore, rows: number): TiledStore {
  const baseRows = base.facts.numRows;
  if (baseRows === 0) throw new Error('cannot tile an empty fact store');
  const copies = Math.ceil(rows / baseRows);
  const length = Object.fromEntries(SIDE_TABLES.map((t) => [t, base[t].numRows])) as Record<Side, number>;
  const kind = valuesOf(onlyChunk(base.facts, 'kind'));
  const shifter = (tableName: string) => (column: string) => {
    const target = REFERENCES[tableName]?.[column];
    if (!target) return null;
    if (target !== 'by-kind') return (copy: number) => copy * length[target];
    const perKind = RECORD_TABLE;
    return (copy: number, row: number) => {
      const side = perKind[kind[row]!];
      if (!side) throw new Error(`facts row ${row}: unknown kind ${kind[row]}`);
      return copy * length[side];
    };
  };
  const tiled: FactStore = { ...base, facts: tileTable(base.facts, 'facts', rows, shifter('facts')) };
  // Side tables are copied whole for every copy of the facts, the truncated last one included.
  for (const t of SIDE_TABLES) tiled[t] = tileTable(base[t], t, length[t] * copies, shifter(t));
  return { store: tiled, copies };
}
