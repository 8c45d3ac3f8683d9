// Runs the pivot for the working query: ~150 ms after the last change (a burst of clicks is one query),
// again whenever the data change, and an answer to a query that has since changed is dropped. The last
// good result stays on screen while the next one is on its way (marked busy).
import { useCallback, useEffect, useState } from 'react';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { PivotQuery, PivotResult } from '../../core/contract/pivot.js';
import { wasCancelled } from '../work/Cancelled.js';

export const DEBOUNCE_MS = 150;

export interface PivotState {
  result: PivotResult | null;
  error: string | null;
  busy: boolean;
  /** The query failed because the user cancelled the model rebuild it waited for (renderer/work/). */
  cancelled: boolean;
}

export function usePivot(api: SpiegelApi, query: PivotQuery, version: number): PivotState & { retry: () => void } {
  const [state, setState] = useState<PivotState>({ result: null, error: null, busy: true, cancelled: false });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const key = JSON.stringify(query);
  useEffect(() => {
    let stale = false;
    setState((s) => (s.busy ? s : { ...s, busy: true }));
    const timer = setTimeout(() => {
      void api.invoke('query/pivot', JSON.parse(key) as PivotQuery).then((r) => {
        if (stale) return;
        // A failed query clears the grid: old figures under new controls would be read as the answer.
        setState(r.ok ? { result: r.value, error: null, busy: false, cancelled: false } : { result: null, error: r.error.message, busy: false, cancelled: wasCancelled(r.error) });
      });
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [api, key, version, attempt]);
  return { ...state, retry };
}
