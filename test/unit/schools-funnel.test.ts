// Funnel limits and school rates on hand-built cases (core/compare-schools). Every expected figure is worked out
// by hand in the comments, not taken from the code under test.
import { describe, expect, it } from 'vitest';
import { funnelLimits, funnelPosition } from '../../core/compare-schools/funnel.js';
import { compareSchools, type Enrolment, type SchoolMeta } from '../../core/compare-schools/schools.js';
import { careTable, type CareRow } from '../../core/flows/input.js';
import { toDay } from '../../core/domain/dates.js';
import type { Segment } from '../../core/domain/segments.js';

describe('funnel limits (exact binomial, Spiegelhalter interpolation)', () => {
  it("pins the issue's case: regional rate 10 %, 6 of 40 is inside the band, 80 of 400 is outside", () => {
    expect(funnelPosition(6 / 40, funnelLimits(0.1, 40))).toBe('inside');
    expect(funnelPosition(80 / 400, funnelLimits(0.1, 400))).toBe('above998');
  });

  it('n = 2, p0 = ½: pmf ¼ ½ ¼; upper 95 % = (2 − (1 − 0,975)/¼)/2 = 0,95, upper 99,8 % = (2 − 0,001/¼)/2 = 0,998', () => {
    const l = funnelLimits(0.5, 2);
    expect(l.upper95).toBeCloseTo(0.95, 12);
    expect(l.upper998).toBeCloseTo(0.998, 12);
    // lower: r = 0 (CDF ¼ ≥ 0,025), α = (¼ − 0,025)/¼ = 0,9 → (0 − 0,9)/2 < 0 → 0
    expect([l.lower95, l.lower998]).toEqual([0, 0]);
  });

  it('n = 4, p0 = ½: pmf 1 4 6 4 1 /16; upper 95 % = (4 − 0,025/0,0625)/4 = 0,9; lower 95 % at q = 0,025: r = 0 → 0', () => {
    const l = funnelLimits(0.5, 4);
    expect(l.upper95).toBeCloseTo(0.9, 12);
    expect(l.upper998).toBeCloseTo((4 - 0.001 / 0.0625) / 4, 12); // 0,996
    expect(l.lower95).toBe(0);
    expect(funnelPosition(1, l)).toBe('above998'); // 4 of 4 > 0,996
    expect(funnelPosition(0.75, l)).toBe('inside');
  });
});

// School year 2024-2025: 1 August 2024 – 31 July 2025.
const A = toDay('2024-08-01');
const B = toDay('2025-07-31');
let nr = 1;
const row = (client: number, start: string, end: string | null, segment: Segment, category = '45'): CareRow => ({
  client, start: toDay(start), end: end === null ? null : toDay(end), municipality: '0228', segment, provider: '1', category, endReason: 'lopend', toewijzingNr: nr++, trajectory: 1,
});
const rows: CareRow[] = [
  // School A: clients 0–5 in care during the year; 0 and 1 also in verblijf.
  ...[0, 1, 2, 3, 4, 5].map((c) => row(c, '2024-01-01', null, 'specialistisch')),
  row(0, '2025-03-01', '2025-04-01', 'verblijf', '43'), row(1, '2024-07-01', '2024-08-01', 'verblijf', '43'),
  // School B: clients 10 and 11.
  row(10, '2025-07-31', null, 'generalistisch'), row(11, '2023-01-01', '2024-08-01', 'generalistisch'),
  // School C: 20–24 in care; 25 ended the day before the year, 26 starts the day after it.
  ...[20, 21, 22, 23, 24].map((c) => row(c, '2024-09-01', '2024-10-01', 'specialistisch')),
  row(25, '2023-01-01', '2024-07-31', 'specialistisch'), row(26, '2025-08-01', null, 'specialistisch'),
];
const table = careTable(rows, Array.from({ length: 27 }, (_, i) => ({ pseudonym: `p${i}`, birth: 0, gender: '0' })), toDay('2025-12-31'));
const enrol = (school: string, client: number | null, next: string[] | null = []): Enrolment => ({ school, client, nextSchools: next });
const enrolments: Enrolment[] = [
  ...Array.from({ length: 10 }, (_, i) => enrol('AAAA00', i, i === 9 ? ['DDDD00'] : ['AAAA00'])), // 6 in care; pupil 9 moves to SBO
  ...[10, 11, 12, 13, 14].map((c) => enrol('BBBB00', c)), // 2 in care
  ...Array.from({ length: 20 }, (_, i) => enrol('CCCC00', i < 7 ? 20 + i : null)), // 5 in care (25, 26 not)
  ...[null, null, null].map((c) => enrol('DDDD00', c)), // SBO, 0 in care
];
const meta = new Map<string, SchoolMeta>([
  ['AAAA00', { name: 'A', board: '1', municipality: '0228', municipalityName: 'Ede', soort: 'BO', duoPupils: 100 }],
  ['BBBB00', { name: 'B', board: '1', municipality: '0228', municipalityName: 'Ede', soort: 'BO', duoPupils: 50 }],
  ['CCCC00', { name: 'C', board: '2', municipality: '0203', municipalityName: 'Barneveld', soort: 'BO', duoPupils: null }],
  ['DDDD00', { name: 'D', board: '2', municipality: '0203', municipalityName: 'Barneveld', soort: 'SBO', duoPupils: 30 }],
]);
const run = (o: { suppress: boolean; segment?: Segment; municipality?: string }) =>
  compareSchools({ table, enrolments, span: { start: A, end: B }, meta, segment: o.segment ?? null, municipality: o.municipality ?? null, suppress: o.suppress, threshold: 5 });
const byCode = (r: ReturnType<typeof run>) => new Map(r.schools.map((s) => [s.vestigingscode, s]));

describe('school rates on a hand-built extract', () => {
  it('counts pupils in care during the school year per school; the region is 13 of 38', () => {
    const r = run({ suppress: false });
    expect(r.region).toEqual({ pupils: 38, clients: 13, rate: 13 / 38 });
    const s = byCode(r);
    const shown = r.schools.map((x) => [x.vestigingscode, x.pupils, x.clients.value, x.rate]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    expect(shown).toEqual([['AAAA00', 10, 6, 0.6], ['BBBB00', 5, 2, 0.4], ['CCCC00', 20, 5, 0.25], ['DDDD00', 3, 0, 0]]);
    // Ordered by position, then rate: A (6 of 10 against 13/38) lies above the band and comes first.
    expect(r.schools[0]!.vestigingscode).toBe('AAAA00');
    expect(s.get('AAAA00')!.bySegment).toEqual([{ segment: 'verblijf', clients: { value: 2, flag: 'small' } }, { segment: 'specialistisch', clients: { value: 6, flag: 'ok' } }]);
    expect(s.get('AAAA00')!.specialEducation).toEqual({ referred: { value: 1, flag: 'small' }, share: 0.1 });
    expect(s.get('DDDD00')!.specialEducation).toBeNull(); // itself special education
    expect(s.get('BBBB00')!.clients).toEqual({ value: 2, flag: 'small' });
  });

  it('with suppression: B (2) is hidden, then C (5, the smallest other) so B cannot be read from the region total', () => {
    const s = byCode(run({ suppress: true }));
    expect([s.get('BBBB00')!.clients, s.get('BBBB00')!.rate, s.get('BBBB00')!.position]).toEqual([{ value: null, flag: 'suppressed' }, null, null]);
    expect([s.get('CCCC00')!.clients, s.get('CCCC00')!.rate]).toEqual([{ value: null, flag: 'secondary' }, null]);
    expect(s.get('AAAA00')!.clients).toEqual({ value: 6, flag: 'ok' });
    expect(s.get('AAAA00')!.bySegment.map((b) => b.clients.flag)).toEqual(['suppressed', 'secondary']);
    expect(s.get('DDDD00')!.clients).toEqual({ value: 0, flag: 'ok' }); // zeros never
  });

  it('a segment filter counts only that care: verblijf gives 2 of 38 in the region', () => {
    const r = run({ suppress: false, segment: 'verblijf' });
    expect(r.region).toEqual({ pupils: 38, clients: 2, rate: 2 / 38 });
    expect(byCode(r).get('AAAA00')!.clients.value).toBe(2);
  });

  it('a municipality filter lists its schools only; the band stays the region\'s', () => {
    const r = run({ suppress: false, municipality: '0203' });
    expect(r.schools.map((s) => s.vestigingscode).sort()).toEqual(['CCCC00', 'DDDD00']);
    expect(r.region.rate).toBe(13 / 38);
  });
});
