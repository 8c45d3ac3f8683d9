// Municipal codes across mergers (DOMAIN.md §9): Weesp (0457) merged into Amsterdam (0363) on 24-03-2022
// (data/reference/gemeentelijke-herindelingen-2022-2023.csv). Two children in 2021, one assigned by each code;
// with mergers applied they are one row 0363 with 2 children, as given they are two rows of 1.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jw301, jw305, type Head, type Person } from '../../data/generate/xml.js';
import { createService, type Service } from '../../data/service.js';
import { testBsn } from '../fixtures/ijw-builder.js';
import { SlotBag } from '../../core/compare/cells.js';

let service: Service;
let seq = 0;
const head = (code: Head['code'], afzender: string, ontvanger: string, dagtekening: string): Head => ({ code, afzender, ontvanger, id: `M${++seq}`, dagtekening });
const person = (n: number): Person => ({ bsn: testBsn(n), birthDate: '2012-01-01', gender: '2', firstName: 'T', lastName: 'K', street: 'S', houseNumber: 1, postcode: '1381AA', place: 'Weesp' });

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spiegel-compare-mergers-'));
  service = createService({ dbFile: join(dir, 'm.db'), home: join(dir, 'home'), today: () => '2026-11-01' });
  const files = (['0457', '0363'] as const).flatMap((mun, i) => {
    const p = person(i + 1);
    const item = { nr: 100 + i, category: '45', code: '45A03', date: '2021-02-01', time: '09:00:00', start: '2021-02-01', end: '2021-10-31', omvang: { volume: 1, unit: '04', frequency: '2' as const } };
    return [jw301(head('JW301', mun, '11111111', '2021-02-01'), p, [item]), jw305(head('JW305', '11111111', mun, '2021-02-02'), p, [{ nr: 100 + i, category: '45', code: '45A03', start: '2021-02-01', status: '1' }])];
  });
  const report = await service['import/files']({ files: files.map((x, i) => ({ name: `m${i}.xml`, bytes: new TextEncoder().encode(x) })) });
  expect(report.files.filter((f) => f.status !== 'imported')).toEqual([]);
}, 120_000);

afterAll(() => service?.close());

describe('compare/municipalities across mergers', () => {
  it('folds the old code into its successor, and says which mapping applied', async () => {
    const r = await service['compare/municipalities']({ period: '2021', suppress: false });
    expect(r.mapping).toEqual({ applied: 'mergers', source: 'known', merged: [{ oldCode: '0457', newCode: '0363', fromYear: 2023 }] });
    expect(r.rows.map((x) => [x.key, x.mergedFrom, x.current.clients.value])).toEqual([['0363', ['0363', '0457'], 2], ['region', [], 2]]);
    expect(r.rows[0]!.label).toBe('Amsterdam');
  });

  it('keeps the codes as given on request', async () => {
    const r = await service['compare/municipalities']({ period: '2021', suppress: false, mergers: 'asGiven' });
    expect(r.mapping.applied).toBe('asGiven');
    expect(r.rows.map((x) => [x.key, x.current.clients.value])).toEqual([['0363', 1], ['0457', 1], ['region', 2]]);
    expect(r.rows[1]!.label).toBe('Weesp');
  });

  it('exports what the screen chose: Weesp as its own row only when the codes are kept as given', async () => {
    const csv = async (mergers?: 'asGiven' | 'mergers') => {
      const r = await service['export/compare']({ table: 'municipalities', period: '2021', format: 'csv', ...(mergers ? { mergers } : {}) });
      return Buffer.from(r.bytes).toString('utf8');
    };
    expect(await csv('asGiven')).toContain('Weesp');
    expect(await csv()).not.toContain('Weesp');
  });
});

describe('secondary suppression of the comparisons', () => {
  it('hides the smallest other part when one part of a shown total is hidden', () => {
    // Total 21 children = 10 + 3 + 8: 3 is primary; 8 (the smallest other non-zero part) goes with it.
    const bag = new SlotBag();
    const total = bag.count('t', 21, 21);
    const parts = [bag.count('a', 10, 10), bag.count('b', 3, 3), bag.count('c', 8, 8), bag.count('d', 0, 0)];
    const rate = bag.derived(parts[2]!, 0.8);
    bag.equation(total, parts);
    bag.suppress(true, 5);
    expect([total, ...parts].map((s) => s.cell().flag)).toEqual(['ok', 'ok', 'suppressed', 'secondary', 'ok']);
    expect(rate.cell()).toEqual({ value: null, clients: null, flag: 'secondary' });
    expect(parts[3]!.cell()).toEqual({ value: 0, clients: 0, flag: 'ok' });
  });
});
