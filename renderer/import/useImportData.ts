// The import history and one batch's report, fetched again whenever `version` moves (an import, an undo,
// data/changed). A late answer to an older request is dropped.
import { useEffect, useState } from 'react';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { BatchReport, BatchSummary } from '../../core/contract/imports.js';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

export function useHistory(api: SpiegelApi, version: number): Loaded<BatchSummary[]> {
  const [state, setState] = useState<Loaded<BatchSummary[]>>({ status: 'loading' });
  useEffect(() => {
    let stale = false;
    void api.invoke('import/history', {}).then((r) => {
      if (stale) return;
      setState(r.ok ? { status: 'ready', value: r.value.batches } : { status: 'error', message: r.error.message });
    });
    return () => {
      stale = true;
    };
  }, [api, version]);
  return state;
}

export function useBatchReport(api: SpiegelApi, batchId: number | null, version: number): Loaded<BatchReport> | null {
  const [state, setState] = useState<{ id: number; loaded: Loaded<BatchReport> } | null>(null);
  useEffect(() => {
    if (batchId === null) return;
    let stale = false;
    void api.invoke('import/report', { batchId }).then((r) => {
      if (stale) return;
      setState({ id: batchId, loaded: r.ok ? { status: 'ready', value: r.value } : { status: 'error', message: r.error.message } });
    });
    return () => {
      stale = true;
    };
  }, [api, batchId, version]);
  if (batchId === null) return null;
  // Keep showing the previous answer for this batch while a refetch runs; another batch shows "loading".
  return state?.id === batchId ? state.loaded : { status: 'loading' };
}
