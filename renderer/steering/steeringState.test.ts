// The steering view's hash: its state round-trips, #steering?report=1 opens the report, and the header's bare
// "#steering" link returns to the view (keeping the chosen indicators and suppression), never to the report.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_STEERING, stateFromHash, stateToHash } from './steeringState.js';

describe('steering state in the hash', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    vi.stubGlobal('sessionStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) });
  });

  it('round-trips and reads the short report link', () => {
    const s = { report: true, ids: [3, 1], suppress: false };
    expect(stateFromHash(stateToHash(s))).toEqual(s);
    expect(stateFromHash('#steering?report=1')).toEqual({ ...DEFAULT_STEERING, report: true });
    expect(stateFromHash('#pivot?q=x')).toBeNull();
    expect(stateFromHash('#steering?s=%7B%22ids%22%3A%22x%22%7D')).toBeNull();
  });

  it('opens the view, not the report, from the bare link', () => {
    expect(stateFromHash('#steering')).toEqual(DEFAULT_STEERING);
    sessionStorage.setItem('spiegel.steering', stateToHash({ report: true, ids: [2], suppress: false }));
    expect(stateFromHash('#steering')).toEqual({ report: false, ids: [2], suppress: false });
  });
});
