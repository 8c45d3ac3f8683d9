// Reads fact-table columns as integer codes plus their keys, whatever their Arrow type, so the pivot
// loops over typed arrays only.
import type { Table, Vector } from 'apache-arrow';

export interface CodedColumn {
  codes: Int32Array;
  keys: string[]; // key of each code
}

function dictionaryColumn(vector: Vector): CodedColumn {
  const chunks = vector.data;
  if (chunks.length !== 1) throw new Error('fact tables are built as one chunk');
  const data = chunks[0]!;
  const keys = (data.dictionary?.toArray() ?? []) as string[];
  return { codes: data.values as Int32Array, keys: [...keys] };
}

function numericColumn(vector: Vector): CodedColumn {
  const values = vector.toArray() as ArrayLike<number>;
  const codeOf = new Map<number, number>();
  const keys: string[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let c = codeOf.get(v);
    if (c === undefined) {
      c = keys.length;
      keys.push(String(v));
      codeOf.set(v, c);
    }
    codes[i] = c;
  }
  return { codes, keys };
}

export function codedColumn(table: Table, name: string): CodedColumn {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`fact table has no column ${name}`);
  return vector.type.typeId === -1 || 'dictionary' in vector.type ? dictionaryColumn(vector) : numericColumn(vector);
}
