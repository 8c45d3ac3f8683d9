// The target line and every branch of the status rule (docs/STEERING.md), on hand-built series. Each expected
// status is worked out by hand from the line: baseline 100 in 2024-01, target 50 on 2024-11-15 → the line falls
// 5 a month (2024-04: 85, 2024-05: 80, 2024-06: 75), band = 10 % × |50 − 100| = 5.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE, type Indicator } from '../../core/contract/steering.js';
import { buildSeries, programmePointOf, type RawValue } from '../../core/steering/series.js';
import { statusOf, type StatusInput, type StatusPoint } from '../../core/steering/status.js';
import { targetOn } from '../../core/steering/target.js';
import { sourceLabel } from '../../core/steering/labels.js';

const down: StatusInput = { baseline: { period: '2024-01', value: 100 }, target: { date: '2024-11-15', value: 50 }, direction: 'down', rule: DEFAULT_RULE };
const up: StatusInput = { baseline: { period: '2024-01', value: 20 }, target: { date: '2024-11-01', value: 40 }, direction: 'up', rule: DEFAULT_RULE };

/** Points for 2024-02 … 2024-06 with these values (the first two months on the line), target from the goal. */
function points(goal: StatusInput, last3: [number, number, number], voorlopig: string[] = []): StatusPoint[] {
  const months = ['2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
  return months.map((month, i) => ({
    month, target: targetOn(goal, month), voorlopig: voorlopig.includes(month),
    value: i < 2 ? targetOn(goal, month) : last3[i - 2]!,
  }));
}

describe('the target line', () => {
  it('is straight by month from baseline to target, flat after, absent before', () => {
    expect(targetOn(down, '2023-12')).toBeNull();
    expect(targetOn(down, '2024-01')).toBe(100);
    expect(targetOn(down, '2024-02')).toBe(95);
    expect(targetOn(down, '2024-06')).toBe(75);
    expect(targetOn(down, '2024-11')).toBe(50);
    expect(targetOn(down, '2025-06')).toBe(50);
    expect(targetOn(up, '2024-06')).toBe(30);
  });
});

describe('status rule, direction down (lower is better)', () => {
  it('on track: the last three months exactly on the line (gap 0)', () => {
    const s = statusOf(down, points(down, [85, 80, 75]), '2024-06');
    expect(s).toMatchObject({ status: 'onTrack', months: ['2024-04', '2024-05', '2024-06'], gap: 0, band: 5 });
  });
  it('on track: one month above the line, the mean still below it', () => {
    expect(statusOf(down, points(down, [95, 70, 65]), '2024-06')).toMatchObject({ status: 'onTrack', gap: -3.333333 });
  });
  it('at risk: gaps 3, 4 and 8 → mean 5, exactly the band', () => {
    expect(statusOf(down, points(down, [88, 84, 83]), '2024-06')).toMatchObject({ status: 'atRisk', gap: 5 });
  });
  it('off track: gaps 3, 5 and 8 → mean 5,33 > 5', () => {
    expect(statusOf(down, points(down, [88, 85, 83]), '2024-06')).toMatchObject({ status: 'offTrack', gap: 5.333333 });
  });
  it('unknown: no month after the baseline month up to the peildatum', () => {
    expect(statusOf(down, points(down, [85, 80, 75]), '2024-01')).toMatchObject({ status: 'unknown', gap: null, months: [] });
  });
  it('leaves voorlopig months out unless the rule includes them', () => {
    const p = points(down, [85, 120, 120], ['2024-05', '2024-06']);
    expect(statusOf(down, p, '2024-06')).toMatchObject({ status: 'onTrack', months: ['2024-02', '2024-03', '2024-04'] });
    const incl = { ...down, rule: { ...DEFAULT_RULE, includeVoorlopig: true } };
    expect(statusOf(incl, p, '2024-06')).toMatchObject({ status: 'offTrack', months: ['2024-04', '2024-05', '2024-06'], gap: 28.333333 }); // (0 + 40 + 45) / 3, rounded to 6 decimals
  });
  it('a window of 1 judges the last month alone', () => {
    const one = { ...down, rule: { ...DEFAULT_RULE, window: 1 } };
    expect(statusOf(one, points(down, [120, 120, 70]), '2024-06')).toMatchObject({ status: 'onTrack', months: ['2024-06'], gap: -5 });
  });
  it('a target equal to its baseline has band 0: any shortfall is off track', () => {
    const hold = { ...down, target: { date: '2024-11-15', value: 100 } };
    expect(statusOf(hold, points(hold, [100, 100, 100.3]), '2024-06')).toMatchObject({ status: 'offTrack', band: 0, gap: 0.1 });
    expect(statusOf(hold, points(hold, [100, 100, 100]), '2024-06')).toMatchObject({ status: 'onTrack' });
  });
  it('writes the rule with its parameters', () => {
    const s = statusOf(down, points(down, [85, 80, 75]), '2024-06');
    expect(s.rule.nl).toContain('de laatste 3 maanden');
    expect(s.rule.nl).toContain('hooguit 10 % van de beoogde verandering ernaast (5)');
    expect(s.rule.nl).toContain('voorlopige maanden niet meegeteld');
    expect(s.rule.en).toContain('below the target line');
  });
});

describe('status rule, direction up (higher is better)', () => {
  // Line 20 → 40 over 10 months: 2024-04 26, 2024-05 28, 2024-06 30; band 10 % × 20 = 2.
  it('on track: above the line', () => {
    expect(statusOf(up, points(up, [30, 30, 30]), '2024-06')).toMatchObject({ status: 'onTrack', gap: -2 });
  });
  it('at risk: 1 below the line each month (within 2)', () => {
    expect(statusOf(up, points(up, [25, 27, 29]), '2024-06')).toMatchObject({ status: 'atRisk', gap: 1, band: 2 });
  });
  it('off track: 3 below the line', () => {
    expect(statusOf(up, points(up, [23, 25, 27]), '2024-06')).toMatchObject({ status: 'offTrack', gap: 3 });
  });
});

describe('a series: frozen values, voorlopig marks, suppression', () => {
  const indicator: Indicator = {
    id: 1, name: 'Minder verblijf', project: 'Verblijf', source: { kind: 'pivot', measure: 'clients', filters: [['segment', '==', 'verblijf']] },
    viewId: null, unit: 'count', ...down, rule: DEFAULT_RULE, updatedAt: '2024-07-01T00:00:00.000Z',
  };
  const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07'];
  const live = new Map<string, RawValue>(months.slice(0, 6).map((m, i) => [m, { value: [100, 95, 3, 85, 80, 75][i]!, clients: [100, 95, 3, 85, 80, 75][i]! }]));
  const base = {
    indicator, label: { nl: 'x', en: 'x' }, months, live, closed: new Set(['2024-05']),
    frozen: new Map<string, RawValue>([['2024-05', { value: 77, clients: 77 }]]), voorlopig: new Set(['2024-04', '2024-05', '2024-06']),
    peildatumMonth: '2024-06', threshold: 5,
  };
  it('takes closed months from the frozen figures and marks voorlopig months until closed', () => {
    const s = buildSeries({ ...base, suppress: true });
    const may = s.points.find((p) => p.month === '2024-05')!;
    expect(may).toMatchObject({ value: 77, frozen: true, closed: true, voorlopig: false, target: 80 });
    expect(s.points.find((p) => p.month === '2024-06')).toMatchObject({ value: 75, voorlopig: true, closed: false, frozen: false });
    expect(s.points.find((p) => p.month === '2024-07')).toMatchObject({ value: null, target: 70, voorlopig: false });
    expect(s.latest?.month).toBe('2024-06');
  });
  it('hides a value behind 1–4 children when suppressing, shows it marked otherwise', () => {
    expect(buildSeries({ ...base, suppress: true }).points[2]).toMatchObject({ month: '2024-03', value: null, clients: null, flag: 'suppressed' });
    expect(buildSeries({ ...base, suppress: false }).points[2]).toMatchObject({ value: 3, clients: 3, flag: 'small' });
  });
  it('works the status out on exact values: 2024-02 (95 vs 95), 2024-03 (3 vs 90), closed 2024-05 (77 vs 80): gap (0 − 87 − 3) / 3 = −30', () => {
    expect(buildSeries({ ...base, suppress: false }).status).toMatchObject({ status: 'onTrack', months: ['2024-02', '2024-03', '2024-05'], gap: -30 });
    // Suppressed, the verdict stays but the gap goes: with the target line (90) it would give 2024-03's 3 back.
    expect(buildSeries({ ...base, suppress: true }).status).toMatchObject({ status: 'onTrack', months: ['2024-02', '2024-03', '2024-05'], gap: null });
  });
  it('leaves the band out of the rule when the baseline month is hidden: band and target would give the baseline back', () => {
    // Baseline 2024-01 at 4 children (hidden when suppressing), target 2: band 10 % × |2 − 4| = 0,2.
    const small = { ...base, indicator: { ...indicator, baseline: { period: '2024-01', value: 4 }, target: { date: '2024-12-31', value: 2 } }, live: new Map<string, RawValue>([['2024-01', { value: 4, clients: 4 }]]) };
    expect(buildSeries({ ...small, suppress: false }).status.rule.nl).toContain('ernaast (0,2).');
    expect(buildSeries({ ...small, suppress: true }).status.rule.nl).toContain('ernaast.');
    expect(buildSeries({ ...small, suppress: true }).status.rule.nl).not.toContain('0,2');
  });
});

describe('what an indicator shows, in words', () => {
  it('names the measure and its filters, or the flow figure, or the FoodValley measure with its parameter', () => {
    expect(sourceLabel({ kind: 'pivot', measure: 'clients', filters: [['segment', '==', 'verblijf'], ['municipality', 'in', ['0228', '0345']]] })).toEqual({
      nl: 'Cliënten (Hulpvorm = Verblijf, Gemeente: 0228 / 0345)', en: 'Clients (Care segment = Residential, Municipality: 0228 / 0345)',
    });
    expect(sourceLabel({ kind: 'flow', figure: 'uitstroom', segment: 'verblijf' }).nl).toBe('Uitstroom (Verblijf)');
    expect(sourceLabel({ kind: 'measure', id: 'crisisToVerblijf', days: 28 }).nl).toBe('Crisis gevolgd door verblijf (28 dagen)');
    expect(sourceLabel({ kind: 'measure', id: 'outOfResidential', since: '2025-01-01' }).nl).toBe('Kinderen uit verblijf (cumulatief) (sinds 01-01-2025)');
  });
});

describe('suppression of a programme share (measures/programme)', () => {
  const share = (num: number, den: number) => ({ value: Math.round((1000 * num) / den) / 10, numerator: num, denominator: den, clients: den, open: false });
  it('shows 10 of 40 (25 %)', () => {
    expect(programmePointOf('2024-03', share(10, 40), false, 5, true)).toMatchObject({ value: 25, numerator: 10, denominator: 40, flag: 'ok' });
  });
  it('blanks 3 of 40 whole: the numerator is 1–4 children', () => {
    expect(programmePointOf('2024-03', share(3, 40), false, 5, true)).toEqual({ month: '2024-03', value: null, numerator: null, denominator: null, clients: null, flag: 'suppressed', voorlopig: false });
  });
  it('blanks 0 of 3: the denominator is 1–4 children; shows 0 of 40 (zeros are never suppressed)', () => {
    expect(programmePointOf('2024-03', share(0, 3), false, 5, true)).toMatchObject({ value: null, flag: 'suppressed' });
    expect(programmePointOf('2024-03', share(0, 40), false, 5, true)).toMatchObject({ value: 0, flag: 'ok' });
  });
  it('marks 3 of 40 small, exact, when suppression is off; an open measure is voorlopig', () => {
    expect(programmePointOf('2024-03', { ...share(3, 40), open: true }, false, 5, false)).toMatchObject({ value: 7.5, numerator: 3, flag: 'small', voorlopig: true });
  });
});
