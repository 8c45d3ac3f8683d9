// A view's state mirrored into the URL hash (replaceState: a tweak is no history entry) and into
// sessionStorage, so the header's plain "#view" link finds it again; a pasted or edited link while the view
// is open replaces it. The pivot, flows and stacking views each keep their state this way.
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';

export interface HashCodec<S> {
  storageKey: string;
  fromHash(hash: string): S | null;
  toHash(state: S): string;
  fallback: S;
}

export function useHashState<S>(codec: HashCodec<S>): [S, Dispatch<SetStateAction<S>>] {
  const [state, setState] = useState<S>(
    () => codec.fromHash(location.hash) ?? codec.fromHash(sessionStorage.getItem(codec.storageKey) ?? '') ?? codec.fallback,
  );

  useEffect(() => {
    const hash = codec.toHash(state);
    sessionStorage.setItem(codec.storageKey, hash);
    if (location.hash !== hash) history.replaceState(history.state, '', location.pathname + location.search + hash);
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
