// Drill-through: the fact rows behind one cell — the same plan and scan as the pivot (so the records add
// up to the cell), collecting the rows whose finest group falls under the cell's row and column paths.
import type { PivotQuery } from '../contract/pivot.js';
import type { DrillRecord, DrillResult } from '../contract/workbench.js';
import { fromDay } from '../domain/dates.js';
import { dictionary, numbers, strings } from './columns.js';
import { planQuery } from './plan.js';
import { scan } from './scan.js';
import type { FactStore } from './store.js';

const KINDS = ['care', 'money', 'assignment'] as const;

export function drill(store: FactStore, query: PivotQuery, row: string[], col: string[], limit: number): DrillResult {
  const { plan, dims, levels } = planQuery(store, query);
  const fine = levels[0]!;
  const want = [...row.map((k, i) => ({ at: i, key: k })), ...col.map((k, i) => ({ at: query.rows.length + i, key: k }))];
  const codes = want.map((w) => ({ at: w.at, code: dims[w.at]!.keys.indexOf(w.key) }));
  const groups = new Uint8Array(fine.size);
  if (codes.every((c) => c.code >= 0)) {
    const cards = dims.map((d) => d.keys.length);
    for (let g = 0; g < fine.size; g++) {
      let ok = true;
      for (const { at, code } of codes) if (Math.floor(g / fine.strides[at]!) % cards[at]! !== code) ok = false;
      groups[g] = ok ? 1 : 0;
    }
  }
  const collect = { groups, rows: [] as number[], limit, total: 0 };
  const result = scan(store, { ...plan, collect });
  return { total: collect.total, clients: result.any.counts[levels.length - 1]![0] ?? 0, records: collect.rows.map((r) => recordOf(store, r)) };
}

function recordOf(store: FactStore, r: number): DrillRecord {
  const f = store.facts;
  const kind = KINDS[numbers<Uint8Array>(f, 'kind')[r]!]!;
  const rec = numbers<Int32Array>(f, 'record')[r]!;
  const client = numbers<Int32Array>(f, 'client')[r]!;
  const key = (name: string) => {
    const d = dictionary(f, name);
    return d.keys[d.codes[r]!]!;
  };
  const table = kind === 'care' ? store.periods : kind === 'money' ? store.lines : store.assignments;
  const start = numbers<Int32Array>(table, kind === 'money' ? 'periodStart' : 'start')[rec]!;
  const end = numbers<Int32Array>(table, kind === 'money' ? 'periodEnd' : 'end')[rec]!;
  return {
    kind,
    pseudonym: strings(store.clients, 'pseudonym')(client).slice(0, 12),
    municipality: key('municipality'),
    provider: key('provider'),
    toewijzingNr: numbers<Int32Array>(table, 'toewijzingNr')[rec] ?? null,
    product: `${key('category')}${key('product')}`,
    start: fromDay(start),
    end: end < 0 ? null : fromDay(end),
    amount: kind === 'money' ? numbers<Int32Array>(store.lines, 'amount')[rec]! : null,
    referentieNummer: kind === 'money' ? strings(store.lines, 'referentieNummer')(rec) : null,
  };
}
