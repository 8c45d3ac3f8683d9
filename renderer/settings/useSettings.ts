// The settings of the open store (settings/get), refetched when the data changes; set() stores and returns them.
import { useCallback, useEffect, useState } from 'react';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { SettingsResult, SettingsSetArgs } from '../../core/contract/settings.js';

export type SettingsState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: SettingsResult };

export function useSettings(api: SpiegelApi, version: number) {
  const [state, setState] = useState<SettingsState>({ status: 'loading' });
  useEffect(() => {
    let stale = false;
    void api.invoke('settings/get', {}).then((r) => {
      if (!stale) setState(r.ok ? { status: 'ready', value: r.value } : { status: 'error', message: r.error.message });
    });
    return () => {
      stale = true;
    };
  }, [api, version]);
  /** Stores the given settings; returns an error message or null. */
  const set = useCallback(
    async (args: SettingsSetArgs): Promise<string | null> => {
      const r = await api.invoke('settings/set', args);
      if (!r.ok) return r.error.message;
      setState({ status: 'ready', value: r.value });
      return null;
    },
    [api],
  );
  return { state, set };
}
