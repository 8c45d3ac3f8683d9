// The hand-worked region (test/fixtures/handworked.md) through the real CLI: import, then pivots.
// Every expected figure below was worked out by hand in that file, not taken from Spiegel's output.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHILDREN, writeHandworkedSet } from '../fixtures/handworked.js';
import { TEST_NAME, TEST_STREET } from '../fixtures/ijw-builder.js';
import { spiegel } from './cli-helpers.js';
import type { PivotResult } from '../../core/contract/methods.js';

let dir: string;
let common: string[];

async function pivot(args: string[]): Promise<PivotResult> {
  const r = await spiegel(['pivot', ...common, '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as PivotResult;
}

/** The grid as {rowPath: {colPath: clients}} ('Totaal' for a total), subtotal rows included, for compact comparison. */
function grid(result: PivotResult): Record<string, Record<string, number | string | null>> {
  const p = result;
  const out: Record<string, Record<string, number | string | null>> = {};
  const show = (c: PivotResult['cells'][number][number]) => (c.flag === 'suppressed' ? '<5' : c.flag === 'secondary' ? 'x' : c.values[0]!);
  p.rows.forEach((r, i) => {
    const row: Record<string, number | string | null> = {};
    p.cols.forEach((c, j) => (row[c.path.join('|') || 'Totaal'] = show(p.cells[i]![j]!)));
    out[r.path.join('|') || 'Totaal'] = row;
  });
  return out;
}

/** The CLI's CSV as lines, without the BOM. */
async function csvLines(args: string[]): Promise<string[]> {
  const r = await spiegel(['pivot', ...common, '--format', 'csv', ...args]);
  expect(r.stderr).toBe('');
  return r.stdout.replace(/^\uFEFF/, '').split('\r\n');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-hw-'));
  writeHandworkedSet(join(dir, 'in'));
  common = ['--db', join(dir, 'spiegel.db'), '--home', join(dir, 'home')];
  const r = await spiegel(['import', join(dir, 'in'), ...common]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/orphan-start/); // child L's start has no assignment
}, 60_000);

describe('hand-worked region through spiegel pivot --no-suppression', () => {
  it('clients by municipality × year', async () => {
    const p = await pivot(['--rows', 'municipality', '--cols', 'year', '--measure', 'clients', '--no-suppression']);
    expect(p.peildatum).toBe('2025-06-30');
    expect(grid(p)).toEqual({
      '0228': { 2023: 1, 2024: 7, 2025: 3, Totaal: 7 },
      '0345': { 2023: 0, 2024: 1, 2025: 3, Totaal: 3 },
      Totaal: { 2023: 1, 2024: 7, 2025: 6, Totaal: 9 },
    });
    expect(p.labels.municipality?.['0228']?.nl).toBe('Ede (0228)');
    expect(p.cells[0]![0]!.flag).toBe('small'); // Ede 2023: 1 child, shown exactly and marked
  });

  it('clients by segment × year', async () => {
    const p = await pivot(['--rows', 'segment', '--cols', 'year', '--measure', 'clients', '--no-suppression']);
    expect(grid(p)).toEqual({
      verblijf: { 2023: 0, 2024: 2, 2025: 1, Totaal: 3 },
      crisis: { 2023: 0, 2024: 0, 2025: 1, Totaal: 1 },
      specialistisch: { 2023: 1, 2024: 6, 2025: 4, Totaal: 6 },
      Totaal: { 2023: 1, 2024: 7, 2025: 6, Totaal: 9 },
    });
  });

  it('year 2024 only: municipality × segment, with a filter', async () => {
    const p = await pivot(['--rows', 'municipality', '--cols', 'segment', '--filter', 'year=2024', '--no-suppression']);
    expect(grid(p)).toEqual({
      '0228': { verblijf: 2, specialistisch: 6, Totaal: 7 },
      '0345': { verblijf: 0, specialistisch: 1, Totaal: 1 },
      Totaal: { verblijf: 2, specialistisch: 6, Totaal: 7 },
    });
  });

  it('two row dimensions and no column dimension: each subtotal row before its children, distinct counts', async () => {
    const p = await pivot(['--rows', 'municipality,segment', '--no-suppression']);
    expect(p.rows.map((r) => r.path.join('|') || 'Totaal')).toEqual([
      '0228', '0228|verblijf', '0228|specialistisch', '0345', '0345|verblijf', '0345|crisis', '0345|specialistisch', 'Totaal',
    ]);
    expect(grid(p)).toEqual({
      '0228': { Totaal: 7 }, // H is in both Ede segments, counted once
      '0228|verblijf': { Totaal: 2 },
      '0228|specialistisch': { Totaal: 6 },
      '0345': { Totaal: 3 },
      '0345|verblijf': { Totaal: 1 },
      '0345|crisis': { Totaal: 1 },
      '0345|specialistisch': { Totaal: 1 },
      Totaal: { Totaal: 9 },
    });
  });

  it('is suppressed by default, primary and secondary (handworked.md)', async () => {
    const p = await pivot(['--rows', 'municipality', '--cols', 'year']);
    expect(p.suppression).toEqual({ applied: true, threshold: 5 });
    expect(grid(p)).toEqual({
      '0228': { 2023: '<5', 2024: 'x', 2025: '<5', Totaal: 'x' },
      '0345': { 2023: 0, 2024: '<5', 2025: '<5', Totaal: '<5' },
      Totaal: { 2023: '<5', 2024: 7, 2025: 'x', Totaal: 9 },
    });
    expect(JSON.stringify(p.cells)).not.toMatch(/"clients":[1-4]\b/);
  });

  it('prints a Dutch table and a Dutch-Excel CSV that say whether small counts are suppressed', async () => {
    const table = await spiegel(['pivot', ...common, '--rows', 'municipality', '--cols', 'year', '--no-suppression']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/peildatum 30-06-2025/);
    expect(table.stdout).toMatch(/ZONDER onderdrukking/);
    expect(table.stdout).toMatch(/Ede \(0228\)\s+1\s+7\s+3\s+7/);
    const csv = await spiegel(['pivot', ...common, '--rows', 'municipality', '--cols', 'year', '--format', 'csv']);
    const lines = csv.stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Spiegel — peildatum 30-06-2025 — geen filters — kleine aantallen (1-4) onderdrukt');
    expect(lines[1]).toBe('Jaar;2023;2024;2025 (voorlopig);Totaal'); // June 2025 is voorlopig (DOMAIN.md §2)
    expect(lines[2]).toBe('Gemeente;Cliënten;Cliënten;Cliënten;Cliënten');
    expect(lines[3]).toBe('Ede (0228);<5;x;<5;x');
    expect(lines[5]).toBe('Totaal;<5;7;x;9');
  });

  it('changes no figure when the same files are imported again', async () => {
    const before = await pivot(['--rows', 'municipality,segment', '--cols', 'year', '--no-suppression']);
    const again = await spiegel(['import', join(dir, 'in'), ...common]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 berichten nieuw/);
    expect(again.stdout).not.toMatch(/[1-9]\d* berichten nieuw/);
    const after = await pivot(['--rows', 'municipality,segment', '--cols', 'year', '--no-suppression']);
    expect(after).toEqual(before);
  });

  it('fails with one line for a bad query', async () => {
    const r = await spiegel(['pivot', ...common, '--rows', 'bsn']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bsn|rows/);
  });

  it('stores no BSN, name or address anywhere in the data folder', async () => {
    const files = ['spiegel.db', 'spiegel.db-wal', 'spiegel.db-shm'].map((f) => join(dir, f)).filter(existsSync);
    expect(files.length).toBeGreaterThan(0);
    const needles = [...Object.values(CHILDREN).map((c) => c.bsn), TEST_NAME, TEST_STREET, '6711AA'];
    for (const file of files) {
      const bytes = readFileSync(file).toString('latin1');
      for (const needle of needles) expect(bytes.includes(needle), `${needle} in ${file}`).toBe(false);
    }
  });
});

// The workbench options of `spiegel pivot` (issue 5). Every figure below follows from handworked.md's
// tables by hand: shares are those counts divided, changes are those counts compared year on year.
describe('hand-worked region through spiegel pivot: subtotals, show as, compare, sort', () => {
  it('prints subtotal rows in the CSV, each before its children', async () => {
    const lines = await csvLines(['--rows', 'municipality,segment', '--cols', 'year', '--no-suppression']);
    expect(lines.slice(1)).toEqual([
      ';Jaar;2023;2024;2025 (voorlopig);Totaal',
      'Gemeente;Hulpvorm;Cliënten;Cliënten;Cliënten;Cliënten',
      'Totaal Ede (0228);;1;7;3;7',
      'Ede (0228);Verblijf;0;2;0;2', // D, H
      'Ede (0228);Specialistisch ambulant;1;6;3;6', // C | A C G H I J | A H J
      'Totaal Veenendaal (0345);;0;1;3;3',
      'Veenendaal (0345);Verblijf;0;0;1;1', // L
      'Veenendaal (0345);Crisis;0;0;1;1', // K
      'Veenendaal (0345);Specialistisch ambulant;0;1;1;1', // I
      'Totaal;;1;7;6;9',
      '',
    ]);
  });

  it('--show-as row and col: shares of the distinct row and column totals', async () => {
    const row = await csvLines(['--rows', 'municipality', '--cols', 'year', '--show-as', 'row', '--no-suppression']);
    expect(row[2]).toBe('Gemeente;Cliënten (% van rijtotaal);Cliënten (% van rijtotaal);Cliënten (% van rijtotaal);Cliënten (% van rijtotaal)');
    expect(row.slice(3, 6)).toEqual([
      'Ede (0228);14,3%;100,0%;42,9%;100,0%', // 1/7, 7/7, 3/7
      'Veenendaal (0345);0,0%;33,3%;100,0%;100,0%', // 0/3, 1/3, 3/3
      'Totaal;11,1%;77,8%;66,7%;100,0%', // 1/9, 7/9, 6/9
    ]);
    const col = await csvLines(['--rows', 'municipality', '--cols', 'year', '--show-as', 'col', '--no-suppression']);
    expect(col.slice(3, 6)).toEqual([
      'Ede (0228);100,0%;100,0%;50,0%;77,8%', // 1/1, 7/7, 3/6, 7/9
      'Veenendaal (0345);0,0%;14,3%;50,0%;33,3%', // 0/1, 1/7, 3/6, 3/9
      'Totaal;100,0%;100,0%;100,0%;100,0%',
    ]);
  });

  it('--compare prev: a change column per measure, against the previous year', async () => {
    const lines = await csvLines(['--rows', 'municipality', '--cols', 'year', '--compare', 'prev', '--no-suppression']);
    expect(lines[2]).toBe('Gemeente;Cliënten;Δ % t.o.v. vorige periode;Cliënten;Δ % t.o.v. vorige periode;Cliënten;Δ % t.o.v. vorige periode;Cliënten;Δ % t.o.v. vorige periode');
    const years = (line: string) => line.split(';').slice(3, 7); // 2024 and 2025: value, change
    expect(years(lines[3]!)).toEqual(['7', '600,0%', '3', '-57,1%']); // 1 → 7 → 3
    expect(years(lines[4]!)).toEqual(['1', '', '3', '200,0%']); // 0 → 1 (no change from nothing) → 3
    expect(years(lines[5]!)).toEqual(['7', '600,0%', '6', '-14,3%']); // 1 → 7 → 6
  });

  it('--sort clients:desc orders the rows by their total, the grand total stays last', async () => {
    const p = await pivot(['--rows', 'segment', '--sort', 'clients:desc', '--no-suppression']);
    expect(p.rows.map((r) => r.path.join('|') || 'Totaal')).toEqual(['specialistisch', 'verblijf', 'crisis', 'Totaal']); // 6, 3, 1
    const key = await pivot(['--rows', 'segment', '--sort', 'key', '--no-suppression']);
    expect(key.rows.map((r) => r.path.join('|') || 'Totaal')).toEqual(['verblijf', 'crisis', 'specialistisch', 'Totaal']);
  });

  it('--per-1000 without a population table leaves the figures empty and says why', async () => {
    const p = await pivot(['--rows', 'municipality', '--per-1000', '--no-suppression']);
    expect(p.query.per1000).toBe(true);
    expect(p.notes.length).toBeGreaterThan(0);
    expect(p.cells.flat().map((c) => c.values[0])).toEqual([null, null, null]);
    const table = await spiegel(['pivot', ...common, '--rows', 'municipality', '--per-1000', '--no-suppression']);
    expect(table.stdout.split('\n')[1]).toBe(p.notes[0]!.nl);
    expect(table.stdout).toMatch(/Cliënten per 1\.000 jeugdigen/);
  });

  it('refuses a bad --show-as, --compare or --sort in one line', async () => {
    for (const bad of [['--show-as', 'total'], ['--compare', 'last'], ['--sort', 'bsn:desc']]) {
      const r = await spiegel(['pivot', ...common, '--rows', 'year', ...bad]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(bad[0]!.slice(2));
    }
  });

  it('spiegel views lists the saved views', async () => {
    const empty = await spiegel(['views', ...common]);
    expect(empty.stdout).toBe('geen opgeslagen weergaven\n');
    const db = new Database(common[1]!);
    db.prepare("INSERT INTO saved_view (name, query_json, chart, updated_at) VALUES ('Ede per jaar', ?, 'bar', '2025-04-01T09:00:00.000Z')")
      .run(JSON.stringify({ rows: ['municipality'], cols: ['year'], measures: ['clients'] }));
    db.close();
    const list = await spiegel(['views', ...common]);
    expect(list.stdout).toMatch(/^\d+\tEde per jaar\trijen municipality; kolommen year; clients\topgeslagen 01-04-2025\n$/);
  });
});
