// Context dimensions in the run scan: the age band and the last municipality of a row depend on the
// child's other rows in the same cell (and kind), so they are settled per child in two passes over its runs.
// First every stretch of a run that the filters keep records its last day and municipality in its cell
// (the context x = cell × 3 + kind; a care or assignment run's months are consecutive, so a stretch's last
// day is that of its last month); then the scan (scan-runs.ts, scan-money.ts, scan-volume.ts) moves each
// stretch to its final group through settle(). Only per-group arrays: nothing per row.
import { numbers } from './columns.js';
import { groupOf } from './compile.js';
import { bandStarts } from './fast-age.js';
import type { RunIndex } from './runs.js';
import type { ScanPlan } from './scan-types.js';
import type { ScanState } from './scan-state.js';
import { KIND, type FactStore } from './store.js';

export class Context {
  private readonly lastDay: Int32Array;
  private readonly birth: Int32Array;
  /** Per run of each kind, its municipality code. */
  private readonly careMun: ArrayLike<number>;
  private readonly moneyMun: ArrayLike<number>;
  private readonly asgMun: ArrayLike<number>;
  private readonly ageStride: number;
  private readonly munStride: number;
  /** Whether the age band plays a part: only then does a money row's own last day matter. */
  private readonly age: boolean;
  private readonly ageFilter: Uint8Array | null;
  private readonly munFilter: Uint8Array | null;
  /** Per context: the child that last wrote it, its last day and (among rows of that day) least municipality. */
  private readonly stamp: Int32Array;
  private readonly last: Int32Array;
  private readonly mun: Int32Array;
  /** Per context: the child for which `final` holds its final group (-1: filtered out). */
  private readonly done: Int32Array;
  private readonly final: Int32Array;
  /** The current child's first days at 4, 12, 18 and 23 (fast-age.ts). */
  private readonly starts = new Int32Array(4);

  constructor(store: FactStore, plan: ScanPlan, strides: readonly number[], fine: number, ix: RunIndex) {
    const f = store.facts;
    this.lastDay = numbers<Int32Array>(f, 'lastDay');
    this.birth = numbers<Int32Array>(store.clients, 'birth');
    const municipality = numbers<Int16Array>(f, 'municipality');
    this.careMun = ix.careDims.get(municipality)!;
    this.moneyMun = ix.moneyDims.get(municipality)!;
    this.asgMun = ix.asgDims.get(municipality)!;
    const ageAt = plan.dims.findIndex((d) => d.dim === 'ageband');
    const munAt = plan.dims.findIndex((d) => d.dim === 'lastMunicipality');
    this.ageStride = ageAt >= 0 ? strides[ageAt]! : 0;
    this.munStride = munAt >= 0 ? strides[munAt]! : 0;
    this.ageFilter = plan.filters.find((x) => x.source.dim === 'ageband')?.allowed ?? null;
    this.munFilter = plan.filters.find((x) => x.source.dim === 'lastMunicipality')?.allowed ?? null;
    this.age = ageAt >= 0 || this.ageFilter !== null;
    this.stamp = new Int32Array(fine * 3).fill(-1);
    this.last = new Int32Array(fine * 3);
    this.mun = new Int32Array(fine * 3);
    this.done = new Int32Array(fine * 3).fill(-1);
    this.final = new Int32Array(fine * 3);
  }

  /** First pass over child c's runs of the kinds the query reads (cg: its per-child group share). */
  gather(x: ScanState, c: number, cg: number, kinds: readonly [boolean, boolean, boolean]): void {
    const ix = x.ix;
    const rows = ix.rows;
    if (this.age) bandStarts(this.birth[c]!, this.starts);
    if (kinds[0]) this.gatherRuns(x, c, cg, KIND.care, ix.careOf[c]!, ix.careOf[c + 1]!, rows[c * 3 + 1]!);
    if (kinds[1]) this.gatherMoney(x, c, cg, ix.moneyOf[c]!, ix.moneyOf[c + 1]!, rows[c * 3 + 2]!);
    if (kinds[2]) this.gatherRuns(x, c, cg, KIND.assignment, ix.asgOf[c]!, ix.asgOf[c + 1]!, rows[c * 3 + 3]!);
  }

  private gatherRuns(x: ScanState, c: number, cg: number, k: number, from: number, hi: number, kindEnd: number): void {
    const care = k === KIND.care;
    const row = care ? x.careRow : x.asgRow;
    const runs = care ? x.ix.careRuns : x.ix.asgRuns;
    const month = care ? x.ix.careMonth : x.ix.asgMonth;
    const munOf = care ? this.careMun : this.asgMun;
    const { months, stretch, hasTime } = x;
    const lastDay = this.lastDay;
    for (let i = from; i < hi; i++) {
      const rg = cg + groupOf(row, i);
      if (rg < 0) continue;
      const start = runs[i]!;
      const m0 = month[i]!;
      const mEnd = m0 + (i + 1 < hi ? runs[i + 1]! : kindEnd) - start;
      let m = m0;
      while (m < mEnd) {
        let g = rg;
        let next = mEnd;
        if (hasTime) {
          g += months[m]!;
          if (stretch[m]! < mEnd) next = stretch[m]!;
        }
        m = next;
        if (g >= 0) this.see(g * 3 + k, lastDay[start + next - 1 - m0]!, munOf[i]!, c);
      }
    }
  }

  private gatherMoney(x: ScanState, c: number, cg: number, from: number, hi: number, kindEnd: number): void {
    const { moneyRow: row, months, hasTime, month } = x;
    const runs = x.ix.moneyRuns;
    const lastDay = this.lastDay;
    for (let i = from; i < hi; i++) {
      const rg = cg + groupOf(row, i);
      if (rg < 0) continue;
      const end = i + 1 < hi ? runs[i + 1]! : kindEnd;
      const mun = this.moneyMun[i]!;
      for (let r = runs[i]!; r < end; r++) {
        const g = hasTime ? rg + months[month[r]!]! : rg;
        if (g >= 0) this.see(g * 3 + KIND.money, lastDay[r]!, mun, c);
      }
    }
  }

  private see(x: number, day: number, m: number, c: number): void {
    if (this.stamp[x] !== c || day > this.last[x]! || (day === this.last[x] && m < this.mun[x]!)) {
      this.stamp[x] = c;
      this.last[x] = day;
      this.mun[x] = m;
    }
  }

  /** Final group of child c's stretch in group g (without context) of kind k, -1 when a filter on a
   *  context dimension drops it: the age band on the context's last day, its municipality. */
  settle(g: number, k: number, c: number): number {
    const x = g * 3 + k;
    if (this.done[x] === c) return this.final[x]!;
    const v = this.place(g, this.band(this.last[x]!), this.mun[x]!);
    this.done[x] = c;
    this.final[x] = v;
    return v;
  }

  /** The same for money row r: its age band is on its own last day (the end of its ProductPeriode). */
  money(g: number, r: number, c: number): number {
    if (!this.age) return this.settle(g, KIND.money, c);
    return this.place(g, this.band(this.lastDay[r]!), this.mun[g * 3 + KIND.money]!);
  }

  /** The current child’s age band on `day` (only meaningful when the age band plays a part). */
  private band(day: number): number {
    const s = this.starts;
    return (day >= s[0]! ? 1 : 0) + (day >= s[1]! ? 1 : 0) + (day >= s[2]! ? 1 : 0) + (day >= s[3]! ? 1 : 0);
  }

  private place(g: number, band: number, m: number): number {
    if ((this.ageFilter !== null && this.ageFilter[band] === 0) || (this.munFilter !== null && this.munFilter[m] === 0)) return -1;
    return g + band * this.ageStride + m * this.munStride;
  }
}
