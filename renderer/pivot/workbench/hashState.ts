// The working pivot in the URL hash (#pivot?q=…&chart=bar&collapsed=…), so a reload, a bookmark or the
// back button restores it. Whatever the hash holds is checked against the contract before it is used:
// a hand-edited or outdated link falls back to the default instead of failing.
import { z } from 'zod';
import { normalisePivotQuery, pivotQueryInput, type PivotQuery } from '../../../core/contract/pivot.js';
import { chartKind } from '../../../core/contract/workbench.js';
import { DEFAULT_QUERY, tidy } from './queryState.js';

export type ChartKind = z.infer<typeof chartKind>;

export interface WorkbenchState {
  query: PivotQuery;
  chart: ChartKind;
  /** Row paths folded in the grid (what is shown, so exports and reloads follow it). */
  collapsed: string[][];
}

export const DEFAULT_STATE: WorkbenchState = { query: DEFAULT_QUERY, chart: 'bar', collapsed: [] };

const collapsedList = z.array(z.array(z.string()).max(3)).max(10_000);

/** The hash for a state: the view name first, so the header's navigation still sees "pivot". */
export function stateToHash(s: WorkbenchState): string {
  const p = new URLSearchParams();
  p.set('q', JSON.stringify(s.query));
  p.set('chart', s.chart);
  if (s.collapsed.length > 0) p.set('collapsed', JSON.stringify(s.collapsed));
  return `#pivot?${p.toString()}`;
}

/** The state in a hash, or null when the hash holds no (valid) pivot. */
export function stateFromHash(hash: string): WorkbenchState | null {
  const m = /^#?pivot\?(.*)$/.exec(hash);
  if (!m) return null;
  const p = new URLSearchParams(m[1]);
  const query = parseJson(p.get('q'), pivotQueryInput);
  if (!query) return null;
  const chart = chartKind.safeParse(p.get('chart'));
  return {
    query: tidy(normalisePivotQuery(query)),
    chart: chart.success ? chart.data : DEFAULT_STATE.chart,
    collapsed: parseJson(p.get('collapsed'), collapsedList) ?? [],
  };
}

function parseJson<T>(text: string | null, schema: z.ZodType<T>): T | null {
  if (!text) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
