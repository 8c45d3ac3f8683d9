// Reads fact-store columns without copying: dictionary columns as codes plus keys, numeric columns as
// their typed arrays. The store builds every column as one chunk, so the pivot loops over typed arrays only.
import type { Table } from 'apache-arrow';

export interface Dictionary {
  codes: ArrayLike<number>;
  keys: string[]; // key of each code
}

function single(table: Table, name: string) {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`fact store has no column ${name}`);
  if (vector.data.length !== 1) throw new Error(`fact store column ${name} is not one chunk`);
  return vector.data[0]!;
}

export function dictionary(table: Table, name: string): Dictionary {
  const data = single(table, name);
  if (!data.dictionary) throw new Error(`fact store column ${name} is not dictionary-encoded`);
  return { codes: data.values as ArrayLike<number>, keys: [...(data.dictionary.toArray() as string[])] };
}

export function numbers<T extends ArrayLike<number>>(table: Table, name: string): T {
  return single(table, name).values as unknown as T;
}

export function strings(table: Table, name: string): (row: number) => string {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`fact store has no column ${name}`);
  return (row) => String(vector.get(row) ?? '');
}
