// Whether a population table is loaded: per 1,000 youth needs one, and the toggle says so when it is not.
import { useEffect, useState } from 'react';
import type { SpiegelApi } from '../../../core/contract/api.js';

export function usePopulation(api: SpiegelApi, version: number): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    let stale = false;
    void api.invoke('tables/list', {}).then((r) => {
      if (!stale) setHas(r.ok && r.value.tables.some((t) => t.kind === 'population' && t.rows > 0));
    });
    return () => {
      stale = true;
    };
  }, [api, version]);
  return has;
}
