// Each municipality against its jeugdregio, the Netherlands and its size class, per CBS figure (docs/SCHOOLS.md).
// Counts are summed over the member municipalities (null when one has no figure: a partial sum would read as
// a low one). Rates cannot be summed: their mean is weighted by each member's youth (0–17) population, the
// share of a pooled group exactly when CBS's denominators are those youths; without a population for every
// member the plain mean is given and says so ('unweighted').
import type { BenchmarkFigure, BenchmarkValue, SizeClass } from '../contract/benchmark.js';
import { SIZE_CLASSES } from '../contract/benchmark.js';

export const NEDERLAND = 'NL01';

/** CBS gemeentegrootteklasse by inhabitants on 1 January. */
export function sizeClassOf(inhabitants: number): SizeClass {
  const bounds = [5000, 10000, 20000, 50000, 100000, 150000, 250000];
  const i = bounds.findIndex((b) => inhabitants < b);
  return SIZE_CLASSES[i < 0 ? SIZE_CLASSES.length - 1 : i]!;
}

export const SIZE_LABELS: Record<SizeClass, { nl: string; en: string }> = {
  '<5000': { nl: 'minder dan 5.000 inwoners', en: 'fewer than 5,000 inhabitants' },
  '5000-10000': { nl: '5.000 tot 10.000 inwoners', en: '5,000 to 10,000 inhabitants' },
  '10000-20000': { nl: '10.000 tot 20.000 inwoners', en: '10,000 to 20,000 inhabitants' },
  '20000-50000': { nl: '20.000 tot 50.000 inwoners', en: '20,000 to 50,000 inhabitants' },
  '50000-100000': { nl: '50.000 tot 100.000 inwoners', en: '50,000 to 100,000 inhabitants' },
  '100000-150000': { nl: '100.000 tot 150.000 inwoners', en: '100,000 to 150,000 inhabitants' },
  '150000-250000': { nl: '150.000 tot 250.000 inwoners', en: '150,000 to 250,000 inhabitants' },
  '>=250000': { nl: '250.000 inwoners of meer', en: '250,000 inhabitants or more' },
};

/** One figure's values for one year: region key (GM0228, NL01) → value. */
export type FigureValues = ReadonlyMap<string, number>;

const gm = (code: string) => `GM${code}`;

/** The aggregate of a figure over member municipalities (4-digit codes). */
export function aggregate(figure: BenchmarkFigure, values: FigureValues, members: readonly string[], youth: ReadonlyMap<string, number>): BenchmarkValue {
  if (members.length === 0) return { value: null, basis: null, members: 0 };
  const present = members.filter((m) => values.has(gm(m)));
  if (figure.unit === 'count') {
    if (present.length < members.length) return { value: null, basis: 'sum', members: present.length };
    return { value: present.reduce((s, m) => s + values.get(gm(m))!, 0), basis: 'sum', members: present.length };
  }
  if (present.length === 0) return { value: null, basis: null, members: 0 };
  if (present.every((m) => (youth.get(m) ?? 0) > 0)) {
    const w = present.reduce((s, m) => s + youth.get(m)!, 0);
    return { value: present.reduce((s, m) => s + values.get(gm(m))! * youth.get(m)!, 0) / w, basis: 'weighted', members: present.length };
  }
  return { value: present.reduce((s, m) => s + values.get(gm(m))!, 0) / present.length, basis: 'unweighted', members: present.length };
}

export function nederland(values: FigureValues): BenchmarkValue {
  const v = values.get(NEDERLAND);
  return v === undefined ? { value: null, basis: null, members: 0 } : { value: v, basis: 'cbs', members: 0 };
}

/** Municipalities in the CBS figures (GM rows) of the same size class as `code`, by their inhabitants. */
export function sizePeers(code: string, values: FigureValues, inhabitants: ReadonlyMap<string, number>): string[] {
  const own = inhabitants.get(code);
  if (own === undefined) return [];
  const cls = sizeClassOf(own);
  const out: string[] = [];
  for (const key of values.keys()) {
    if (!key.startsWith('GM')) continue;
    const m = key.slice(2);
    const n = inhabitants.get(m);
    if (n !== undefined && sizeClassOf(n) === cls) out.push(m);
  }
  return out.sort();
}
