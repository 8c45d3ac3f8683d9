import { openDatabase } from './data/db/open.js';
import { deriveModel } from './data/service.js';
import { runPivot } from './core/pivot/pivot.js';
import { normalisePivotQuery } from './core/contract/pivot.js';
const db = openDatabase(process.argv[2]!);
const m = deriveModel(db, '2026-11-23');
const qs = [
  { rows: ['municipality'], cols: ['year'], measures: ['clients', 'trajectories', 'approved'] },
  { rows: ['month'], cols: ['provider'], measures: ['clients', 'claimed'] },
  { rows: ['ageband'], cols: ['month'], measures: ['clients'] },
  { rows: ['municipality', 'segment'], cols: ['quarter'], measures: ['clients'] },
];
for (const q of qs) {
  const nq = normalisePivotQuery({ ...q, suppress: true } as never);
  const ts: number[] = [];
  for (let k = 0; k < 40; k++) {
    const t = performance.now();
    runPivot(m.store, nq, { peildatum: m.peildatum, threshold: 5, labels: (_d, k) => ({ nl: k, en: k }) });
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  console.log(JSON.stringify(q.rows), JSON.stringify(q.cols), 'median', ts[20]!.toFixed(1), 'ms');
}
