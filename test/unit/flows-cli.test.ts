// `spiegel flows` through the real bin (CSV suppressed by default, JSON, errors) and export/flows.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeRegion } from '../../data/generate/index.js';
import { createService } from '../../data/service.js';
import type { FlowsResult } from '../../core/contract/methods.js';
import { spiegel } from './cli-helpers.js';

let dir: string;
const args = () => ['--db', join(dir, 'spiegel.db'), '--home', join(dir, 'home')];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-flows-cli-'));
  await writeRegion(join(dir, 'region'), { seed: 11, scale: 0.005 });
  const s = createService({ dbFile: join(dir, 'spiegel.db'), home: join(dir, 'home') });
  await s['import/files']({ paths: [join(dir, 'region')] });
  s.close();
}, 300_000);

const FIGURES = 2; // columns before the figures: period, group

describe('spiegel flows', () => {
  it('writes Dutch-Excel CSV, suppressed: every shown figure is 0 or at least 5, small ones read <5 or x', async () => {
    const r = await spiegel(['flows', ...args(), '--grain', 'year', '--by', 'segment']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFFSpiegel — peildatum ')).toBe(true);
    const lines = r.stdout.slice(1).trimEnd().split('\r\n').map((l) => l.split(';'));
    expect(lines[0]![0]).toContain('kleine aantallen (1-4) onderdrukt');
    const header = lines.find((l) => l[0] === 'Periode')!;
    expect(header.slice(0, 4)).toEqual(['Periode', 'Groep', 'Beginstand', 'Instroom nieuw']);
    expect(header).toContain('Uitstroom Doorstroom naar andere zorg');
    const body = lines.slice(lines.indexOf(header) + 1);
    expect(body.length).toBeGreaterThan(10);
    const figures = body.flatMap((l) => l.slice(FIGURES));
    expect(figures.some((f) => f === '<5')).toBe(true);
    for (const f of figures) expect(f === '<5' || f === 'x' || f === '0' || Number(f) >= 5).toBe(true);
  }, 120_000);

  it('writes JSON without suppression on request, saying so, with the identity intact', async () => {
    const r = await spiegel(['flows', ...args(), '--grain', 'quarter', '--by', 'municipality', '--segment', 'specialistisch', '--format', 'json', '--no-suppression']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as FlowsResult & { title: string };
    expect(out.title).toContain('ZONDER onderdrukking');
    expect(out.query).toMatchObject({ grain: 'quarter', by: 'municipality', segment: 'specialistisch', suppress: false });
    expect(out.groups.length).toBeGreaterThan(1);
    out.cells.forEach((row) =>
      row.forEach((c) => expect(c.eindstand.value).toBe(c.beginstand.value! + c.instroom.total.value! - c.uitstroom.total.value!)),
    );
  }, 120_000);

  it('refuses a bad grain or period key with one clear line', async () => {
    const a = await spiegel(['flows', ...args(), '--grain', 'week']);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe("spiegel: --grain must be month, quarter, year; got 'week'\n");
    const b = await spiegel(['flows', ...args(), '--grain', 'year', '--from', '2020-Q1']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('period keys of the grain');
  }, 60_000);
});

describe('export/flows', () => {
  it('is always suppressed, as CSV and as XLSX', async () => {
    const s = createService({ dbFile: join(dir, 'spiegel.db'), home: join(dir, 'home') });
    try {
      const csv = await s['export/flows']({ query: { grain: 'year', by: 'gender', suppress: false }, format: 'csv' });
      expect(csv.fileName).toMatch(/^spiegel-flows-year-gender-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = new TextDecoder().decode(csv.bytes);
      expect(text).toContain('kleine aantallen (1-4) onderdrukt');
      expect(text).not.toContain('ZONDER');
      const xlsx = await s['export/flows']({ query: { grain: 'month', by: 'region' }, format: 'xlsx', lang: 'en' });
      expect(String.fromCharCode(xlsx.bytes[0]!, xlsx.bytes[1]!)).toBe('PK');
    } finally {
      s.close();
    }
  }, 120_000);
});
