// `spiegel indicators` through the real bin: CSV for Dutch Excel and JSON, suppressed by default (a value behind
// 1–4 children reads "<5"), exact with --no-suppression (and the title says so).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeRegion } from '../../data/generate/index.js';
import { createService } from '../../data/service.js';
import { addMonths } from '../../core/steering/months.js';
import { spiegel } from './cli-helpers.js';

let dir: string;
const args = () => ['--db', join(dir, 'spiegel.db'), '--home', join(dir, 'home')];
let peilMonth: string;
let total: number; // children in care in the peildatum month (query/pivot)
let small: { municipality: string; segment: string; clients: number };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-indicators-cli-'));
  await writeRegion(join(dir, 'region'), { seed: 12, scale: 0.005 });
  const s = createService({ dbFile: join(dir, 'spiegel.db'), home: join(dir, 'home') });
  await s['import/files']({ paths: [join(dir, 'region')] });
  peilMonth = (await s['meta/dimensions']({})).peildatum!.slice(0, 7);
  const month: ['month', '==', string] = ['month', '==', peilMonth];
  const all = await s['query/pivot']({ rows: ['month'], filters: [month], suppress: false });
  total = all.cells[all.rows.findIndex((r) => r.path[0] === peilMonth)]![0]!.values[0]!;
  // A municipality × segment with 1–4 children in the peildatum month.
  const grid = await s['query/pivot']({ rows: ['municipality', 'segment'], filters: [month], suppress: false });
  const i = grid.rows.findIndex((r, k) => r.path.length === 2 && (grid.cells[k]![0]!.clients ?? 0) >= 1 && grid.cells[k]![0]!.clients! <= 4);
  small = { municipality: grid.rows[i]!.path[0]!, segment: grid.rows[i]!.path[1]!, clients: grid.cells[i]![0]!.values[0]! };
  const baseline = { period: addMonths(peilMonth, -12), value: 1_000_000 };
  const target = { date: `${Number(peilMonth.slice(0, 4)) + 1}-12-31` };
  // Far below a falling line from 1,000,000: on track; far below a rising line from 1,000,000: off track.
  await s['indicators/save']({ name: 'Alle cliënten', project: 'A', source: { kind: 'pivot', measure: 'clients', filters: [] }, baseline, target: { ...target, value: 999_000 }, direction: 'down' });
  await s['indicators/save']({ name: 'Groei', project: 'B', source: { kind: 'pivot', measure: 'clients', filters: [] }, baseline, target: { ...target, value: 2_000_000 }, direction: 'up' });
  await s['indicators/save']({
    name: 'Klein', project: 'C', direction: 'down', baseline: { period: addMonths(peilMonth, -12), value: 4 }, target: { ...target, value: 2 },
    source: { kind: 'pivot', measure: 'clients', filters: [['municipality', '==', small.municipality], ['segment', '==', small.segment]] },
  });
  s.close();
}, 300_000);

const rows = (stdout: string) => stdout.slice(1).trimEnd().split('\r\n').map((l) => l.split(';'));

describe('spiegel indicators', () => {
  it('writes CSV: latest value, target, status and rule per indicator; a small value reads <5', async () => {
    const r = await spiegel(['indicators', ...args()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = rows(r.stdout);
    expect(lines[0]![0]).toMatch(/^Spiegel — peildatum .* — Indicatoren — kleine aantallen \(1-4\) onderdrukt$/);
    expect(lines[1]!.slice(0, 6)).toEqual(['Project', 'Indicator', 'Waarde', 'Eenheid', 'Laatste maand', 'Laatste waarde']);
    const byName = new Map(lines.slice(2).map((l) => [l[1]!, l]));
    expect(byName.get('Alle cliënten')!.slice(3, 6)).toEqual(['aantal', peilMonth, String(total)]);
    expect(byName.get('Alle cliënten')![14]).toBe('op koers');
    expect(byName.get('Alle cliënten')![15]).toContain('Op koers: gemiddeld over de laatste 3 maanden');
    expect(byName.get('Groei')![14]).toBe('niet op koers');
    expect(byName.get('Klein')![5]).toBe('<5');
    expect(byName.get('Klein')![12]).toBe('2'); // the target value
  }, 120_000);

  it('writes JSON with --no-suppression: exact values, and the title says suppression is off', async () => {
    const r = await spiegel(['indicators', ...args(), '--format', 'json', '--no-suppression']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { title: string; suppression: { applied: boolean }; indicators: { name: string; latest: { value: number; flag: string }; status: { status: string } }[] };
    expect(j.title).toContain('ZONDER onderdrukking');
    expect(j.suppression.applied).toBe(false);
    const klein = j.indicators.find((i) => i.name === 'Klein')!;
    expect(klein.latest).toMatchObject({ value: small.clients, flag: 'small' });
    expect(j.indicators.find((i) => i.name === 'Groei')!.status.status).toBe('offTrack');
  }, 120_000);

  it('suppresses JSON by default and refuses an unknown format', async () => {
    const r = await spiegel(['indicators', ...args(), '--format', 'json']);
    const j = JSON.parse(r.stdout) as { indicators: { name: string; latest: { value: number | null; flag: string } }[] };
    expect(j.indicators.find((i) => i.name === 'Klein')!.latest).toMatchObject({ value: null, flag: 'suppressed' });
    const bad = await spiegel(['indicators', ...args(), '--format', 'xml']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--format must be csv or json');
  }, 120_000);
});
