import { describe, expect, it } from 'vitest';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { Result } from '../../core/contract/envelope.js';
import { trackCalls } from './trackCalls.js';

/** An API whose calls answer only when the test says so, to watch the count while they wait. */
function heldApi() {
  const waiting: { method: string; answer: (r: Result<unknown>) => void }[] = [];
  const api: SpiegelApi = {
    invoke: (method) => new Promise((resolve) => waiting.push({ method, answer: resolve as (r: Result<unknown>) => void })),
    onEvent: () => () => undefined,
  };
  return { api, waiting };
}

describe('trackCalls', () => {
  it('knows when the oldest waiting call was sent, and forgets a call once it has its answer (also a failure)', async () => {
    const { api, waiting } = heldApi();
    let clock = 100;
    const tracker = trackCalls(api, () => clock);
    let notified = 0;
    tracker.subscribe(() => notified++);
    expect(tracker.oldestPending()).toBeNull();

    const first = tracker.api.invoke('meta/dimensions', {});
    clock = 250;
    const second = tracker.api.invoke('export/pivot', { query: { rows: ['year'] }, format: 'csv', lang: 'nl', collapsed: [] } as never);
    expect(tracker.oldestPending()).toBe(100);
    expect(notified).toBe(2);

    waiting[0]!.answer({ ok: false, error: { code: 'cancelled', message: 'model cancelled' } });
    expect(await first).toEqual({ ok: false, error: { code: 'cancelled', message: 'model cancelled' } });
    expect(tracker.oldestPending()).toBe(250);
    waiting[1]!.answer({ ok: true, value: 'done' });
    await second;
    expect(tracker.oldestPending()).toBeNull();
    expect(notified).toBe(4);
  });

  it('does not count its own polling, the cancel, or the import (which shows its own progress)', () => {
    const { api, waiting } = heldApi();
    const tracker = trackCalls(api, () => 1);
    void tracker.api.invoke('work/status', {});
    void tracker.api.invoke('work/cancel', {});
    void tracker.api.invoke('import/status', {});
    void tracker.api.invoke('import/files', { paths: ['/x'] } as never);
    expect(waiting.map((w) => w.method)).toEqual(['work/status', 'work/cancel', 'import/status', 'import/files']);
    expect(tracker.oldestPending()).toBeNull();
  });

  it('stops telling a listener that unsubscribed', () => {
    const { api } = heldApi();
    const tracker = trackCalls(api, () => 1);
    let notified = 0;
    const stop = tracker.subscribe(() => notified++);
    stop();
    void tracker.api.invoke('meta/dimensions', {});
    expect(notified).toBe(0);
  });
});
