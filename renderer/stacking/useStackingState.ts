// The stacking view's state, kept in the URL hash and sessionStorage (renderer/useHashState.ts).
import { useCallback } from 'react';
import { useHashState, type HashCodec } from '../useHashState.js';
import { DEFAULT_STACKING, stateFromHash, stateToHash, type StackingState } from './stackingState.js';

const CODEC: HashCodec<StackingState> = { storageKey: 'spiegel.stacking', fromHash: stateFromHash, toHash: stateToHash, fallback: DEFAULT_STACKING };

export function useStackingState(): [StackingState, (patch: Partial<StackingState>) => void] {
  const [state, setState] = useHashState(CODEC);
  const update = useCallback((patch: Partial<StackingState>) => setState((s) => ({ ...s, ...patch })), [setState]);
  return [state, update];
}
