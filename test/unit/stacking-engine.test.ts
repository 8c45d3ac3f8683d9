// Stacking, sequences and regie op drie on hand-built children (DOMAIN.md §5, §7). Trajectories are merged by
// the model's own rule (data/model/trajectories.ts), then counted by core/stacking. Every expected figure below
// was worked out by hand from the dates in the table (day counts written next to them).
import { describe, expect, it } from 'vitest';
import { toDay } from '../../core/domain/dates.js';
import { segmentOfCategory } from '../../core/domain/segments.js';
import { careTable, type CareRow } from '../../core/flows/input.js';
import { runStacking } from '../../core/stacking/concurrent.js';
import { prospective, regieOpDrie, type Trigger } from '../../core/stacking/regie.js';
import { runSequences } from '../../core/stacking/sequences.js';
import type { CarePeriod } from '../../data/model/careperiods.js';
import { assignTrajectories } from '../../data/model/trajectories.js';

// [child, provider, category, start, end, ToewijzingNummer, municipality]
type Spec = [string, string, string, string, string | null, number, string?];
const SPECS: Spec[] = [
  ['a', 'A', '45', '2024-01-01', '2024-06-30', 1], ['a', 'B', '45', '2024-03-01', '2024-12-31', 2], // overlapping, two providers
  ['b', 'A', '45', '2024-01-01', '2024-03-31', 3], ['b', 'A', '54', '2024-04-01', '2024-09-30', 4], // touching, same provider + segment
  ['c', 'A', '50', '2020-01-01', '2020-06-30', 5], ['c', 'B', '41', '2020-09-01', '2021-01-31', 6], // then 400 days without care
  ['c', 'C', '43', '2022-03-08', '2022-12-31', 7], ['c', 'A', '45', '2023-01-15', null, 8],
  ['d', 'A', '50', '2023-01-01', '2023-03-31', 9, '0345'], ['d', 'B', '45', '2023-05-01', '2023-12-31', 10, '0345'], // same-day starts
  ['d', 'C', '41', '2023-05-01', '2023-10-31', 11, '0345'], ['d', 'A', '43', '2024-02-01', '2024-06-30', 12, '0345'],
  ['e', 'J', '47', '2023-01-01', '2024-12-31', 13], ['e', 'A', '40', '2023-02-01', '2023-06-30', 14], // JB/JR and 40/42
  ['e', 'A', '45', '2023-03-01', '2023-08-31', 15], ['e', 'A', '42', '2023-09-01', '2023-09-30', 16], ['e', 'B', '54', '2024-01-10', '2024-04-30', 17],
  ['f', 'A', '45', '2021-01-01', '2021-12-31', 18], ['f', 'B', '45', '2023-01-01', '2023-06-30', 19], // exactly 365 days between
  ['g', 'A', '45', '2024-04-01', '2024-04-30', 20], ['g', 'B', '41', '2024-04-01', '2024-04-30', 21], ['g', 'C', '43', '2024-04-01', '2024-04-30', 22],
];
const CHILDREN = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const PSEUDO = (c: string) => c.repeat(64);

function table() {
  const periods: CarePeriod[] = SPECS.map(([client, provider, cat, start, end, nr, mun]) => ({
    client, municipality: mun ?? '0228', provider, toewijzingNr: nr, productCategory: cat, productCode: `${cat}A01`, start: toDay(start), end: end === null ? null : toDay(end), endReason: null,
  }));
  const ids = assignTrajectories(periods);
  const rows: CareRow[] = periods.map((p, i) => ({
    client: CHILDREN.indexOf(p.client), start: p.start, end: p.end, municipality: p.municipality, segment: segmentOfCategory(p.productCategory), provider: p.provider,
    category: p.productCategory, product: p.productCode!, endReason: '', toewijzingNr: p.toewijzingNr, trajectory: ids[i]!,
  }));
  return careTable(rows, CHILDREN.map((c) => ({ pseudonym: PSEUDO(c), birth: 201001, gender: '1' })), toDay('2025-06-30'));
}
const label = (_: string, key: string) => ({ nl: key, en: key });
const v = (c: { value: number | null }) => c.value;

describe('concurrent stacking on 2024-04-15', () => {
  it('counts children by covering trajectories: overlapping at two providers = 2, touching at one = 1, JB/JR counts, 40/42 do not', () => {
    const r = runStacking(table(), { at: '2024-04-15', suppress: false }, 5, label);
    expect(r.points.map((p) => p.day)).toEqual(['2024-04-15']);
    const c = r.cells[0]![0]!;
    // a: 2 (A+B); b: 1 (merged); c: 1 (open #8); d: 1; e: 2 (JB/JR + 54); f: none; g: 3.
    expect([v(c.clients), v(c.one), v(c.two), v(c.threePlus)]).toEqual([6, 3, 2, 1]);
    expect(r.combinations.segments.map((x) => [x.key, v(x.clients)])).toEqual([
      ['specialistisch+jbjr', 1], ['specialistisch+specialistisch', 1], ['verblijf+dagbehandeling+specialistisch', 1],
    ]);
    expect(r.combinations.providers.map((x) => [x.key, v(x.clients)])).toEqual([['A+B', 1], ['A+B+C', 1], ['B+J', 1]]);
    expect(v(r.combinations.stackedClients)).toBe(3);
    expect(r.segmentPairs.map((p) => `${p.a}+${p.b}:${v(p.clients)}`).sort()).toEqual([
      'dagbehandeling+specialistisch:1', 'specialistisch+jbjr:1', 'specialistisch+specialistisch:1', 'verblijf+dagbehandeling:1', 'verblijf+specialistisch:1',
    ]);
  });

  it('leaves JB/JR out for kader jeugdhulp, and splits by municipality', () => {
    const j = runStacking(table(), { at: '2024-04-15', kader: 'jeugdhulp', suppress: false }, 5, label).cells[0]![0]!;
    expect([v(j.clients), v(j.one), v(j.two), v(j.threePlus)]).toEqual([6, 4, 1, 1]);
    const m = runStacking(table(), { at: '2024-04-15', by: 'municipality', suppress: false }, 5, label);
    expect(m.groups.map((g) => g.key)).toEqual(['0228', '0345']);
    expect(m.cells[0]!.map((c) => [v(c.clients), v(c.one), v(c.two), v(c.threePlus)])).toEqual([[5, 2, 2, 1], [1, 1, 0, 0]]);
  });

  it('suppresses 1–4 children, never zeros', () => {
    const r = runStacking(table(), { at: '2024-04-15', by: 'municipality' }, 5, label);
    const [big, small] = r.cells[0]!;
    expect(big!.clients).toEqual({ value: 5, flag: 'ok' });
    expect(big!.two).toEqual({ value: null, flag: 'suppressed' });
    expect(small!.two).toEqual({ value: 0, flag: 'ok' });
  });

  it('per month measures on the last day of each month of the period', () => {
    const r = runStacking(table(), { period: '2024-Q2', suppress: false }, 5, label);
    expect(r.points.map((p) => p.day)).toEqual(['2024-04-30', '2024-05-31', '2024-06-30']);
    // 04-30: a 2, b 1, c 1, d 1, e 2, g 3; 05-31 and 06-30: a 2, b 1, c 1, d 1, e 1 (JB/JR only: 54 ended 04-30), g none.
    expect(r.cells.map((row) => row.map((c) => [v(c.clients), v(c.one), v(c.two), v(c.threePlus)])[0])).toEqual([[6, 3, 2, 1], [5, 4, 1, 0], [5, 4, 1, 0]]);
  });
});

describe('successive trajectories', () => {
  it('numbers per episode: a 400-day gap resets, 365 does not, same-day starts share, JB/JR and 40/42 unnumbered', () => {
    const r = runSequences(table(), { suppress: false }, 5);
    expect(v(r.episodes)).toBe(8); // a, b, c (two episodes), d, e, f, g
    expect(v(r.ongoing)).toBe(5); // a, b, c's second, d (ended exactly 365 days before), e
    expect(Object.fromEntries(r.highest.filter((h) => v(h.episodes)! > 0).map((h) => [h.key, v(h.episodes)]))).toEqual({ 1: 2, 2: 5, 3: 1 });
    // 1→2: 60, 120, 244, 313, 315, 730 days → median 278.5; 2→3: d only, 276 days.
    expect(r.steps.map((s) => [s.from, s.to, v(s.episodes), s.medianDays])).toEqual([[1, 2, 6, 278.5], [2, 3, 1, 276]]);
    const seq = Object.fromEntries(r.sequences.map((s) => [s.key, [v(s.episodes), s.medianDays]]));
    expect(seq['specialistisch > specialistisch']).toEqual([3, [315]]); // a 60, e 315, f 730
    expect(seq['generalistisch > dagbehandeling+specialistisch > verblijf']).toEqual([1, [120, 276]]);
    expect(seq['verblijf+dagbehandeling+specialistisch']).toEqual([1, []]);
    expect(r.transitions.filter((t) => t.step === 2).map((t) => [t.from, t.to])).toEqual([['dagbehandeling+specialistisch', 'verblijf']]);
  });

  it('suppresses figures behind 1–4 children (not episodes), and the median behind a hidden count', () => {
    const r = runSequences(table(), {}, 5);
    expect(r.episodes).toEqual({ value: 8, flag: 'ok' }); // 7 children
    // Highest 2: five episodes but four children (c twice) → hidden; 1 → 2: six episodes of five children → shown.
    expect(r.highest.slice(0, 3).map((h) => h.episodes.flag)).toEqual(['suppressed', 'suppressed', 'suppressed']);
    expect(r.steps.map((s) => [v(s.episodes), s.medianDays])).toEqual([[6, 278.5], [null, null]]);
  });

  it('regie op drie lists number 3 by municipality and ToewijzingNummer with the earlier trajectories', () => {
    const r = regieOpDrie(table(), { period: '2024' }, (code) => ({ nl: code, en: code }));
    expect(r.rows.map((x) => [x.municipality, x.toewijzingNr, x.number, x.start, x.pseudonym])).toEqual([['0345', 12, 3, '2024-02-01', 'd'.repeat(12)]]);
    expect(r.rows[0]!.earlier.map((t) => [t.toewijzingNr, t.number])).toEqual([[9, 1], [10, 2], [11, 2]]);
    expect(r.rows[0]!.product).toBe('43A01');
    expect(r.municipalities.map((m) => [m.code, m.rows])).toEqual([['0345', 1]]);
    expect(regieOpDrie(table(), { period: '2024-Q2' }, (c) => ({ nl: c, en: c })).rows).toEqual([]);
    const two = regieOpDrie(table(), { period: '2024', number: 2, orHigher: true }, (c) => ({ nl: c, en: c }));
    expect(two.rows.map((x) => [x.municipality, x.toewijzingNr, x.number])).toEqual([['0228', 17, 2], ['0228', 2, 2], ['0345', 12, 3]]);
  });

  it('the prospective list: at number 2, alive, with a later request or a not-started assignment that would be new', () => {
    const t = table();
    const at = (child: string, kind: Trigger['kind'], date: string, extra: Partial<Trigger> = {}): Trigger => ({
      client: CHILDREN.indexOf(child), kind, code: kind === 'request' ? 'JW315' : 'JW301', date: toDay(date), municipality: '0228', provider: 'Z',
      toewijzingNr: kind === 'request' ? null : 99, product: '', segment: 'verblijf', countsAsTrajectory: true, ...extra,
    });
    const triggers = [
      at('a', 'request', '2024-05-01'), // after #2 (2024-03-01): listed
      at('c', 'assignment', '2025-08-01', { provider: 'A', segment: 'specialistisch' }), // merges into the running #2 at A
      at('c', 'request', '2022-12-01'), // before #2 (2023-01-15)
      at('e', 'assignment', '2025-07-01', { segment: 'jbjr', countsAsTrajectory: false }),
      at('e', 'assignment', '2025-07-15'), // listed
      at('f', 'request', '2025-01-01'), // f's episode ended 2023-06-30: a new start would be number 1
      at('d', 'request', '2025-01-01'), // d is at number 3 already
    ];
    const r = prospective(t, triggers, null);
    expect(r.rows.map((x) => [x.pseudonym, x.municipality, x.triggers.map((g) => `${g.kind}:${g.date}`)])).toEqual([
      ['e'.repeat(12), '0228', ['assignment:2025-07-15']],
      ['a'.repeat(12), '0228', ['request:2024-05-01']],
    ]);
    expect(r.rows[0]!.current.map((c) => [c.toewijzingNr, c.number])).toEqual([[15, 1], [17, 2]]);
    expect(prospective(t, triggers, '0345').rows).toEqual([]);
  });
});
