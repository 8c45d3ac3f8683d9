// The records behind the fact rows, one set per kind: for each record its client, the months it covers, its
// last day and its dimension codes, computed once per record and repeated on each of its month rows.
import { monthOfDay, toDay } from '../../core/domain/dates.js';
import { ROW_DIMENSIONS, monthIndex } from '../../core/pivot/store.js';
import { Codes } from './store-arrow.js';

/** The order of a record's dimension values; tsc fails here should core/pivot/store.ts reorder its columns. */
export const DIMENSION_ORDER = ['municipality', 'provider', 'segment', 'category', 'product', 'referrer', 'gp', 'endReason', 'unit'] as const satisfies typeof ROW_DIMENSIONS;
/** One value per DIMENSION_ORDER entry, in that order. */
export type DimensionValues = readonly string[];

// Dates repeat a lot (month starts and ends), and parsing them showed up when building large stores.
const days = new Map<string, number>();
const months = new Map<number, number>();
/** toDay, remembered: the distinct dates of a dataset are a few thousand at most. */
export function dayOf(iso: string): number {
  let day = days.get(iso);
  if (day === undefined) days.set(iso, (day = toDay(iso)));
  return day;
}
/** Month index (months since 1970-01) of a day number. */
export function monthOfDayIndex(day: number): number {
  let month = months.get(day);
  if (month === undefined) months.set(day, (month = monthIndex(monthOfDay(day))));
  return month;
}

/** One dictionary per row dimension, shared by all kinds (one column each). */
export function rowDictionaries(): Codes[] {
  return ROW_DIMENSIONS.map((d) => new Codes(d));
}

export class RecordSet {
  readonly clients: string[] = []; // pseudonym per record
  readonly first: number[] = []; // month index of the first row
  readonly last: number[] = []; // month index of the last row
  readonly end: number[] = []; // day number: last day covered (kinds 0, 2) or ProductPeriode end (kind 1)
  readonly dims: number[] = []; // DIMENSION_ORDER.length codes per record

  /** `clipToMonth`: a row's lastDay is the record's last day within that month (kinds 0, 2), else `end` itself. */
  constructor(readonly kind: number, readonly clipToMonth: boolean, private readonly dictionaries: Codes[]) {}

  get length(): number {
    return this.clients.length;
  }

  push(client: string, first: number, last: number, end: number, values: DimensionValues): void {
    this.clients.push(client);
    this.first.push(first);
    this.last.push(last);
    this.end.push(end);
    for (let d = 0; d < DIMENSION_ORDER.length; d++) this.dims.push(this.dictionaries[d]!.code(values[d]!));
  }

  rows(): number {
    let n = 0;
    for (let r = 0; r < this.first.length; r++) n += this.last[r]! - this.first[r]! + 1;
    return n;
  }
}
