// Volumes and the effective price of money rows, read row by row and only when a measure shows them:
// volumes add only within one unit class (minutes as hours, units.ts), so each group keeps its class.
import { numbers } from './columns.js';
import { groupOf, type ColumnLookups } from './compile.js';
import type { Sums } from './scan-types.js';
import { STATUS, type FactStore } from './store.js';
import { compileUnits, type Units } from './units.js';
import type { Context } from './scan-context.js';

export interface VolumeColumns {
  month: Uint16Array;
  record: Int32Array;
  amount: Int32Array;
  status: Uint8Array;
  volume: Int32Array;
  unit: Int16Array;
  units: Units;
}

export function volumeColumns(store: FactStore): VolumeColumns {
  const f = store.facts;
  return {
    month: numbers<Uint16Array>(f, 'month'),
    record: numbers<Int32Array>(f, 'record'),
    amount: numbers<Int32Array>(store.lines, 'amount'),
    status: numbers<Uint8Array>(store.lines, 'status'),
    volume: numbers<Int32Array>(store.lines, 'volume'),
    unit: numbers<Int16Array>(f, 'unit'),
    units: compileUnits(store),
  };
}

/** One child's money rows [from, to): `cg` its group share, `months` the time shares (when hasTime), `ctx`
 *  the context dimensions settled for child c (or null). */
export function addVolumes(v: VolumeColumns, s: Sums, cg: number, from: number, to: number, row: ColumnLookups, months: Int32Array, hasTime: boolean, ctx: Context | null, c: number): void {
  const { month, record, amount, status, volume, unit, units } = v;
  for (let r = from; r < to; r++) {
    let g = hasTime ? cg + groupOf(row, r) + months[month[r]!]! : cg + groupOf(row, r);
    if (g < 0) continue;
    if (ctx !== null && (g = ctx.money(g, r, c)) < 0) continue;
    const line = record[r]!;
    const amt = amount[line]!;
    const uc = unit[r]!;
    const u = units.classOf[uc]!;
    const vol = (amt < 0 ? -volume[line]! : volume[line]!) * units.factor[uc]!;
    s.volume[g]! += vol;
    s.unit[g] = s.unit[g] === -1 || s.unit[g] === u ? u : -2;
    if (status[line] === STATUS.approved && u !== units.euro) {
      s.priceAmount[g]! += amt;
      s.priceVolume[g]! += vol;
      s.priceUnit[g] = s.priceUnit[g] === -1 || s.priceUnit[g] === u ? u : -2;
    }
  }
}
