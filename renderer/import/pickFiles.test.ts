import { describe, expect, it } from 'vitest';
import { mergePicked, totalBytes, type PickedFile } from './pickFiles.js';

const picked = (name: string, size: number): PickedFile => ({ name, file: new File([new Uint8Array(size)], name.split('/').pop()!) });

describe('choosing files to import', () => {
  it('adds new picks to earlier ones, once per path and size, sorted by path', () => {
    const first = [picked('2025-02/JW305.xml', 10), picked('2025-01/JW301.xml', 20)];
    const merged = mergePicked(first, [picked('2025-01/JW301.xml', 20), picked('2025-01/JW301.xml', 21), picked('2025-01/JW307.xml', 5)]);
    // The same path with another size is another file (a newer copy): both go, the data side tells them apart.
    expect(merged.map((p) => `${p.name}:${p.file.size}`)).toEqual([
      '2025-01/JW301.xml:20',
      '2025-01/JW301.xml:21',
      '2025-01/JW307.xml:5',
      '2025-02/JW305.xml:10',
    ]);
    expect(totalBytes(merged)).toBe(20 + 21 + 5 + 10);
  });
});
