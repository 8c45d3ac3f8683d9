// The fact store the pivot runs on (layout: core/pivot/store.ts), derived from the database every time the
// model is built, so the order in which files were imported never changes a figure:
//   kind 0  care period × month, from its start to its end or the peildatum;
//   kind 1  declaration line, in the month its ProductPeriode starts (none starting after the peildatum);
//   kind 2  winning, not deleted assignment × month of [Ingangsdatum, Einddatum], clipped to the peildatum.
// Records are numbered in a fixed order (periods by trajectory, then start, lines by child, then provider + ReferentieNummer (so
// they follow the fact rows), assignments
// by municipality + ToewijzingNummer) and children by pseudonym, so the same data always gives the same store.
import type Database from 'better-sqlite3';
import { toDay } from '../../core/domain/dates.js';
import type { Classifier } from '../../core/domain/codebook.js';
import { KIND, monthIndex, type FactStore } from '../../core/pivot/store.js';
import { loadSchools, loadWijk } from '../tables/links.js';
import { DELETED, deriveCarePeriods, winningAssignments, type AssignmentRow, type CarePeriod } from './careperiods.js';
import { loadClientFacts } from './clients.js';
import { loadAssignments, loadStarts, loadStops } from './load.js';
import { declarationLineSteps, type MoneyLine } from './money.js';
import { DERIVED_REFERRER, referrerOfAssignment, type AssignmentReferrer } from './requests.js';
import { endReasonOf } from './store-endreason.js';
import { buildFacts } from './store-facts.js';
import { RecordSet, dayOf, monthOfDayIndex, rowDictionaries, type DimensionValues } from './store-records.js';
import { assignmentsTable, clientsTable, linesTable, periodTables } from './store-tables.js';
import { assignTrajectories } from './trajectories.js';
import { runSteps, within, type BuildStep } from '../system/steps.js';

const key = (municipality: string, toewijzingNr: number): string => `${municipality}\u0000${toewijzingNr}`;
// Records pushed between two steps: some tens of milliseconds of work.
const CHUNK = 20_000;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Inputs {
  periods: CarePeriod[];
  lines: MoneyLine[];
  assignments: AssignmentRow[];
  winners: Map<string, AssignmentRow>;
  referrers: Map<string, AssignmentReferrer>;
}

/** What the store is made of, limited to what starts on or before the peildatum. */
function* loadInputs(db: Database.Database, peildatum: number): Generator<BuildStep, Inputs> {
  const rows = loadAssignments(db);
  yield ['reading', 0.01];
  const starts = loadStarts(db);
  const stops = loadStops(db);
  yield ['periods', 0.03];
  const periods = deriveCarePeriods(rows, starts, stops).periods.filter((p) => p.start <= peildatum);
  const winners = winningAssignments(rows);
  const assignments = [...winners.values()]
    .filter((a) => a.redenWijziging !== DELETED && dayOf(a.ingangsdatum) <= peildatum && (a.einddatum === null || a.einddatum >= a.ingangsdatum))
    .sort((a, b) => byText(a.municipality, b.municipality) || a.toewijzingNr - b.toewijzingNr);
  yield ['money', 0.1];
  const lines = (yield* within(declarationLineSteps(db), 0.1, 0.38))
    .filter((l) => dayOf(l.periodStart) <= peildatum)
    .sort((a, b) => byText(a.client, b.client) || byText(a.provider, b.provider) || byText(a.referentieNummer, b.referentieNummer) || byText(a.municipality, b.municipality));
  yield ['money', 0.44];
  const referrers = new Map(referrerOfAssignment(db).map((r) => [key(r.municipality, r.toewijzingNr), r]));
  yield ['facts', 0.48];
  return { periods, lines, assignments, winners, referrers };
}

/** Hands every item to `push`, with a step (phase facts, from..to of the whole build) every CHUNK items. */
function* pushEach<T>(items: readonly T[], from: number, to: number, push: (item: T) => void): Generator<BuildStep, void> {
  for (let i = 0; i < items.length; i++) {
    if (i % CHUNK === CHUNK - 1) yield ['facts', from + ((to - from) * i) / items.length];
    push(items[i]!);
  }
  yield ['facts', to];
}

/** Builds the store in steps; each yield says where it is (phase, fraction of the whole build, weighed on the
 *  demo region), so a data process can answer status calls and stop between steps (data/system/work.ts). */
export function* factStoreSteps(db: Database.Database, peildatum: string | null, classify: Classifier): Generator<BuildStep, FactStore> {
  const peil = peildatum === null ? null : toDay(peildatum);
  const wijk = loadWijk(db);
  const dictionaries = rowDictionaries();
  const care = new RecordSet(KIND.care, true, dictionaries);
  const money = new RecordSet(KIND.money, false, dictionaries);
  const assigned = new RecordSet(KIND.assignment, true, dictionaries);
  const inputs: Inputs = peil === null
    ? { periods: [], lines: [], assignments: [], winners: new Map(), referrers: new Map() }
    : yield* loadInputs(db, peil);
  const { lines, assignments, winners, referrers } = inputs;
  const until = peil ?? 0;
  // Periods numbered by trajectory (none first), then start: each trajectory's rows end up contiguous within
  // its child's rows, which the pivot's distinct count of trajectories relies on (core/pivot/store.ts).
  const unsorted = assignTrajectories(inputs.periods, classify);
  const order = inputs.periods.map((_, i) => i).sort((a, b) => unsorted[a]! - unsorted[b]! || inputs.periods[a]!.start - inputs.periods[b]!.start || a - b);
  const periods = order.map((i) => inputs.periods[i]!);
  const trajectoryOf = Int32Array.from(order, (i) => unsorted[i]!);

  // Every known assignment has a referrer (the derived one when no JW315 links, DOMAIN.md §8); a care period
  // whose assignment never arrived takes the derived one too, a € line with an unknown assignment none.
  type Record = { municipality: string; provider: string; productCategory: string; productCode: string | null; toewijzingNr: number };
  // In DIMENSION_ORDER: municipality, provider, segment, category, product, referrer, gp, endReason, unit.
  const dims = (r: Record, fallback: string, endReason: string, unit: string): DimensionValues => {
    const link = referrers.get(key(r.municipality, r.toewijzingNr));
    return [
      r.municipality, r.provider, classify.segment(r.productCategory, r.productCode), r.productCategory, r.productCode ?? '',
      link?.label ?? fallback, link?.zorgverlenerCode ?? '', endReason, unit,
    ];
  };

  yield* pushEach(periods, 0.48, 0.5, (p) => {
    const end = Math.min(p.end ?? until, until);
    const winner = winners.get(`${p.municipality}|${p.toewijzingNr}`); // winningAssignments' key
    const reason = endReasonOf(p, until, winner?.redenWijziging ?? null);
    care.push(p.client, monthOfDayIndex(p.start), monthOfDayIndex(end), end, dims(p, DERIVED_REFERRER, reason, ''));
  });
  yield* pushEach(lines, 0.5, 0.7, (l) => {
    const month = monthIndex(l.month);
    money.push(l.client, month, month, dayOf(l.periodEnd), dims(l, '', '', l.eenheid ?? ''));
  });
  yield* pushEach(assignments, 0.7, 0.73, (a) => {
    const end = Math.min(a.einddatum === null ? until : dayOf(a.einddatum), until);
    assigned.push(a.pseudonym ?? '', monthOfDayIndex(dayOf(a.ingangsdatum)), monthOfDayIndex(end), end, dims(a, DERIVED_REFERRER, '', ''));
  });

  const pseudonyms = [...new Set([...care.clients, ...money.clients, ...assigned.clients])].sort(byText);
  const clientIndex = new Map(pseudonyms.map((p, i) => [p, i]));
  yield ['facts', 0.76];
  const people = peil === null ? new Map() : loadClientFacts(db);
  yield ['facts', 0.81];
  const schools = peil === null ? new Map<string, string>() : loadSchools(db, peildatum);
  yield ['facts', 0.83];
  const facts = buildFacts([care, money, assigned], clientIndex, dictionaries);
  yield ['tables', 0.87];
  const clients = clientsTable(pseudonyms, people, schools);
  const tables = periodTables(periods, trajectoryOf, until);
  yield ['tables', 0.88];
  const linesColumns = linesTable(lines);
  yield ['tables', 0.99];
  return { facts, clients, ...tables, lines: linesColumns, assignments: assignmentsTable(assignments, until), wijk, peildatum: peil };
}

export function buildFactStore(db: Database.Database, peildatum: string | null, classify: Classifier): FactStore {
  return runSteps(factStoreSteps(db, peildatum, classify));
}
