// The time left shown during an import, worked out by hand.
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from './importer.js';
import { importStatus } from './progress.js';

const progress = (bytesDone: number): ImportProgress => ({
  phase: 'storing', filesTotal: 40, filesDone: 10, bytesTotal: 100_000, bytesDone, messages: 10, rejected: 0,
});

describe('import/status', () => {
  it('estimates the time left from the rate so far', () => {
    // 25,000 of 100,000 bytes in the 10 s up to the last report: 2.5 bytes/ms, 75,000 left → 30 s.
    const s = importStatus(progress(25_000), true, { started: 1_000, updated: 11_000 }, 12_500);
    expect([s.elapsedMs, s.etaMs]).toEqual([11_500, 30_000]);
  });

  it('gives no estimate before 2 % is done, nor once the import has ended', () => {
    expect(importStatus(progress(1_999), true, { started: 0, updated: 5_000 }, 6_000).etaMs).toBeNull();
    expect(importStatus(progress(2_000), true, { started: 0, updated: 5_000 }, 6_000).etaMs).toBe(245_000);
    const done = importStatus(progress(100_000), false, { started: 0, updated: 8_000 }, 60_000);
    expect([done.elapsedMs, done.etaMs]).toEqual([8_000, null]);
  });

  it('is idle before any import', () => {
    expect(importStatus(null, false, { started: 0, updated: 0 }, 5)).toMatchObject({ running: false, phase: 'idle', etaMs: null });
  });
});
