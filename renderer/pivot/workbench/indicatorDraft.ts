// "Maak indicator": the dialog's fields and the indicators/save arguments they make. From a pivot, its first
// measure and its filters become the source (rows, columns and show-as are how the pivot is laid out, not
// what is measured); the steering view passes a FoodValley measure. Money is typed in euro, stored in eurocent.
import type { PivotQuery } from '../../../core/contract/pivot.js';
import type { IndicatorSource, SaveIndicatorArgs } from '../../../core/contract/steering.js';
import { MEASURE_INFO } from '../../../core/registry.js';

export interface IndicatorDraft {
  name: string;
  project: string;
  baselineMonth: string; // YYYY-MM
  baselineValue: string; // as typed; empty = the indicator's own value in that month
  targetValue: string;
  targetDate: string; // YYYY-MM-DD
  direction: 'down' | 'up';
}

/** Dutch or English decimal input ("1.234,5", "25,5", "25.5") as a number, or null when it is not one. */
export function parseAmount(text: string): number | null {
  const t = text.trim().replace(/\s|€/g, '');
  if (t === '') return null;
  // "1.234,5": dots group thousands when a comma is present; "25.5" alone is a decimal point.
  const normal = t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t;
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return null;
  return Number(normal);
}

/** The month twelve months before the peildatum's month (a year of history), or the first month there is. */
export function defaultDraft(name: string, peildatum: string | null, months: string[]): IndicatorDraft {
  const last = peildatum?.slice(0, 7) ?? months[months.length - 1] ?? '2025-01';
  const [y, m] = last.split('-').map(Number) as [number, number];
  const yearBack = `${y - 1}-${String(m).padStart(2, '0')}`;
  const baselineMonth = months.includes(yearBack) ? yearBack : (months[0] ?? yearBack);
  return { name, project: '', baselineMonth, baselineValue: '', targetValue: '', targetDate: `${y + 1}-12-31`, direction: 'down' };
}

export type DraftProblem = 'name' | 'project' | 'targetValue' | 'baselineValue' | 'targetDate';

/** What is missing or wrong, in field order (empty = ready to save). */
export function draftProblems(d: IndicatorDraft): DraftProblem[] {
  const out: DraftProblem[] = [];
  if (!d.name.trim()) out.push('name');
  if (!d.project.trim()) out.push('project');
  if (d.baselineValue.trim() !== '' && parseAmount(d.baselineValue) === null) out.push('baselineValue');
  if (parseAmount(d.targetValue) === null) out.push('targetValue');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.targetDate) || d.targetDate.slice(0, 7) <= d.baselineMonth) out.push('targetDate');
  return out;
}

/** The pivot's first measure with its filters, as an indicator source. */
export function pivotSource(query: Pick<PivotQuery, 'measures' | 'filters'>): IndicatorSource {
  return { kind: 'pivot', measure: query.measures[0]!, filters: query.filters };
}

/** Money sources are typed in euro and stored in eurocent. */
export function euroSource(source: IndicatorSource): boolean {
  return source.kind === 'pivot' && MEASURE_INFO[source.measure].unit === 'eurocent';
}

export function saveArgs(d: IndicatorDraft, source: IndicatorSource): SaveIndicatorArgs {
  const scale = euroSource(source) ? 100 : 1;
  const baseline = parseAmount(d.baselineValue);
  return {
    name: d.name.trim(),
    project: d.project.trim(),
    source,
    baseline: { period: d.baselineMonth, ...(baseline === null ? {} : { value: baseline * scale }) },
    target: { date: d.targetDate, value: parseAmount(d.targetValue)! * scale },
    direction: d.direction,
  };
}
