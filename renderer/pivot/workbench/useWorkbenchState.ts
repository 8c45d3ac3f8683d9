// The working pivot's state, mirrored into the URL hash (replaceState: a tweak is no history entry) and
// into sessionStorage, so coming back through the header's plain "#pivot" link finds it again.
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_STATE, stateFromHash, stateToHash, type WorkbenchState } from './hashState.js';

const KEY = 'spiegel.pivot';

function initial(): WorkbenchState {
  return stateFromHash(location.hash) ?? stateFromHash(sessionStorage.getItem(KEY) ?? '') ?? DEFAULT_STATE;
}

export function useWorkbenchState(): [WorkbenchState, (update: (s: WorkbenchState) => WorkbenchState) => void] {
  const [state, setState] = useState<WorkbenchState>(initial);

  useEffect(() => {
    const hash = stateToHash(state);
    sessionStorage.setItem(KEY, hash);
    if (location.hash !== hash) history.replaceState(history.state, '', location.pathname + location.search + hash);
  }, [state]);

  // A pasted or edited link while the view is open.
  useEffect(() => {
    const onHash = () => {
      const next = stateFromHash(location.hash);
      if (next) setState(next);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const update = useCallback((f: (s: WorkbenchState) => WorkbenchState) => setState(f), []);
  return [state, update];
}
