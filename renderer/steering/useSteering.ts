// The indicators and their series (indicators/series), refetched when the data change or an indicator is
// saved, deleted or a month closed (`bump`). Deleting goes through indicators/delete and then refetches, so
// what is shown is what the database holds.
import { useCallback, useState } from 'react';
import type { SpiegelApi } from '../../core/contract/api.js';
import { useCall } from '../flows/useCall.js';

export function useSteering(api: SpiegelApi, version: number, suppress: boolean) {
  const [bump, setBump] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const v = version + bump; // both only grow: any change is a new number
  const series = useCall(api, 'indicators/series', { suppress }, v);
  const months = useCall(api, 'months/list', {}, v);
  const refresh = useCallback(() => setBump((b) => b + 1), []);
  const remove = useCallback(
    async (id: number) => {
      const r = await api.invoke('indicators/delete', { id });
      setError(r.ok ? null : r.error.message);
      refresh();
    },
    [api, refresh],
  );
  const close = useCallback(
    async (month: string) => {
      const r = await api.invoke('months/close', { month });
      setError(r.ok ? null : r.error.message);
      refresh();
      return r.ok;
    },
    [api, refresh],
  );
  const reopen = useCallback(
    async (month: string) => {
      const r = await api.invoke('months/reopen', { month });
      setError(r.ok ? null : r.error.message);
      refresh();
    },
    [api, refresh],
  );
  return { series, months, error, refresh, remove, close, reopen };
}
