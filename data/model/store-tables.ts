// The fact store's side tables, indexed by a fact row's `client` or `record` (core/pivot/store.ts).
// Ends after the peildatum are stored as open (-1): such care counts as continuing (DOMAIN.md §2).
import { Table } from 'apache-arrow';
import type { AssignmentRow, CarePeriod } from './careperiods.js';
import type { ClientFacts } from './clients.js';
import type { MoneyLine } from './money.js';
import { STATUS } from '../../core/pivot/store.js';
import { dictionaryOf, int32Vector, uint8Vector, utf8Vector } from './store-arrow.js';
import { dayOf } from './store-records.js';

const openAfter = (end: number | null, peildatum: number): number => (end === null || end > peildatum ? -1 : end);

export function clientsTable(pseudonyms: readonly string[], people: ReadonlyMap<string, ClientFacts>, schools: ReadonlyMap<string, string>): Table {
  const facts = pseudonyms.map((p) => people.get(p));
  return new Table({
    pseudonym: utf8Vector(pseudonyms),
    birth: int32Vector(Int32Array.from(facts, (f) => f?.birth ?? 0)),
    gender: dictionaryOf('gender', facts.map((f) => f?.gender ?? '0')), // iJw Geslacht 0 = onbekend
    pc4: dictionaryOf('pc4', facts.map((f) => f?.pc4 ?? '')),
    school: dictionaryOf('school', pseudonyms.map((p) => schools.get(p) ?? '')),
  });
}

/** Care periods and their trajectories: a trajectory runs from its first period's start to its last end. */
export function periodTables(periods: readonly CarePeriod[], trajectory: Int32Array, peildatum: number): { periods: Table; trajectories: Table } {
  const ends = Int32Array.from(periods, (p) => openAfter(p.end, peildatum));
  let count = 0;
  for (const t of trajectory) count = Math.max(count, t + 1);
  const tStart = new Int32Array(count).fill(2 ** 31 - 1);
  const tEnd = new Int32Array(count).fill(-2);
  periods.forEach((p, i) => {
    const t = trajectory[i]!;
    if (t < 0) return;
    tStart[t] = Math.min(tStart[t]!, p.start);
    tEnd[t] = tEnd[t] === -1 || ends[i] === -1 ? -1 : Math.max(tEnd[t]!, ends[i]!);
  });
  return {
    periods: new Table({
      trajectory: int32Vector(Int32Array.from(trajectory)),
      start: int32Vector(Int32Array.from(periods, (p) => p.start)),
      end: int32Vector(ends),
      toewijzingNr: int32Vector(Int32Array.from(periods, (p) => p.toewijzingNr)),
    }),
    trajectories: new Table({ start: int32Vector(tStart), end: int32Vector(tEnd) }),
  };
}

const STATUS_CODE = { pending: STATUS.pending, approved: STATUS.approved, rejected: STATUS.rejected } as const;

/** Declaration lines with their amounts: one money fact row each, so the amounts live here, not per row. */
export function linesTable(lines: readonly MoneyLine[]): Table {
  // One pass filling typed arrays: Int32Array.from with a callback per column took about a second on 626.368
  // lines (a region at scale 1), a step in which the data process could not answer a status call.
  const n = lines.length;
  const [toewijzingNr, periodStart, periodEnd, amount, volume] = [0, 0, 0, 0, 0].map(() => new Int32Array(n)) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  const status = new Uint8Array(n);
  const references = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    references[i] = l.referentieNummer;
    toewijzingNr[i] = l.toewijzingNr;
    periodStart[i] = dayOf(l.periodStart);
    periodEnd[i] = dayOf(l.periodEnd);
    amount[i] = l.amount;
    volume[i] = l.volume ?? 0;
    status[i] = STATUS_CODE[l.status];
  }
  return new Table({
    referentieNummer: utf8Vector(references),
    toewijzingNr: int32Vector(toewijzingNr),
    periodStart: int32Vector(periodStart),
    periodEnd: int32Vector(periodEnd),
    amount: int32Vector(amount),
    volume: int32Vector(volume),
    status: uint8Vector(status),
  });
}

export function assignmentsTable(assignments: readonly AssignmentRow[], peildatum: number): Table {
  return new Table({
    toewijzingNr: int32Vector(Int32Array.from(assignments, (a) => a.toewijzingNr)),
    start: int32Vector(Int32Array.from(assignments, (a) => dayOf(a.ingangsdatum))),
    end: int32Vector(Int32Array.from(assignments, (a) => openAfter(a.einddatum === null ? null : dayOf(a.einddatum), peildatum))),
  });
}
