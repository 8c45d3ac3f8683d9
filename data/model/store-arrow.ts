// Building the fact store's Arrow columns, each as one chunk over a typed array we filled ourselves, so the
// pivot reads them without copying (core/pivot/store.ts).
import { Dictionary, Int8, Int16, Int32, Uint8, Uint16, Utf8, makeData, makeVector, type Vector } from 'apache-arrow';

const MAX_INT16_CODES = 32_768;

/** Strings → Int16 codes, in order of first appearance. */
export class Codes {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly column: string) {}
  code(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      if (code >= MAX_INT16_CODES) throw new Error(`fact store column ${this.column} has more than ${MAX_INT16_CODES} distinct values`);
      this.values.push(value);
      this.index.set(value, code);
    }
    return code;
  }
}

export function utf8Vector(values: readonly string[]): Vector<Utf8> {
  const valueOffsets = new Int32Array(values.length + 1);
  let data = new TextEncoder().encode(values.join(''));
  if (data.length === values.reduce((n, v) => n + v.length, 0)) {
    // All ASCII (pseudonyms, reference numbers): one byte per character, encoded in one go.
    values.forEach((v, i) => (valueOffsets[i + 1] = valueOffsets[i]! + v.length));
  } else {
    const enc = new TextEncoder();
    const parts = values.map((v) => enc.encode(v));
    parts.forEach((p, i) => (valueOffsets[i + 1] = valueOffsets[i]! + p.length));
    data = new Uint8Array(valueOffsets[parts.length]!);
    parts.forEach((p, i) => data.set(p, valueOffsets[i]!));
  }
  return makeVector(makeData({ type: new Utf8(), length: values.length, valueOffsets, data }));
}

/** Codes narrowed to one byte when the dictionary has at most 127 values: most dimensions do (municipalities,
 *  segments, categories, reasons, units), which keeps a fact row under 40 bytes (docs/BENCHMARKS.md). */
export function dictionaryVector(codes: Int16Array, dictionary: Codes): Vector<Dictionary<Utf8, Int8 | Int16>> {
  const values = utf8Vector(dictionary.values);
  if (dictionary.values.length <= 127) {
    const type = new Dictionary(new Utf8(), new Int8());
    return makeVector(makeData({ type, length: codes.length, data: Int8Array.from(codes), dictionary: values }));
  }
  const type = new Dictionary(new Utf8(), new Int16());
  return makeVector(makeData({ type, length: codes.length, data: codes, dictionary: values }));
}

/** A dictionary column from one string per row. */
export function dictionaryOf(column: string, values: readonly string[]): Vector<Dictionary<Utf8, Int8 | Int16>> {
  const dictionary = new Codes(column);
  const codes = new Int16Array(values.length);
  values.forEach((v, i) => (codes[i] = dictionary.code(v)));
  return dictionaryVector(codes, dictionary);
}

export const int32Vector = (data: Int32Array): Vector<Int32> => makeVector(makeData({ type: new Int32(), length: data.length, data }));
export const uint16Vector = (data: Uint16Array): Vector<Uint16> => makeVector(makeData({ type: new Uint16(), length: data.length, data }));
export const uint8Vector = (data: Uint8Array): Vector<Uint8> => makeVector(makeData({ type: new Uint8(), length: data.length, data }));
