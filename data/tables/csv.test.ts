// Encoding and delimiter detection and the physical line of every cell, on bytes written by hand.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsvRecords } from './csv.js';
import { decodeText } from './decode.js';
import { readCsvTable, readTable, TableReadError } from './read.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('encoding', () => {
  it('decodes Windows-1252, where 0x92 is a right single quote and 0xEB is ë', () => {
    const d = decodeText(bytes(...ascii('Dalton '), 0x92, ...ascii('t Kompas;Hindoe'), 0xef, ...ascii('stisch')));
    expect(d).toEqual({ text: 'Dalton ’t Kompas;Hindoeïstisch', encoding: 'windows-1252' });
  });

  it('takes valid UTF-8 as UTF-8, strips a BOM, and reads UTF-16LE with a BOM', () => {
    expect(decodeText(new TextEncoder().encode('Fryslân'))).toEqual({ text: 'Fryslân', encoding: 'utf-8' });
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...ascii('a;b')))).toEqual({ text: 'a;b', encoding: 'utf-8-bom' });
    expect(decodeText(bytes(0xff, 0xfe, 0x61, 0, 0x09, 0, 0xe2, 0))).toEqual({ text: 'a\tâ', encoding: 'utf-16le' });
  });
});

describe('delimiter', () => {
  it('counts delimiters on the header line only, outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,2,3,4,5,6')).toBe(';');
    expect(detectDelimiter('"x;y;z",b,c\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc,d')).toBe('\t');
    expect(detectDelimiter('one column')).toBe(',');
  });
});

describe('records', () => {
  it('gives each cell its physical line, counting newlines inside quotes; blank lines are skipped', () => {
    const text = 'a,b,c\r\n1,"x\r\ny",3\r\n\r\n4,"p\n\nq",6\n7,8,9';
    const records = readCsvRecords(text, ',');
    expect(records.map((r) => r.line)).toEqual([1, 2, 5, 8]);
    expect(records[1]).toEqual({ line: 2, cells: ['1', 'x\ny', '3'], cellLines: [2, 2, 3] });
    expect(records[2]).toEqual({ line: 5, cells: ['4', 'p\n\nq', '6'], cellLines: [5, 5, 7] });
  });

  it('keeps doubled quotes as one, and is relaxed about stray quotes as DUO writes them', () => {
    const records = readCsvRecords('"BS """"De Maasparel""""";Basisschool "De Wegwijzer";"ab"c\n', ';');
    expect(records[0]!.cells).toEqual(['BS ""De Maasparel""', 'Basisschool "De Wegwijzer"', 'abc']);
  });

  it('refuses a quote that is never closed, naming the line it opened on', () => {
    expect(() => readCsvTable(new TextEncoder().encode('a,b\n1,2\n3,"open\n4,5\n'))).toThrow(
      expect.objectContaining({ line: 3, message: 'a quoted value that starts on line 3 is never closed' }),
    );
  });

  it('refuses an old .xls workbook and binary data with a clear reason', async () => {
    await expect(readTable('oud.xls', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1))).rejects.toThrow(/old Excel \.xls/);
    await expect(readTable('x.csv', bytes(0x61, 0, 0x62))).rejects.toBeInstanceOf(TableReadError);
    await expect(readTable('x.csv', bytes())).rejects.toThrow(/empty/);
  });
});
