// Indicators on a generated region: their monthly series equal the generator's ground truth
// (data/generate/truth/*, no code shared with core/), a baseline left out is the truth's value, and the
// demo-style goals save. Month close: a closed month keeps its frozen value after a later import changes it.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truthPivot, writeRegion, type Truth } from '../../data/generate/index.js';
import { truthFlows } from '../../data/generate/truth/flows.js';
import { createService, type Service } from '../../data/service.js';
import type { IndicatorSeries, PivotResult } from '../../core/contract/methods.js';
import { saveDemoGoals } from '../../data/steering/demo-goals.js';

let dir: string;
let truth: Truth;
let all: Service; // the whole region
let part: Service; // only the messages dated up to June 2024, then the rest
const target = { date: '2025-12-31', value: 0 };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-steering-'));
  await writeRegion(join(dir, 'region'), { seed: 9090, scale: 0.02, start: '2021-01-01', end: '2024-12-31' });
  truth = JSON.parse(readFileSync(join(dir, 'region', 'truth.json'), 'utf8')) as Truth;
  all = createService({ dbFile: join(dir, 'all.db'), home: join(dir, 'home') });
  const report = await all['import/files']({ paths: [join(dir, 'region')] });
  expect(report.files.filter((f) => f.status === 'rejected')).toEqual([]);
  part = createService({ dbFile: join(dir, 'part.db'), home: join(dir, 'home') });
}, 600_000);

afterAll(() => {
  all?.close();
  part?.close();
});

const byMonth = (s: IndicatorSeries) => new Map(s.points.filter((p) => p.month <= truth.peildatum.slice(0, 7)).map((p) => [p.month, p.value]));

describe('indicator series against the generator truth', () => {
  it('clients in verblijf per month (a pivot source) equal the truth, and a left-out baseline is the truth value', async () => {
    const saved = await all['indicators/save']({
      name: 'Verblijf', project: 'Thuis opgroeien', source: { kind: 'pivot', measure: 'clients', filters: [['segment', '==', 'verblijf']] },
      baseline: { period: '2023-01' }, target, direction: 'down',
    });
    const t = truthPivot(truth, { rows: ['month'], cols: [], measures: ['clients'], filters: [['segment', '==', 'verblijf']] });
    const expected = new Map(t.rowKeys.map((k, i) => [k[0]!, t.cells[i]![0]![0]!]));
    expect(saved.baseline.value).toBe(expected.get('2023-01'));
    const r = await all['indicators/series']({ ids: [saved.id], from: '2021-01', suppress: false });
    const ours = byMonth(r.series[0]!);
    expect(ours.size).toBeGreaterThan(40);
    for (const [m, v] of ours) expect([m, v]).toEqual([m, expected.get(m) ?? 0]);
    expect(r.series[0]!.points.at(-1)!.month).toBe('2025-12'); // the series runs on to the target month
  });

  it('uitstroom from verblijf per month (a flow source) equals the truth', async () => {
    const saved = await all['indicators/save']({
      name: 'Uitstroom verblijf', project: 'Thuis opgroeien', source: { kind: 'flow', figure: 'uitstroom', segment: 'verblijf' },
      baseline: { period: '2023-01', value: 10 }, target, direction: 'up',
    });
    const t = truthFlows(truth, { grain: 'month', by: 'region', segment: 'verblijf' });
    const r = await all['indicators/series']({ ids: [saved.id], from: '2021-01', suppress: false });
    const ours = byMonth(r.series[0]!);
    expect(ours.size).toBeGreaterThan(40);
    for (const [m, v] of ours) expect([m, v]).toEqual([m, t.cells.get(`${m}|all`)?.uitstroom ?? 0]);
  });

  it('average monthly clients in crisis (a FoodValley measure) equal the truth per month', async () => {
    const saved = await all['indicators/save']({
      name: 'Crisis per maand', project: 'Crisis', source: { kind: 'measure', id: 'avgMonthlyClients', segment: 'crisis' },
      baseline: { period: '2023-01', value: 10 }, target, direction: 'down',
    });
    const t = truthPivot(truth, { rows: ['month'], cols: [], measures: ['clients'], filters: [['segment', '==', 'crisis']] });
    const expected = new Map(t.rowKeys.map((k, i) => [k[0]!, t.cells[i]![0]![0]!]));
    const r = await all['indicators/series']({ ids: [saved.id], from: '2021-01', suppress: false });
    for (const [m, v] of byMonth(r.series[0]!)) expect([m, v]).toEqual([m, expected.get(m) ?? 0]);
    // measures/programme's mean over 2023 is the mean of the truth's twelve months.
    const p = await all['measures/programme']({ from: '2023-01', to: '2023-12', suppress: false });
    const months = [...Array(12).keys()].map((i) => `2023-${String(i + 1).padStart(2, '0')}`);
    const mean = Math.round((months.reduce((s, m) => s + (expected.get(m) ?? 0), 0) / 12) * 10) / 10;
    expect(p.measures.find((x) => x.key === 'avgMonthlyClients:crisis')!.total.value).toBe(mean);
  });

  it('turns a saved pivot view into an indicator: its first measure and filters, by month', async () => {
    const view = await all['views/save']({ name: 'Crisis per gemeente', query: { rows: ['municipality'], measures: ['clients', 'claimed'], filters: [['segment', '==', 'crisis']] } });
    const saved = await all['indicators/save']({ name: 'Uit de view', project: 'Crisis', viewId: view.id, baseline: { period: '2023-01' }, target, direction: 'down' });
    expect(saved).toMatchObject({ viewId: view.id, unit: 'count', source: { kind: 'pivot', measure: 'clients', filters: [['segment', '==', 'crisis']] } });
    const t = truthPivot(truth, { rows: ['month'], cols: [], measures: ['clients'], filters: [['segment', '==', 'crisis']] });
    const expected = new Map(t.rowKeys.map((k, i) => [k[0]!, t.cells[i]![0]![0]!]));
    expect(saved.baseline.value).toBe(expected.get('2023-01'));
    const r = await all['indicators/series']({ ids: [saved.id], from: '2021-01', suppress: false });
    for (const [m, v] of byMonth(r.series[0]!)) expect([m, v]).toEqual([m, expected.get(m) ?? 0]);
    await expect(all['indicators/save']({ name: 'Geen view', project: 'x', viewId: 99_999, baseline: { period: '2023-01' }, target, direction: 'down' })).rejects.toThrow(/no saved view/);
    expect(await all['indicators/delete']({ id: saved.id })).toEqual({ deleted: true });
    expect((await all['indicators/list']({})).some((i) => i.id === saved.id)).toBe(false);
  });

  it('saves the demo goals through indicators/save', async () => {
    const meta = await all['meta/dimensions']({});
    const n = await saveDemoGoals(all, meta.peildatum);
    const list = await all['indicators/list']({});
    expect(n).toBeGreaterThanOrEqual(4);
    expect(list.map((i) => i.name)).toEqual(expect.arrayContaining(['Minder kinderen in verblijf', 'Meer kinderen uit verblijf', 'Crisisplaatsingen gevolgd door verblijf van 50 % naar 25 %', 'Groepsgerichte zorg halveren']));
    const r = await all['indicators/series']({});
    for (const s of r.series) expect(['onTrack', 'atRisk', 'offTrack', 'unknown']).toContain(s.status.status);
  });
});

describe('month close', () => {
  const pivotClaimed = (r: PivotResult, month: string) => r.cells[r.rows.findIndex((row) => row.path[0] === month)]![0]!.values[0];

  it('freezes a month: a later import changes the month, the closed month keeps the figure given out', async () => {
    const months = readdirSync(join(dir, 'region')).filter((d) => /^\d{4}-\d{2}$/.test(d)).sort();
    const early = months.filter((m) => m <= '2024-06');
    const first = await part['import/files']({ paths: early.map((m) => join(dir, 'region', m)) });
    const meta = await part['meta/dimensions']({});
    expect(meta.peildatum).toBe('2024-06-30');
    const claimed = await part['indicators/save']({
      name: 'Gedeclareerd', project: 'Financiën', source: { kind: 'pivot', measure: 'claimed', filters: [] },
      baseline: { period: '2024-01' }, target: { date: '2024-12-31', value: 0 }, direction: 'down',
    });
    const query = { rows: ['month' as const], measures: ['claimed' as const], filters: [['month', '==', '2024-05'] as ['month', '==', string]], suppress: false };
    const before = pivotClaimed(await part['query/pivot'](query), '2024-05')!;
    expect(before).toBeGreaterThan(0);

    const listed = await part['months/list']({});
    expect(listed.months.filter((m) => m.month >= '2024-03').map((m) => [m.month, m.state])).toEqual([
      ['2024-03', 'definitief'], ['2024-04', 'voorlopig'], ['2024-05', 'voorlopig'], ['2024-06', 'voorlopig'],
    ]);
    const closed = await part['months/close']({ month: '2024-05' });
    expect(closed).toMatchObject({ month: '2024-05', state: 'gesloten', batchIds: [first.batchId], peildatum: '2024-06-30', values: 1 });
    await expect(part['months/close']({ month: '2024-07' })).rejects.toThrow(/after the peildatum/);

    const second = await part['import/files']({ paths: months.filter((m) => m > '2024-06').map((m) => join(dir, 'region', m)) });
    expect(second.batchId).not.toBe(first.batchId);
    const after = pivotClaimed(await part['query/pivot'](query), '2024-05')!;
    expect(after).not.toBe(before); // declarations for May arrived later

    const series = await part['indicators/series']({ ids: [claimed.id] });
    const may = series.series[0]!.points.find((p) => p.month === '2024-05')!;
    expect(may).toMatchObject({ value: before, frozen: true, closed: true, voorlopig: false });
    expect(series.series[0]!.points.find((p) => p.month === '2024-04')).toMatchObject({ frozen: false, closed: false });
    expect((await part['months/list']({})).months.find((m) => m.month === '2024-05')).toMatchObject({ state: 'gesloten', batchIds: [first.batchId] });

    expect(await part['months/reopen']({ month: '2024-05' })).toEqual({ reopened: true });
    const reopened = await part['indicators/series']({ ids: [claimed.id] });
    expect(reopened.series[0]!.points.find((p) => p.month === '2024-05')).toMatchObject({ value: after, frozen: false, closed: false });
  });
});
