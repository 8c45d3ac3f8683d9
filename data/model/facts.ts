// Monthly care facts: one row per care period × calendar month in which it runs (up to the peildatum),
// as an Arrow table with dictionary-encoded dimensions. The pivot counts distinct clients over these.
import { Dictionary, Int16, Int32, Utf8, makeData, makeVector, Table, type Vector } from 'apache-arrow';
import { firstDayOfMonth, monthOfDay, nextMonth } from '../../core/domain/dates.js';
import { segmentOfCategory } from '../../core/domain/segments.js';
import type { CarePeriod } from './careperiods.js';

class DictionaryBuilder {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  codes: number[] = [];
  push(value: string): void {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    this.codes.push(code);
  }
  vector(): Vector {
    const dictionary = makeVector(makeData({ type: new Utf8(), ...utf8Buffers(this.values) }));
    const type = new Dictionary(new Utf8(), new Int32());
    return makeVector(makeData({ type, length: this.codes.length, data: Int32Array.from(this.codes), dictionary }));
  }
}

function utf8Buffers(values: string[]): { length: number; valueOffsets: Int32Array; data: Uint8Array } {
  const encoder = new TextEncoder();
  const parts = values.map((v) => encoder.encode(v));
  const valueOffsets = new Int32Array(values.length + 1);
  for (let i = 0; i < parts.length; i++) valueOffsets[i + 1] = valueOffsets[i]! + parts[i]!.length;
  const data = new Uint8Array(valueOffsets[values.length]!);
  parts.forEach((p, i) => data.set(p, valueOffsets[i]!));
  return { length: values.length, valueOffsets, data };
}

export function buildCareFacts(periods: CarePeriod[], peildatum: number | null): Table {
  const client = new DictionaryBuilder();
  const municipality = new DictionaryBuilder();
  const segment = new DictionaryBuilder();
  const months: number[] = [];
  const periodIds: number[] = [];
  if (peildatum !== null) {
    periods.forEach((p, id) => {
      if (p.start > peildatum) return;
      const last = monthOfDay(Math.min(p.end ?? peildatum, peildatum));
      for (let m = monthOfDay(p.start); m <= last; m = nextMonth(m)) {
        // A month counts when the period overlaps it; start ≤ peildatum and end ≥ start guarantee that.
        if (firstDayOfMonth(m) > peildatum) break;
        client.push(p.client);
        municipality.push(p.municipality);
        segment.push(segmentOfCategory(p.productCategory));
        months.push(m);
        periodIds.push(id);
      }
    });
  }
  const years = Int16Array.from(months, (m) => Math.floor(m / 100));
  return new Table({
    client: client.vector(),
    municipality: municipality.vector(),
    segment: segment.vector(),
    month: makeVector(makeData({ type: new Int32(), length: months.length, data: Int32Array.from(months) })),
    year: makeVector(makeData({ type: new Int16(), length: years.length, data: years })),
    period: makeVector(makeData({ type: new Int32(), length: periodIds.length, data: Int32Array.from(periodIds) })),
  });
}
