import { describe, expect, it } from 'vitest';
import { decode, encode } from './envelope.js';

describe('envelope codec', () => {
  it('carries byte arrays (Arrow IPC) unchanged, inside any structure', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const back = decode(encode({ ok: true, value: { table: bytes, n: 3, nested: [bytes.subarray(0, 3)] } })) as {
      value: { table: Uint8Array; n: number; nested: Uint8Array[] };
    };
    expect(back.value.table).toBeInstanceOf(Uint8Array);
    expect([...back.value.table]).toEqual([...bytes]);
    expect([...back.value.nested[0]!]).toEqual([0, 7, 14]);
    expect(back.value.n).toBe(3);
  });

  it('leaves ordinary objects that merely resemble the tag alone', () => {
    const v = { $bytes: 'AAE=', other: 1 };
    expect(decode(encode(v))).toEqual(v);
  });
});
