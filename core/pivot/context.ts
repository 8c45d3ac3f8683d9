// Context dimensions: the age band and the last municipality of a row depend on the child's other rows in
// the same cell (its last day in care there), so they are decided per child and folded into the row's group.
import { numbers } from './columns.js';
import { bandCode } from './fast-age.js';
import type { ScanPlan } from './scan-types.js';
import { KIND, type FactStore } from './store.js';

/** The age band and last municipality of each row, decided per child from its rows in the same cell, folded
 *  into the row's group in place (or -1 when a filter on them drops the row). */
export function applyContext(store: FactStore, plan: ScanPlan, base: Int32Array, strides: number[], fine: number, ranges: Int32Array): void {
  const f = store.facts;
  const kind = numbers<Uint8Array>(f, 'kind');
  const client = numbers<Int32Array>(f, 'client');
  const lastDay = numbers<Int32Array>(f, 'lastDay');
  const municipality = numbers<Int16Array>(f, 'municipality');
  const birth = numbers<Int32Array>(store.clients, 'birth');
  const ageAt = plan.dims.findIndex((d) => d.dim === 'ageband');
  const munAt = plan.dims.findIndex((d) => d.dim === 'lastMunicipality');
  const ageFilter = plan.filters.find((x) => x.source.dim === 'ageband')?.allowed ?? null;
  const munFilter = plan.filters.find((x) => x.source.dim === 'lastMunicipality')?.allowed ?? null;
  const ageStride = ageAt >= 0 ? strides[ageAt]! : 0;
  const munStride = munAt >= 0 ? strides[munAt]! : 0;
  const stamp = new Int32Array(fine * 3).fill(-1);
  const last = new Int32Array(fine * 3);
  const mun = new Int32Array(fine * 3);
  // Per child and range: a context (x) includes the row's kind, so a child's care and assignment runs never
  // share one and each run can be settled on its own.
  for (let p = 0; p < ranges.length; p += 2) {
    const to = ranges[p + 1]!;
    let i = ranges[p]!;
    while (i < to) {
      const c = client[i]!;
      let e = i;
      while (e < to && client[e] === c) e++;
      contextOf(i, e, c);
      i = e;
    }
  }

  function contextOf(i: number, e: number, c: number): void {
    for (let r = i; r < e; r++) {
      const b = base[r]!;
      if (b < 0) continue;
      const x = b * 3 + kind[r]!;
      const day = lastDay[r]!;
      if (stamp[x] !== c || day > last[x]! || (day === last[x] && municipality[r]! < mun[x]!)) {
        stamp[x] = c;
        last[x] = day;
        mun[x] = municipality[r]!;
      }
    }
    for (let r = i; r < e; r++) {
      const b = base[r]!;
      if (b < 0) continue;
      const k = kind[r]!;
      const x = b * 3 + k;
      const band = bandCode(birth[c]!, k === KIND.money ? lastDay[r]! : last[x]!);
      const m = mun[x]!;
      base[r] = (ageFilter !== null && ageFilter[band] === 0) || (munFilter !== null && munFilter[m] === 0) ? -1 : b + band * ageStride + m * munStride;
    }
  }
}

