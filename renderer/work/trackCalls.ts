// Counts the calls to the data process that are still waiting for their answer, so one strip for the whole
// app (WorkProgress.tsx) can show the progress of long work without every view wiring it up. The views keep
// calling api.invoke as before; they get this wrapper instead of the bare API.
import type { SpiegelApi } from '../../core/contract/api.js';
import type { MethodName } from '../../core/contract/methods.js';

// Not counted: the strip's own polling and cancel, and the import, which has its own progress (ImportProgress).
const UNTRACKED: ReadonlySet<MethodName> = new Set<MethodName>(['work/status', 'work/cancel', 'import/status', 'import/cancel', 'import/files']);

export interface CallTracker {
  /** The API to hand to the views: the same calls, counted. */
  api: SpiegelApi;
  /** When the oldest call still waiting was sent (the clock passed in), or null when none waits. */
  oldestPending(): number | null;
  /** Called whenever a counted call starts or ends. */
  subscribe(listener: () => void): () => void;
}

export function trackCalls(inner: SpiegelApi, now: () => number = () => performance.now()): CallTracker {
  const pending = new Map<number, number>(); // call id → when it was sent
  const listeners = new Set<() => void>();
  let nextId = 1;
  const notify = () => {
    for (const l of listeners) l();
  };
  return {
    api: {
      async invoke(method, args) {
        if (UNTRACKED.has(method)) return inner.invoke(method, args);
        const id = nextId++;
        pending.set(id, now());
        notify();
        try {
          return await inner.invoke(method, args);
        } finally {
          pending.delete(id);
          notify();
        }
      },
      onEvent: (listener) => inner.onEvent(listener),
    },
    oldestPending() {
      let oldest: number | null = null;
      for (const t of pending.values()) if (oldest === null || t < oldest) oldest = t;
      return oldest;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
