import { describe, expect, it } from 'vitest';
import { normalisePivotQuery, type PivotCell, type PivotResult } from '../../../core/contract/pivot.js';
import { clipboardText, toTsv } from './clipboard.js';

const c = (v: number | null, flag: PivotCell['flag'] = 'ok'): PivotCell => ({ values: [flag === 'ok' ? v : null, flag === 'ok' ? (v ?? 0) * 12_345 : null], clients: v, records: 1, flag });

describe('clipboard text', () => {
  it('separates cells by tabs and lines by CRLF, flattening tabs and breaks inside a cell', () => {
    expect(toTsv([['a\tb', 'c\nd'], ['1', '2']])).toBe('a b\tc d\r\n1\t2\r\n');
  });

  it('is the suppressed table: <5 and x for hidden cells, plain numbers with a decimal comma', () => {
    // Clients and claimed € per municipality: Ede 1234 clients (€ 152.337,30), Veenendaal 3 (primary
    // suppressed), total 1237 hidden as secondary (it would give Veenendaal away).
    const result: PivotResult = {
      query: normalisePivotQuery({ rows: ['municipality'], measures: ['clients', 'claimed'] }),
      rows: [{ path: ['0228'] }, { path: ['0345'] }, { path: [] }],
      cols: [{ path: [] }],
      cells: [[c(1234)], [c(3, 'suppressed')], [c(1237, 'secondary')]],
      labels: { municipality: { '0228': { nl: 'Ede', en: 'Ede' }, '0345': { nl: 'Veenendaal', en: 'Veenendaal' } } },
      peildatum: '2025-06-30',
      voorlopig: [],
      notes: [],
      suppression: { applied: true, threshold: 5 },
    };
    const lines = clipboardText(result, 'nl', []).split('\r\n').map((l) => l.split('\t'));
    expect(lines[0]![0]).toMatch(/^Spiegel/);
    const body = lines.filter((l) => ['Ede', 'Veenendaal', 'Totaal'].includes(l[0]!));
    // 1234 × 12 345 eurocent = 15 233 730 eurocent = € 152.337,30.
    expect(body).toEqual([
      ['Ede', '1234', '152337,30'],
      ['Veenendaal', '<5', '<5'],
      ['Totaal', 'x', 'x'],
    ]);
  });
});
