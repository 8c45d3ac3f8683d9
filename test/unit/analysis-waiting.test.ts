// Waiting times (core/analysis/waiting.ts) on a hand-built case: every figure worked out by hand from the dates.
import { describe, expect, it } from 'vitest';
import { waiting } from '../../core/analysis/waiting.js';
import type { AssignmentFact } from '../../core/analysis/assignments.js';
import { toDay } from '../../core/domain/dates.js';
import { careTable, type CareRow } from '../../core/flows/input.js';

const PEIL = '2025-06-30';
function assignment(nr: number, first: string, start: string, end: string | null, extra: Partial<AssignmentFact> = {}): AssignmentFact {
  return {
    municipality: '0228', provider: '12345678', toewijzingNr: nr, client: `c${nr}`, category: '45', code: null, segment: 'specialistisch',
    assignedOn: toDay(first), firstAssignedOn: toDay(first), start: toDay(start), end: end === null ? null : toDay(end), volume: null, unit: null, frequency: null, reference: null, ...extra,
  };
}
function care(client: number, nr: number, start: string): CareRow {
  return { client, start: toDay(start), end: null, municipality: '0228', segment: 'specialistisch', provider: '12345678', category: '45', endReason: 'lopend', toewijzingNr: nr, trajectory: nr };
}
const assignments = [
  assignment(1, '2025-01-01', '2025-01-11', null, { reference: 'R1' }), // starts 10 days after the assignment
  assignment(2, '2025-02-01', '2025-02-01', null), // same day: 0
  assignment(3, '2025-03-10', '2025-03-01', null), // started before it was assigned: counts as 0
  assignment(4, '2025-04-01', '2025-04-15', null), // never started, still running: waiting 90 days at the peildatum
  assignment(5, '2025-01-20', '2025-02-01', '2025-05-31'), // never started, ended: not waiting any more
  assignment(6, '2022-12-15', '2023-01-01', null), // trajectory since 2023-01-01, last assigned 2022-12-15: 29 months, listed
  assignment(7, '2025-01-10', '2023-02-01', null), // trajectory since 2023-02-01 but re-assigned 2025-01-10: not listed
];
const table = careTable(
  [care(0, 1, '2025-01-11'), care(1, 2, '2025-02-01'), care(2, 3, '2025-03-01'), care(3, 6, '2023-01-01'), care(4, 7, '2023-02-01')],
  Array.from({ length: 5 }, (_, i) => ({ pseudonym: `p${i}`, birth: 201001, gender: '2' })),
  toDay(PEIL),
);
const label = (s: string) => ({ nl: s, en: s });
const run = (suppress: boolean) =>
  waiting({
    table, assignments, requests: [{ provider: '12345678', reference: 'R1', sent: toDay('2024-12-20') }],
    period: { key: '2025', a: toDay('2025-01-01'), b: toDay(PEIL) }, municipality: null, label, suppress, threshold: 5,
  });

describe('waiting times, 2025 up to the peildatum 30-06-2025', () => {
  const r = run(false);
  it('assignment → first start: 10, 0 and 0 days (mean 3.3, median 0)', () => {
    const total = r.assignmentToStart.find((x) => x.segment === 'total')!;
    expect(total.count.value).toBe(3);
    expect(total.meanDays).toBe(3.3);
    expect(total.medianDays).toBe(0);
    expect(total.classes.map((c) => c.value)).toEqual([2, 1, 0, 0]); // 0-7, 8-30, 31-90, 91+
  });
  it('request → start: the JW315 of 20-12-2024 to the start on 11-01-2025 is 22 days', () => {
    const total = r.requestToStart.find((x) => x.segment === 'total')!;
    expect([total.count.value, total.meanDays, total.medianDays]).toEqual([1, 22, 22]);
  });
  it('lists assignment 4 as toegewezen, niet gestart for 90 days, not the ended assignment 5', () => {
    expect(r.notStarted.items.map((n) => [n.toewijzingNr, n.ageDays, n.assignedOn])).toEqual([[4, 90, '2025-04-01']]);
    expect(r.notStarted.classes).toEqual([0, 0, 1, 0]);
  });
  it('lists the trajectory of assignment 6 (29 months, no assignment for 30 months), not the re-assigned one', () => {
    expect(r.longTrajectories.items).toEqual([{ municipality: '0228', toewijzingNr: 6, provider: '12345678', segment: 'specialistisch', start: '2023-01-01', months: 29, lastAssignedOn: '2022-12-15' }]);
  });
  it('hides waits behind fewer than 5 children when suppressed', () => {
    const s = run(true);
    const total = s.assignmentToStart.find((x) => x.segment === 'total')!;
    expect([total.count.value, total.count.flag, total.meanDays, total.medianDays]).toEqual([null, 'suppressed', null, null]);
  });
});
