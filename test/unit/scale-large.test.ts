// The large-file check (build/scale-large-declaration.ts) at 1 MiB: it writes the file, imports it in a child
// process and compares what was stored with the generator's count. No timing or memory assertion: those are
// measured by `npm run scale:large` (docs/BENCHMARKS.md), never asserted in tests.
import { describe, expect, it } from 'vitest';
import { formatScaleLarge, runScaleLarge } from '../../build/scale-large-declaration.js';

describe('scale:large', () => {
  it('writes a declaration, imports it in a child process and finds every line and the total stored', () => {
    const r = runScaleLarge({ mb: 1, seed: 3 });
    expect(r.ok).toBe(true);
    expect(r.file.bytes).toBeGreaterThanOrEqual(1024 * 1024);
    expect(r.file.lines).toBeGreaterThan(r.file.clients);
    expect(r.stored).toEqual({ lines: r.file.lines, total: r.file.total, clients: r.file.clients });
    expect(r.import.maxRssMiB).toBeGreaterThan(0);
    expect(r.import.cpuSeconds).toBeGreaterThan(0);
    expect(formatScaleLarge(r)).toContain('equal to the truth');
  }, 120_000);
});
