// The working pivot's state, kept in the URL hash and sessionStorage (renderer/useHashState.ts).
import { useCallback } from 'react';
import { useHashState, type HashCodec } from '../../useHashState.js';
import { DEFAULT_STATE, stateFromHash, stateToHash, type WorkbenchState } from './hashState.js';

const CODEC: HashCodec<WorkbenchState> = { storageKey: 'spiegel.pivot', fromHash: stateFromHash, toHash: stateToHash, fallback: DEFAULT_STATE };

export function useWorkbenchState(): [WorkbenchState, (update: (s: WorkbenchState) => WorkbenchState) => void] {
  const [state, setState] = useHashState(CODEC);
  const update = useCallback((f: (s: WorkbenchState) => WorkbenchState) => setState(f), [setState]);
  return [state, update];
}
