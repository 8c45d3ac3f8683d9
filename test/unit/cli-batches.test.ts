// spiegel import --source / history / report / undo on the 14 official examples, through the real CLI.
import type { PivotResult } from '../../core/contract/pivot.js';
import { leaves } from '../fixtures/truth-compare.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, EXAMPLE_CODES } from '../fixtures/import/examples.js';
import { spiegel } from './cli-helpers.js';

let dir: string;
let common: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-cli-batches-'));
  common = ['--db', join(dir, 'b.db'), '--home', join(dir, 'home')];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('spiegel history, report and undo', () => {
  it('reports the examples per type, names the two rejected files, and undoes the batch', async () => {
    const files = EXAMPLE_CODES.map((c) => join(EXAMPLES_DIR, `${c}.xml`));
    const imported = await spiegel(['import', ...files, '--source', 'voorbeelden', ...common]);
    expect(imported.code).toBe(1); // two of fourteen rejected
    // The report: each example is one file with one message; JW315 and JW318 are rejected (SOURCES.md quirks).
    expect(imported.stdout).toMatch(/batch 1 .* voorbeelden {2}14 bestanden, 12 nieuw, 0 al bekend, 2 afgewezen/);
    expect(imported.stdout).toMatch(/^JW301\s+1\s+1\s+2$/m); // the example has two ToegewezenProduct elements
    expect(imported.stdout).toMatch(/JW315\.xml:\d+ <ToewijzingEinddatum>: .*2027-06-31/);
    expect(imported.stdout).toMatch(/JW318\.xml:\d+ </);
    // The data checks: JW301's two assignments of 0384 (Ingangsdatum 2026-04-01) never get a JW305 of 0384 —
    // the example start is addressed to 0363 — and the peildatum lies more than 60 days later.
    expect(imported.stdout).toMatch(/^ {2}not-started-60d: 2$/m);
    expect(imported.stdout).toMatch(/ToewijzingNummer 300201: Ingangsdatum 2026-04-01/);

    const history = await spiegel(['history', ...common]);
    expect(history.stdout).toMatch(/^batch 1 .* 12 berichten in gebruik$/m);
    const report = await spiegel(['report', '1', ...common]);
    expect(report.stdout).toContain('afgewezen bestanden (2):');

    const undo = await spiegel(['undo', '1', ...common]);
    expect(undo.stdout).toMatch(/batch 1 ongedaan gemaakt: 12 berichten verwijderd, 0 behouden/);
    const pivot = await spiegel(['pivot', '--rows', 'year', '--no-suppression', '--format', 'json', ...common]);
    expect(leaves(JSON.parse(pivot.stdout) as PivotResult).grandTotal.clients).toBe(0);
    const again = await spiegel(['undo', '1', ...common]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already undone/);
    const none = await spiegel(['report', 'x', ...common]);
    expect(none.stderr).toMatch(/needs a batch number/);
  }, 120_000);
});
