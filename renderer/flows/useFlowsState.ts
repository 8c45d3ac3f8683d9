// The flows view's state, kept in the URL hash and sessionStorage (renderer/useHashState.ts).
import { useCallback } from 'react';
import { useHashState, type HashCodec } from '../useHashState.js';
import { DEFAULT_FLOWS, stateFromHash, stateToHash, type FlowsState } from './flowsState.js';

const CODEC: HashCodec<FlowsState> = { storageKey: 'spiegel.flows', fromHash: stateFromHash, toHash: stateToHash, fallback: DEFAULT_FLOWS };

export function useFlowsState(): [FlowsState, (patch: Partial<FlowsState> | ((s: FlowsState) => FlowsState)) => void] {
  const [state, setState] = useHashState(CODEC);
  const update = useCallback(
    (patch: Partial<FlowsState> | ((s: FlowsState) => FlowsState)) => setState((s) => (typeof patch === 'function' ? patch(s) : { ...s, ...patch })),
    [setState],
  );
  return [state, update];
}
