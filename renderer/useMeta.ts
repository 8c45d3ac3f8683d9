import { useEffect, useState } from 'react';
import type { SpiegelApi } from '../core/contract/api.js';
import type { DimensionsResult } from '../core/contract/methods.js';

/** Counts data/changed events so every view can refetch when an import lands. */
export function useDataVersion(api: SpiegelApi): number {
  const [version, setVersion] = useState(0);
  useEffect(() => api.onEvent((e) => e === 'data/changed' && setVersion((v) => v + 1)), [api]);
  return version;
}

export type MetaState = { status: 'loading' } | { status: 'error'; message: string; code: string } | { status: 'ready'; meta: DimensionsResult };

export function useMeta(api: SpiegelApi, version: number): MetaState {
  const [state, setState] = useState<MetaState>({ status: 'loading' });
  useEffect(() => {
    let stale = false;
    // A retry after a failure (e.g. a cancelled model rebuild) shows "loading", not the old failure.
    setState((s) => (s.status === 'error' ? { status: 'loading' } : s));
    void api.invoke('meta/dimensions', {}).then((r) => {
      if (stale) return;
      setState(r.ok ? { status: 'ready', meta: r.value } : { status: 'error', message: r.error.message, code: r.error.code });
    });
    return () => {
      stale = true;
    };
  }, [api, version]);
  return state;
}
