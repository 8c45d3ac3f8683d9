// Money runs of one child in the run scan (scan-runs.ts): without time a run adds its precomputed sums to
// one group; with time or a context dimension its rows are read one by one (each has its own month and
// last day).
import { groupOf } from './compile.js';
import type { RunIndex } from './runs.js';
import type { ScanState } from './scan-state.js';
import { STATUS } from './store.js';

export function scanMoney(x: ScanState, c: number, cg: number, ix: RunIndex, from: number, hi: number, kindEnd: number): void {
  const { moneyRow: row, months, hasTime, month, record, amount, status, records, wantAppr, ctx } = x;
  const { claimed, approved, pending } = x.sums;
  const { stamp: anyStamp, count: anyCount, touched: anyTouched } = x.any;
  const { stamp: apprStamp, count: apprCount, touched: apprTouched } = x.approvedClients;
  const runs = ix.moneyRuns;
  let nAny = x.nAny;
  let nAppr = x.nAppr;
  for (let i = from; i < hi; i++) {
    const start = runs[i]!;
    const rg = cg + groupOf(row, i);
    if (rg < 0) continue;
    const end = i + 1 < hi ? runs[i + 1]! : kindEnd;
    if (!hasTime && ctx === null) {
      records[rg]! += end - start;
      claimed[rg]! += ix.claimed[i]!;
      approved[rg]! += ix.approved[i]!;
      pending[rg]! += ix.pending[i]!;
      if (anyStamp[rg] !== c) {
        anyStamp[rg] = c;
        anyCount[rg]!++;
        anyTouched[nAny++] = rg;
      }
      if (wantAppr && ix.approvedDebit[i] === 1 && apprStamp[rg] !== c) {
        apprStamp[rg] = c;
        apprCount[rg]!++;
        apprTouched[nAppr++] = rg;
      }
      continue;
    }
    for (let r = start; r < end; r++) {
      let g = hasTime ? rg + months[month[r]!]! : rg;
      if (g < 0) continue;
      if (ctx !== null && (g = ctx.money(g, r, c)) < 0) continue;
      records[g]!++;
      if (anyStamp[g] !== c) {
        anyStamp[g] = c;
        anyCount[g]!++;
        anyTouched[nAny++] = g;
      }
      const line = record[r]!;
      const amt = amount[line]!;
      claimed[g]! += amt;
      const st = status[line]!;
      if (st === STATUS.approved) {
        approved[g]! += amt;
        if (wantAppr && amt > 0 && apprStamp[g] !== c) {
          apprStamp[g] = c;
          apprCount[g]!++;
          apprTouched[nAppr++] = g;
        }
      } else if (st === STATUS.pending) pending[g]! += amt;
    }
  }
  x.nAny = nAny;
  x.nAppr = nAppr;
}
