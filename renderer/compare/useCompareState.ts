// The compare view's state, kept in the URL hash and sessionStorage (renderer/useHashState.ts).
import { useCallback } from 'react';
import { useHashState, type HashCodec } from '../useHashState.js';
import { DEFAULT_COMPARE, stateFromHash, stateToHash, type CompareState } from './compareState.js';

const CODEC: HashCodec<CompareState> = { storageKey: 'spiegel.compare', fromHash: stateFromHash, toHash: stateToHash, fallback: DEFAULT_COMPARE };

export function useCompareState(): [CompareState, (patch: Partial<CompareState>) => void] {
  const [state, setState] = useHashState(CODEC);
  const update = useCallback((patch: Partial<CompareState>) => setState((s) => ({ ...s, ...patch })), [setState]);
  return [state, update];
}
