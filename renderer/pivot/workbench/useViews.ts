// Saved views through views/*: the list, save (same name replaces) and delete, each followed by a fresh
// list so what is shown is what the database holds.
import { useCallback, useEffect, useState } from 'react';
import type { SpiegelApi } from '../../../core/contract/api.js';
import type { PivotQuery } from '../../../core/contract/pivot.js';
import type { SavedView } from '../../../core/contract/workbench.js';
import type { ChartKind } from './hashState.js';

export interface ViewsState {
  views: SavedView[];
  error: string | null;
  save: (name: string, query: PivotQuery, chart: ChartKind) => Promise<SavedView | null>;
  remove: (id: number) => Promise<boolean>;
}

export function useViews(api: SpiegelApi): ViewsState {
  const [views, setViews] = useState<SavedView[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const r = await api.invoke('views/list', {});
    if (r.ok) setViews(r.value);
    setError(r.ok ? null : r.error.message);
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const save = useCallback(
    async (name: string, query: PivotQuery, chart: ChartKind) => {
      const r = await api.invoke('views/save', { name, query, chart });
      if (!r.ok) {
        setError(r.error.message);
        return null;
      }
      await reload();
      return r.value;
    },
    [api, reload],
  );

  const remove = useCallback(
    async (id: number) => {
      const r = await api.invoke('views/delete', { id });
      if (!r.ok) {
        setError(r.error.message);
        return false;
      }
      await reload();
      return r.value.deleted;
    },
    [api, reload],
  );

  return { views, error, save, remove };
}
