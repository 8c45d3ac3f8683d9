// Budget ceilings: the CSV import (data/analysis/budget.ts, migration 011) through the service, and spend against
// the ceiling per provider plus assigned versus delivered (core/analysis/delivery.ts) on hand-built lines.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../data/db/migrate.js';
import { createService } from '../../data/service.js';
import { delivery } from '../../core/analysis/delivery.js';
import type { AssignmentFact } from '../../core/analysis/assignments.js';
import type { AnalysisLine } from '../../core/analysis/money.js';
import { toDay } from '../../core/domain/dates.js';
import { careTable } from '../../core/flows/input.js';

const dir = mkdtempSync(join(tmpdir(), 'spiegel-budget-'));
const service = createService({ dbFile: join(dir, 'db.sqlite'), home: join(dir, 'home') });
afterAll(() => service.close());
const csv = (text: string) => ({ file: { name: 'plafonds.csv', bytes: new TextEncoder().encode(text) } });

describe('migration 011 (budget)', () => {
  it('migrates a v10 database with data to v11, keeps every row, and refuses a second ceiling for a provider and year', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 10));
    db.exec(`INSERT INTO setting (key, value) VALUES ('peildatum', '2026-04-30')`);
    expect(migrate(db, MIGRATIONS.filter((m) => m.version <= 11))).toBe(11);
    expect(db.prepare('SELECT key, value FROM setting').all()).toEqual([{ key: 'peildatum', value: '2026-04-30' }]);
    const insert = db.prepare('INSERT INTO budget_ceiling (provider, year, ceiling, file_name, imported_at) VALUES (?, ?, ?, ?, ?)');
    insert.run('12345678', 2025, 100, 'a.csv', 'now');
    expect(() => insert.run('12345678', 2025, 200, 'b.csv', 'now')).toThrow(/UNIQUE/);
    expect(() => insert.run('1234567', 2025, 200, 'b.csv', 'now')).toThrow(/CHECK/);
  });
});

describe('analysis/import-budget', () => {
  it('imports ceilings in euro (Dutch notation) per provider and year', async () => {
    const r = await service['analysis/import-budget'](csv('AGB;jaar;plafond\n12345678;2025;1.000,00\n87654321;2025;500\n12345678;2024;€ 2.500,50\n'));
    expect(r).toEqual({ rows: 3, years: [2024, 2025], replaced: 0, errors: [] });
    expect((await service['analysis/budgets']({})).ceilings).toEqual([
      { provider: '12345678', year: 2024, ceiling: 250050 }, { provider: '12345678', year: 2025, ceiling: 100000 }, { provider: '87654321', year: 2025, ceiling: 50000 },
    ]);
  });
  it('refuses a file with a bad line as a whole and names the line', async () => {
    const r = await service['analysis/import-budget'](csv('AGB;jaar;plafond\n12345678;2026;10\n1234567;2026;10\n'));
    expect(r.rows).toBe(0);
    expect(r.errors).toEqual([{ line: 3, reason: "provider AGB must be 8 digits, got '1234567'" }]);
    expect((await service['analysis/budgets']({})).ceilings.some((c) => c.year === 2026)).toBe(false);
  });
  it('replaces the years a new file holds (from a path too)', async () => {
    const path = join(dir, 'nieuw.csv');
    writeFileSync(path, 'agb,year,ceiling\n87654321,2025,750.00\n');
    expect(await service['analysis/import-budget']({ path })).toEqual({ rows: 1, years: [2025], replaced: 2, errors: [] });
    expect((await service['analysis/budgets']({})).ceilings).toEqual([{ provider: '12345678', year: 2024, ceiling: 250050 }, { provider: '87654321', year: 2025, ceiling: 75000 }]);
  });
});

describe('spend against the ceiling, assigned versus delivered (year 2025, peildatum 30-06-2025)', () => {
  const line = (client: string, provider: string, nr: number, amount: number, volume = 1, unit = '04'): AnalysisLine => ({
    client, municipality: '0228', provider, toewijzingNr: nr, segment: 'specialistisch', product: '45/', unit, month: 202501, days: 31, volume, amount, declared: toDay('2025-02-10'), original: true,
  });
  const a = (nr: number, start: string, end: string | null, extra: Partial<AssignmentFact> = {}): AssignmentFact => ({
    municipality: '0228', provider: '12345678', toewijzingNr: nr, client: `c${nr}`, category: '45', code: null, segment: 'specialistisch',
    assignedOn: toDay(start), firstAssignedOn: toDay(start), start: toDay(start), end: end === null ? null : toDay(end), volume: null, unit: null, frequency: null, reference: null, ...extra,
  });
  const assignments = [
    a(1, '2025-01-01', '2025-01-28', { volume: 2, unit: '04', frequency: '2' }), // 2 h a week for 28 days = 8 h assigned
    a(2, '2025-01-01', '2025-03-31'), // never started, no line: never used
    a(3, '2025-02-01', null), // started, still running: open commitment to 31-12-2025
  ];
  const table = careTable(
    [1, 3].map((nr, i) => ({ client: i, start: toDay(nr === 1 ? '2025-01-01' : '2025-02-01'), end: nr === 1 ? toDay('2025-01-28') : null, municipality: '0228', segment: 'specialistisch' as const, provider: '12345678', category: '45', endReason: 'lopend', toewijzingNr: nr, trajectory: nr })),
    [{ pseudonym: 'p0', birth: 201001, gender: '1' }, { pseudonym: 'p1', birth: 201001, gender: '2' }],
    toDay('2025-06-30'),
  );
  const lines = [line('c1', '12345678', 1, 60000, 6), line('c3', '12345678', 3, 50000), line('c9', '87654321', 9, 20000), line('c8', '55555555', 8, 7000)];
  const r = delivery({
    year: 2025, table, assignments, lines, prices: new Map([['45', 1000]]), ceilings: new Map([['12345678', 100000], ['87654321', 50000]]),
    providerForecast: (p) => (p === '87654321' ? 60000 : 0), municipality: null, label: (s) => ({ nl: s, en: s }), suppress: false, threshold: 5,
  });
  it('puts provider 12345678 over (110000 ct of 100000), 87654321 at risk (forecast 60000 > 50000), 55555555 without a ceiling', () => {
    expect(r.providers.map((p) => [p.provider, p.spend.value, p.ceiling, p.used, p.status])).toEqual([
      ['12345678', 110000, 100000, 1.1, 'over'], ['87654321', 20000, 50000, 0.4, 'at-risk'], ['55555555', 7000, null, null, 'none'],
    ]);
  });
  it('realises 6 of 8 assigned hours (0.75)', () => {
    expect(r.realisation.map((x) => [x.segment, x.unit, x.assignments, x.assigned.value, x.delivered.value, x.realisation])).toEqual([['specialistisch', '04', 1, 8, 6, 0.75]]);
  });
  it('counts assignment 2 as never used and commits 184 days × 1000 ct for assignment 3', () => {
    expect(r.neverUsed.map((x) => [x.segment, x.assignments.value])).toEqual([['specialistisch', 1]]);
    expect(r.openCommitments.map((x) => [x.segment, x.assignments.value, x.amount?.value])).toEqual([['specialistisch', 1, 184000]]);
  });
});
