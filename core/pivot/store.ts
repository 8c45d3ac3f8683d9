// The fact store the pivot runs on: Arrow tables with dictionary-encoded dimensions and typed-array
// measures, built in data/model and read here without copying (each column is one chunk).
//
// `facts` holds three kinds of rows, sorted by client, then kind, then (care rows) the trajectory of their
// period, then record, then month — so every child's rows, and every trajectory's rows, are contiguous: the
// pivot counts distinct children and trajectories in one pass with a "last seen" stamp per group instead of
// a set (sortFacts() in core/pivot/sort.ts puts any store in this order):
//   kind 0 care       one row per care period × calendar month it runs in (up to the peildatum)
//   kind 1 money      one row per declaration line, in the month its ProductPeriode starts
//   kind 2 assignment one row per winning, not deleted assignment × calendar month it runs in
// Care and assignments are separate kinds, so "toegewezen, niet gestart" never counts as a client.
//
// Columns of `facts` (all one chunk, same length):
//   kind          Uint8    0 care, 1 money, 2 assignment
//   client        Int32    index into `clients` (rows sorted ascending by it)
//   record        Int32    kind 0: index into `periods`; kind 1: into `lines`; kind 2: into `assignments`
//   month         Uint16   months since 1970-01 (0 = Jan 1970): the calendar month of the row
//   lastDay       Int32    day number (core/domain/dates toDay): kind 0 last day in care within the month,
//                          kind 1 end of the ProductPeriode, kind 2 last day of the assignment within the month
//   municipality, provider, segment, category, product, referrer, gp, endReason, unit
//                 Dictionary<Utf8, Int8 | Int16> (Int8 codes when at most 127 values) — '' where a kind has
//                 no value (e.g. endReason on money rows)
// A money row is one declaration line, so its amounts are the line's, in `lines` (not repeated per row).
//
// `clients` (one row per client index): pseudonym Utf8, birth Int32 (yyyymm, 0 unknown),
//   gender / pc4 / school Dictionary<Utf8, Int8 | Int16> ('' unknown; gender '0').
// `periods` (care periods): trajectory Int32 (-1: not a trajectory, DOMAIN.md §4 categories 40/42),
//   start Int32 day, end Int32 day (-1 open), toewijzingNr Int32.
// `trajectories`: start Int32 day, end Int32 day (-1 open).
// `lines` (declaration lines, numbered in fact-row order: by child, then provider + ReferentieNummer):
//   referentieNummer Utf8, toewijzingNr Int32, periodStart Int32 day, periodEnd Int32 day,
//   amount Int32 (IngediendBedrag in signed eurocent, credit negative), volume Int32 (GeleverdVolume as
//   delivered, in the row's `unit`), status Uint8 (0 in behandeling: no JW325 yet, 1 toegekend, 2 afgewezen).
// `assignments` (winning assignment versions): toewijzingNr Int32, start Int32 day, end Int32 day (-1 open).
import type { Table } from 'apache-arrow';

export const KIND = { care: 0, money: 1, assignment: 2 } as const;
export const STATUS = { pending: 0, approved: 1, rejected: 2 } as const;

/** Dimension columns stored on every fact row. */
export const ROW_DIMENSIONS = ['municipality', 'provider', 'segment', 'category', 'product', 'referrer', 'gp', 'endReason', 'unit'] as const;
/** Dimension columns stored once per client. */
export const CLIENT_DIMENSIONS = ['gender', 'pc4', 'school'] as const;

export interface FactStore {
  facts: Table;
  clients: Table;
  periods: Table;
  trajectories: Table;
  lines: Table;
  assignments: Table;
  /** PC4 → wijk (from an imported table); empty when none is imported. */
  wijk: ReadonlyMap<string, string>;
  /** Day number of the peildatum, or null for an empty dataset. */
  peildatum: number | null;
}

/** Months since 1970-01 ↔ yyyymm. */
export const monthIndex = (yyyymm: number): number => (Math.floor(yyyymm / 100) - 1970) * 12 + (yyyymm % 100) - 1;
export const yyyymmOf = (index: number): number => (1970 + Math.floor(index / 12)) * 100 + (index % 12) + 1;
