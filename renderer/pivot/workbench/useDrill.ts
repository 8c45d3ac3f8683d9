// Drill-through: the records behind one cell (query/drill), for the grid's drill panel. A newer drill or a
// change of query drops an older answer; meeting mode never drills (the grid does not offer it).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SpiegelApi } from '../../../core/contract/api.js';
import type { PivotQuery } from '../../../core/contract/pivot.js';
import type { DrillResult } from '../../../core/contract/workbench.js';

export type DrillState =
  | { status: 'loading'; row: string[]; col: string[] }
  | { status: 'ready'; row: string[]; col: string[]; result: DrillResult }
  | { status: 'error'; row: string[]; col: string[]; message: string };

export function useDrill(api: SpiegelApi, query: PivotQuery): { drill: DrillState | null; open: (row: string[], col: string[]) => void; close: () => void } {
  const [drill, setDrill] = useState<DrillState | null>(null);
  const seq = useRef(0);
  const key = JSON.stringify(query);

  const close = useCallback(() => {
    seq.current++;
    setDrill(null);
  }, []);
  // Records of an earlier query would not match the grid any more.
  useEffect(close, [key, close]);

  const open = useCallback(
    (row: string[], col: string[]) => {
      const n = ++seq.current;
      setDrill({ status: 'loading', row, col });
      void api.invoke('query/drill', { query: JSON.parse(key) as PivotQuery, row, col }).then((r) => {
        if (n !== seq.current) return;
        setDrill(r.ok ? { status: 'ready', row, col, result: r.value } : { status: 'error', row, col, message: r.error.message });
      });
    },
    [api, key],
  );

  return { drill, open, close };
}
