// Per fact row, the key of each dimension as a string, read from Arrow columns. Time keys derive from the
// month column; the age band is computed by the pivot itself because it depends on the cell (DOMAIN.md §4).
import type { Table } from 'apache-arrow';
import type { DimensionId } from '../registry.js';
import { monthKey, quarterKey, yearKey } from '../domain/time.js';
import { codedColumn, type CodedColumn } from './columns.js';

export type KeyReader = (row: number) => string;

function timeColumn(table: Table, keyOf: (yyyymm: number) => string): CodedColumn {
  const months = codedColumn(table, 'month');
  const keys = months.keys.map((m) => keyOf(Number(m)));
  return { codes: months.codes, keys };
}

/** Reads a stored dimension (not the age band). */
export function keyReader(table: Table, dim: Exclude<DimensionId, 'ageband'>): KeyReader {
  const col =
    dim === 'year' ? timeColumn(table, yearKey) : dim === 'quarter' ? timeColumn(table, quarterKey) : dim === 'month' ? timeColumn(table, monthKey) : codedColumn(table, dim);
  const { codes, keys } = col;
  return (row) => keys[codes[row]!]!;
}

export function intColumn(table: Table, name: string): ArrayLike<number> {
  const v = table.getChild(name);
  if (!v) throw new Error(`fact table has no column ${name}`);
  return v.toArray() as ArrayLike<number>;
}
