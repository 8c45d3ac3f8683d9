// The FoodValley measures (docs/DEFINITIONS.md) on hand-built care tables; every expected figure is worked out
// by hand from the periods written next to it.
import { describe, expect, it } from 'vitest';
import { toDay } from '../../core/domain/dates.js';
import { segmentOfCategory } from '../../core/domain/segments.js';
import { careTable, type CareRow } from '../../core/flows/input.js';
import { crisisToVerblijf, eighteenthBirthday, monthBuckets, outOfResidential, prolongedCare } from '../../core/steering/measures.js';
import { monthRange } from '../../core/steering/months.js';

let nr = 0;
/** A care period; `trajectory` defaults to a trajectory of its own. */
function period(client: number, category: string, start: string, end: string | null, trajectory?: number): CareRow {
  nr++;
  return {
    client, start: toDay(start), end: end === null ? null : toDay(end), municipality: '0228', segment: segmentOfCategory(category),
    provider: '71000011', category, endReason: end === null ? 'lopend' : '31', toewijzingNr: nr, trajectory: trajectory ?? 1000 + nr,
  };
}
const kids = (births: number[]) => births.map((birth, i) => ({ pseudonym: `${String(i).padStart(2, '0')}aabbccddeeff0011`, birth, gender: '2' }));
const PEIL = toDay('2024-12-31');
const months = (from: string, to: string) => monthBuckets(monthRange(from, to));

describe('crisis trajectories followed by verblijf within N days', () => {
  const t = careTable(
    [
      // March: three crisis trajectories.
      period(0, '46', '2024-03-01', '2024-03-20'), period(0, '43', '2024-04-17', null), // verblijf 28 days after the end → followed
      period(1, '46', '2024-03-05', '2024-03-31'), period(1, '43', '2024-05-15', '2024-08-01'), // 45 days after → not
      period(2, '46', '2024-03-10', '2024-03-25', 7), period(2, '46', '2024-03-26', '2024-04-10', 7), // one trajectory of two periods, no verblijf
      // April: one followed while the crisis runs, one still open without verblijf.
      period(3, '46', '2024-04-02', '2024-04-30'), period(3, '44', '2024-04-20', null), // verblijf during the crisis → followed
      period(4, '46', '2024-04-05', null), // running at the peildatum, no verblijf yet → undecided
      // Verblijf that started before the crisis does not follow it.
      period(5, '43', '2024-01-01', null), period(5, '46', '2024-06-03', '2024-06-10'),
    ],
    kids([201001, 201001, 201001, 201001, 201001, 201001]),
    PEIL,
  );
  const r = crisisToVerblijf(t, months('2024-02', '2024-06'), 28);

  it('March: 1 of 3 trajectories → 33,3 %, decided', () => {
    expect(r.get('2024-03')).toEqual({ value: 33.3, numerator: 1, denominator: 3, clients: 3, open: false });
  });
  it('April: 1 of 2 → 50 %, open while a crisis runs without verblijf', () => {
    expect(r.get('2024-04')).toEqual({ value: 50, numerator: 1, denominator: 2, clients: 2, open: true });
  });
  it('June: verblijf already running before the crisis → 0 of 1; a month without crisis has no share', () => {
    expect(r.get('2024-06')).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(r.get('2024-02')).toMatchObject({ value: null, denominator: 0 });
  });
  it('with 27 days, child 0 (28 days) is no longer followed: March 0 of 3', () => {
    expect(crisisToVerblijf(t, months('2024-03', '2024-03'), 27).get('2024-03')).toMatchObject({ value: 0, numerator: 0, denominator: 3 });
  });
  it('one bucket over March–April pools them: 2 of 5 → 40 %', () => {
    const whole = [{ key: 'all', a: toDay('2024-03-01'), b: toDay('2024-04-30') }];
    expect(crisisToVerblijf(t, whole, 28).get('all')).toEqual({ value: 40, numerator: 2, denominator: 5, clients: 5, open: true });
  });
});

describe('a cohort of 18-year-olds and how many stay in youth care', () => {
  // Born 2006-05: 18 on 2024-05-15 (the 15th of the birth month, DOMAIN.md §4).
  const t = careTable(
    [
      period(0, '45', '2023-01-01', null), // A: stays
      period(1, '45', '2023-06-01', '2024-05-14'), // B: in care on 30 April (surely 17), ends before the 15th
      period(2, '47', '2023-01-01', null), // C: only JB/JR → not in the cohort
      period(3, '45', '2023-01-01', '2024-03-01'), // D: care ended long before → not in the cohort
      period(4, '45', '2024-01-01', '2024-06-30'), // E: born 2006-06, 18 on 2024-06-15, stays on the day; gone 30 days later
      period(5, '45', '2023-01-01', null), // F: birth unknown → never in a cohort
      period(6, '40', '2023-01-01', null, -1), // G: only category 40 (no trajectory, DOMAIN.md §4) → not in the cohort
      period(7, '45', '2024-05-05', null), // H: care starts within the birth month, maybe after turning 18 → not in the cohort
      period(8, '45', '2024-01-01', '2024-05-03'), // I: care ended on (say) the real birthday, the 3rd → in the cohort, not staying
    ],
    kids([200605, 200605, 200605, 200605, 200606, 0, 200605, 200605, 200605]),
    PEIL,
  );
  it('puts the 18th birthday on the 15th of the birth month', () => {
    expect(eighteenthBirthday(200605)).toBe(toDay('2024-05-15'));
  });
  it('N = 0: May 1 of 3 (A of A, B, I) → 33,3 %; June 1 of 1 → 100 %', () => {
    const r = prolongedCare(t, months('2024-05', '2024-06'), 0);
    expect(r.get('2024-05')).toEqual({ value: 33.3, numerator: 1, denominator: 3, clients: 3, open: false });
    expect(r.get('2024-06')).toEqual({ value: 100, numerator: 1, denominator: 1, clients: 1, open: false });
  });
  it('N = 30: June 0 of 1 (care ended 2024-06-30, the day looked at is 2024-07-15); December is still open', () => {
    const r = prolongedCare(t, months('2024-06', '2024-12'), 30);
    expect(r.get('2024-06')).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(r.get('2024-12')).toMatchObject({ value: null, numerator: null, open: true });
  });
});

describe('children out of residential care since a start date (cumulative)', () => {
  const t = careTable(
    [
      period(0, '43', '2023-06-01', '2024-02-10'), // out from 10 Feb
      period(1, '43', '2023-01-01', '2024-03-31'), period(1, '44', '2024-04-01', '2024-05-31'), // one spell across two periods, out 31 May
      period(2, '43', '2023-01-01', '2023-12-31'), // left before the start date → never counts
      period(3, '43', '2023-01-01', '2024-03-15'), period(3, '43', '2024-07-01', null), // out 15 Mar, back 1 Jul
      period(4, '43', '2023-01-01', '2024-02-01'), period(4, '36', '2024-02-02', null), // to foster care: out
    ],
    kids([201001, 201001, 201001, 201001, 201001]),
    PEIL,
  );
  const r = outOfResidential(t, months('2023-12', '2024-12'), '2024-01-01');
  it('counts at each month end the children who left since the start and are not back', () => {
    const series = monthRange('2023-12', '2024-12').map((m) => r.get(m)!.value);
    // Dec: before the start; Jan 0; Feb: 0, 4; Mar: + 3; Apr 3; May 3 (1 is still in on 31 May); Jun: + 1; Jul: 3 is back.
    expect(series).toEqual([null, 0, 2, 3, 3, 3, 4, 3, 3, 3, 3, 3, 3]);
  });
});
