import { useEffect, useState } from 'react';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { PivotResult } from '../../core/contract/methods.js';
import { toQuery, type PivotChoice } from './model.js';

export interface PivotState {
  result: PivotResult | null;
  subtotals: PivotResult | null;
  error: string | null;
}

/** Runs the pivot for a choice (plus a one-level query for the subtotals when there are two row levels),
 *  again whenever `version` changes; a late answer to an older choice is dropped. */
export function usePivot(api: SpiegelApi, choice: PivotChoice, version: number): PivotState {
  const [state, setState] = useState<PivotState>({ result: null, subtotals: null, error: null });
  const key = JSON.stringify(choice);
  useEffect(() => {
    let stale = false;
    const c = JSON.parse(key) as PivotChoice;
    const main = api.invoke('query/pivot', toQuery(c));
    const sub = c.row2 ? api.invoke('query/pivot', toQuery(c, [c.row1])) : Promise.resolve(null);
    void Promise.all([main, sub]).then(([m, s]) => {
      if (stale) return;
      if (!m.ok) setState({ result: null, subtotals: null, error: m.error.message });
      else if (s && !s.ok) setState({ result: null, subtotals: null, error: s.error.message });
      else setState({ result: m.value, subtotals: s?.value ?? null, error: null });
    });
    return () => {
      stale = true;
    };
  }, [api, key, version]);
  return state;
}
