// Building the fact store's Arrow columns from plain arrays: one chunk each, dictionaries with Int16
// indices. Used by data/model when it builds the store and by tests and benchmarks that build one by hand.
import { Dictionary, Int8, Int16, Int32, Uint16, Uint8, Utf8, makeData, makeVector, type Vector } from 'apache-arrow';

function utf8(values: readonly string[]): Vector {
  const enc = new TextEncoder();
  const parts = values.map((v) => enc.encode(v));
  const valueOffsets = new Int32Array(parts.length + 1);
  parts.forEach((p, i) => (valueOffsets[i + 1] = valueOffsets[i]! + p.length));
  const data = new Uint8Array(valueOffsets[parts.length]!);
  parts.forEach((p, i) => data.set(p, valueOffsets[i]!));
  return makeVector(makeData({ type: new Utf8(), length: parts.length, valueOffsets, data }));
}

export function stringVector(values: readonly string[]): Vector {
  return utf8(values);
}

/** A dictionary column from codes and the keys they index. */
export function dictionaryVector(codes: Int16Array, keys: readonly string[]): Vector {
  if (keys.length > 32767) throw new RangeError(`dictionary of ${keys.length} values does not fit Int16 codes`);
  if (keys.length <= 127) {
    return makeVector(makeData({ type: new Dictionary(new Utf8(), new Int8()), length: codes.length, data: Int8Array.from(codes), dictionary: utf8(keys) }));
  }
  return makeVector(makeData({ type: new Dictionary(new Utf8(), new Int16()), length: codes.length, data: codes, dictionary: utf8(keys) }));
}

/** A dictionary column from values (keys in order of first appearance). */
export function encodeStrings(values: readonly string[]): Vector {
  const index = new Map<string, number>();
  const keys: string[] = [];
  const codes = new Int16Array(values.length);
  values.forEach((v, i) => {
    let c = index.get(v);
    if (c === undefined) index.set(v, (c = keys.push(v) - 1));
    codes[i] = c;
  });
  return dictionaryVector(codes, keys);
}

export function int32Vector(values: ArrayLike<number>): Vector {
  return makeVector(makeData({ type: new Int32(), length: values.length, data: Int32Array.from(values) }));
}
export function uint16Vector(values: ArrayLike<number>): Vector {
  return makeVector(makeData({ type: new Uint16(), length: values.length, data: Uint16Array.from(values) }));
}
export function uint8Vector(values: ArrayLike<number>): Vector {
  return makeVector(makeData({ type: new Uint8(), length: values.length, data: Uint8Array.from(values) }));
}
