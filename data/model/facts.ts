// The fact tables the pivot runs on, as Arrow tables with dictionary-encoded dimensions:
// - care: one row per care period × calendar month in which it runs, up to the peildatum;
// - money: one row per declaration line, in the month its ProductPeriode starts.
// Both share one client numbering, so a cell can count children over both.
import { Dictionary, Float64, Int32, Uint8, Utf8, makeData, makeVector, Table, type DataType, type Vector } from 'apache-arrow';
import { firstDayOfMonth, lastDayOfMonth, monthOfDay, nextMonth, toDay } from '../../core/domain/dates.js';
import { DEFAULT_CLASSIFIER, type Classifier } from '../../core/domain/codebook.js';
import type { CarePeriod } from './careperiods.js';
import type { ClientFacts } from './clients.js';

export interface MoneyFact {
  client: string;
  municipality: string;
  provider: string;
  productCategory: string;
  productCode?: string | null; // decides the segment when the codebook has it (DOMAIN.md §4)
  periodStart: string;
  periodEnd: string;
  amount: number; // signed eurocent
  status: 'approved' | 'rejected' | 'pending';
}

class DictionaryColumn {
  private readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly codes: number[] = [];
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
    const enc = new TextEncoder();
    const parts = this.values.map((v) => enc.encode(v));
    const valueOffsets = new Int32Array(parts.length + 1);
    parts.forEach((p, i) => (valueOffsets[i + 1] = valueOffsets[i]! + p.length));
    const data = new Uint8Array(valueOffsets[parts.length]!);
    parts.forEach((p, i) => data.set(p, valueOffsets[i]!));
    const dictionary = makeVector(makeData({ type: new Utf8(), length: parts.length, valueOffsets, data }));
    return makeVector(makeData({ type: new Dictionary(new Utf8(), new Int32()), length: this.codes.length, data: Int32Array.from(this.codes), dictionary }));
  }
}

function numbers<T extends DataType>(type: T, values: number[], Array_: Int32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor): Vector<T> {
  return makeVector(makeData({ type, length: values.length, data: Array_.from(values) } as never)) as Vector<T>;
}

/** Dimension columns every fact table carries. */
class DimensionColumns {
  readonly municipality = new DictionaryColumn();
  readonly provider = new DictionaryColumn();
  readonly segment = new DictionaryColumn();
  readonly category = new DictionaryColumn();
  readonly gender = new DictionaryColumn();
  readonly client: number[] = [];
  readonly birth: number[] = [];
  readonly month: number[] = [];
  constructor(private readonly clientIds: Map<string, number>, private readonly people: Map<string, ClientFacts>) {}
  push(client: string, municipality: string, provider: string, category: string, segment: string, month: number): void {
    let id = this.clientIds.get(client);
    if (id === undefined) this.clientIds.set(client, (id = this.clientIds.size));
    const facts = this.people.get(client);
    this.client.push(id);
    this.birth.push(facts?.birth ?? 0);
    this.gender.push(facts?.gender ?? '0');
    this.municipality.push(municipality);
    this.provider.push(provider);
    this.segment.push(segment);
    this.category.push(category);
    this.month.push(month);
  }
  vectors(): Record<string, Vector> {
    return {
      client: numbers(new Int32(), this.client, Int32Array),
      municipality: this.municipality.vector(),
      provider: this.provider.vector(),
      segment: this.segment.vector(),
      category: this.category.vector(),
      gender: this.gender.vector(),
      birth: numbers(new Int32(), this.birth, Int32Array),
      month: numbers(new Int32(), this.month, Int32Array),
    };
  }
}

export function buildFactTables(
  periods: readonly CarePeriod[],
  trajectories: Int32Array,
  money: readonly MoneyFact[],
  people: Map<string, ClientFacts>,
  peildatum: number | null,
  classify: Classifier = DEFAULT_CLASSIFIER,
): { care: Table; money: Table } {
  const clientIds = new Map<string, number>();
  const care = new DimensionColumns(clientIds, people);
  const lastDay: number[] = [];
  const trajectory: number[] = [];
  if (peildatum !== null) {
    periods.forEach((p, i) => {
      if (p.start > peildatum) return;
      const end = Math.min(p.end ?? peildatum, peildatum);
      for (let m = monthOfDay(p.start); firstDayOfMonth(m) <= end; m = nextMonth(m)) {
        care.push(p.client, p.municipality, p.provider, p.productCategory, classify.segment(p.productCategory, p.productCode), m);
        lastDay.push(Math.min(end, lastDayOfMonth(m)));
        trajectory.push(trajectories[i]!);
      }
    });
  }
  const lines = new DimensionColumns(clientIds, people);
  const endDay: number[] = [];
  const amount: number[] = [];
  const approved: number[] = [];
  for (const l of money) {
    if (peildatum === null || toDay(l.periodStart) > peildatum) continue; // nothing after the peildatum counts
    const segment = classify.segment(l.productCategory, l.productCode);
    lines.push(l.client, l.municipality, l.provider, l.productCategory, segment, monthOfDay(toDay(l.periodStart)));
    endDay.push(toDay(l.periodEnd));
    amount.push(l.amount);
    approved.push(l.status === 'approved' ? 1 : 0);
  }
  return {
    care: new Table({ ...care.vectors(), lastDay: numbers(new Int32(), lastDay, Int32Array), trajectory: numbers(new Int32(), trajectory, Int32Array) }),
    money: new Table({
      ...lines.vectors(),
      endDay: numbers(new Int32(), endDay, Int32Array),
      amount: numbers(new Float64(), amount, Float64Array),
      approved: numbers(new Uint8(), approved, Uint8Array),
    }),
  };
}
