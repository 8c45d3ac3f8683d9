// Runs one contract call for the flows views: ~150 ms after the last change of its arguments, again when
// the data change, and an answer to arguments that have since changed is dropped. The last good answer stays
// on screen while the next is on its way (busy); a failure clears it, so old figures never pass as the answer.
import { useEffect, useState } from 'react';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { ArgsOf, MethodName, ResultOf } from '../../core/contract/methods.js';

const DEBOUNCE_MS = 150;

export interface CallState<T> {
  result: T | null;
  error: string | null;
  busy: boolean;
}

/** `args` null: nothing to ask yet (the call waits). */
export function useCall<M extends MethodName>(api: SpiegelApi, method: M, args: ArgsOf<M> | null, version: number): CallState<ResultOf<M>> {
  const [state, setState] = useState<CallState<ResultOf<M>>>({ result: null, error: null, busy: args !== null });
  const key = args === null ? null : JSON.stringify(args);
  useEffect(() => {
    if (key === null) return;
    let stale = false;
    setState((s) => (s.busy ? s : { ...s, busy: true }));
    const timer = setTimeout(() => {
      void api.invoke(method, JSON.parse(key) as ArgsOf<M>).then((r) => {
        if (stale) return;
        setState(r.ok ? { result: r.value, error: null, busy: false } : { result: null, error: r.error.message, busy: false });
      });
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [api, method, key, version]);
  return state;
}
