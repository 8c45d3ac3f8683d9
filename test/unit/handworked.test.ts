// The hand-worked region (test/fixtures/handworked.md) through the real CLI: import, then pivots.
// Every expected figure below was worked out by hand in that file, not taken from Spiegel's output.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** The grid as {rowLabelKey: {colKey: clients}} plus totals, for compact comparison. */
function grid(p: PivotResult): Record<string, Record<string, number | string | null>> {
  const out: Record<string, Record<string, number | string | null>> = {};
  const show = (c: PivotResult['grandTotal']) => (c.flag === 'suppressed' ? '<5' : c.flag === 'secondary' ? 'x' : c.clients);
  p.rowKeys.forEach((r, i) => {
    const row: Record<string, number | string | null> = {};
    p.colKeys.forEach((c, j) => (row[c.join('|') || 'clients'] = show(p.cells[i]![j]!)));
    row.Totaal = show(p.rowTotals[i]!);
    out[r.join('|')] = row;
  });
  const total: Record<string, number | string | null> = {};
  p.colKeys.forEach((c, j) => (total[c.join('|') || 'clients'] = show(p.colTotals[j]!)));
  total.Totaal = show(p.grandTotal);
  out.Totaal = total;
  return out;
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

  it('two row dimensions and no column dimension', async () => {
    const p = await pivot(['--rows', 'municipality,segment', '--no-suppression']);
    expect(grid(p)).toEqual({
      '0228|verblijf': { clients: 2, Totaal: 2 },
      '0228|specialistisch': { clients: 6, Totaal: 6 },
      '0345|verblijf': { clients: 1, Totaal: 1 },
      '0345|crisis': { clients: 1, Totaal: 1 },
      '0345|specialistisch': { clients: 1, Totaal: 1 },
      Totaal: { clients: 9, Totaal: 9 },
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
    expect(lines[0]).toMatch(/kleine aantallen \(1-4\) onderdrukt/);
    expect(lines[1]).toBe('Gemeente;2023;2024;2025;Totaal');
    expect(lines[2]).toBe('Ede (0228);<5;x;<5;x');
    expect(lines[4]).toBe('Totaal;<5;7;x;9');
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
    const r = await spiegel(['pivot', ...common, '--rows', 'school']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/school/);
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
