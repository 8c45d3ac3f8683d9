// The import benchmark (build/bench-import.ts) at a tiny scale: every field of the report is there and
// sane. No timing assertion: performance is measured by `npm run bench:import`, never asserted in tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport, runImportBench } from '../../build/bench-import.js';

const root = mkdtempSync(join(tmpdir(), 'spiegel-bench-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bench:import', () => {
  it('reports corpus, throughput overall and per type, peak RSS, xmllint time and the ratio', async () => {
    const r = await runImportBench({ seed: 3, scale: 0.001, corpusRoot: root });
    expect(r.corpus).toMatchObject({ name: 'seed3-scale0.001', seed: 3, scale: 0.001 });
    expect(r.corpus.files).toBeGreaterThan(0);
    expect(Object.values(r.corpus.messagesByType).reduce((a, b) => a + b, 0)).toBe(r.corpus.files);
    for (const t of [r.import, ...(r.perType ?? [])]) {
      for (const k of ['files', 'messages', 'bytes', 'seconds', 'mbPerSecond', 'messagesPerSecond'] as const) expect(t[k]).toBeGreaterThan(0);
    }
    expect(r.perType?.map((t) => t.code)).toEqual(Object.keys(r.corpus.messagesByType));
    expect(r.import.statuses.rejected ?? 0).toBe(0);
    expect(r.import.maxRssMiB).toBeGreaterThan(0);
    expect(r.xmllint.seconds).toBeGreaterThan(0);
    expect(r.xmllint.invalid).toBe(0);
    expect(r.ratio).toBeCloseTo(r.import.seconds / r.xmllint.seconds);
    expect(r.machine.nproc).toBeGreaterThan(0);
    expect(formatReport(r)).toContain('ratio Spiegel import / xmllint');
  }, 180_000);
});
