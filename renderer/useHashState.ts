// A view's state mirrored into the URL hash (replaceState: a tweak is no history entry) and into
// sessionStorage, so the header's plain "#view" link finds it again; a pasted or edited link while the view
// is open replaces it. The pivot, flows and stacking views each keep their state this way.
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { viewOfHash } from './useView.js';

export interface HashCodec<S> {
  storageKey: string;
  fromHash(hash: string): S | null;
  toHash(state: S): string;
  fallback: S;
}

/** Whether a view may write its state `next` over the hash `current`: only while the hash still opens that view.
 *  A click on another view's link can land between a view's first paint and its effect that writes the hash;
 *  writing then put the old view back in the hash, and the click was lost (seen in end-to-end runs on CI). */
export function mayMirror(current: string, next: string): boolean {
  return current !== next && viewOfHash(current) === viewOfHash(next);
}

export function useHashState<S>(codec: HashCodec<S>): [S, Dispatch<SetStateAction<S>>] {
  const [state, setState] = useState<S>(
    () => codec.fromHash(location.hash) ?? codec.fromHash(sessionStorage.getItem(codec.storageKey) ?? '') ?? codec.fallback,
  );

  useEffect(() => {
    const hash = codec.toHash(state);
    sessionStorage.setItem(codec.storageKey, hash);
    if (mayMirror(location.hash, hash)) history.replaceState(history.state, '', location.pathname + location.search + hash);
  }, [codec, state]);

  useEffect(() => {
    const onHash = () => {
      const next = codec.fromHash(location.hash);
      if (next) setState(next);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [codec]);

  return [state, setState];
}
