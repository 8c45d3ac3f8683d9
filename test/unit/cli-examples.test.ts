// The official iJw 3.2 examples through the real `spiegel` CLI, as the walking-skeleton issue asks.
import type { PivotResult } from '../../core/contract/pivot.js';
import { leaves } from '../fixtures/truth-compare.js';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../fixtures/import/examples.js';
import { spiegel } from './cli-helpers.js';

const PERSONAL = ['999900006', '999900018', 'Galen', 'Van Woustraat', 'Kerklaan', 'abc@def.com', '0201234567'];
let dir: string;
let common: string[];
const examples = ['JW301', 'JW305', 'JW307'].map((c) => join(EXAMPLES_DIR, `${c}.xml`));
const output: string[] = [];

async function run(args: string[]) {
  const r = await spiegel(args);
  output.push(r.stdout, r.stderr);
  return r;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-ex-'));
  common = ['--db', join(dir, 'ex.db'), '--home', join(dir, 'home')];
});

describe('spiegel import of the official examples', () => {
  it('imports JW301, JW305 and JW307, and a second import changes no figure', async () => {
    const first = await run(['import', ...examples, ...common]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/JW301\.xml: ingelezen \(JW301\), 1 berichten nieuw/);
    const pivot = () => run(['pivot', ...common, '--rows', 'municipality,segment', '--cols', 'year', '--no-suppression', '--format', 'json']);
    const before = JSON.parse((await pivot()).stdout) as PivotResult;
    // The examples are separate illustrations: the start/stop (receiver 0363) do not match the JW301 (0384),
    // so the period stands alone: 2026-04-03..2026-07-17 in 0363 (Amsterdam), category 55 → overig.
    const view = leaves(before);
    expect(view.rowKeys).toEqual([['0363', 'overig']]);
    expect(view.colKeys).toEqual([['2026']]);
    expect(view.grandTotal.clients).toBe(1);
    const again = await run(['import', ...examples, ...common]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/JW301\.xml: al bekend/);
    expect(JSON.parse((await pivot()).stdout)).toEqual(before);
  });

  it('rejects JW315.xml naming the file, the line, ToewijzingEinddatum and 2027-06-31, storing nothing of it', async () => {
    const r = await run(['import', join(EXAMPLES_DIR, 'JW315.xml'), ...common]);
    expect(r.code).toBe(1);
    const line = r.stderr.trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/JW315\.xml:\d+ <ToewijzingEinddatum>: .*2027-06-31/);
  });

  it('leaves no BSN, name or address in the database files or the output', () => {
    const files = ['ex.db', 'ex.db-wal', 'ex.db-shm'].map((f) => join(dir, f)).filter(existsSync);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file).toString('latin1');
      for (const p of PERSONAL) expect(bytes.includes(p), `${p} in ${file}`).toBe(false);
    }
    const log = output.join('\n');
    for (const p of PERSONAL) expect(log.includes(p), `${p} in CLI output`).toBe(false);
  });
});

describe('a rejected file never echoes personal data', () => {
  it('leaves the value of an invalid Bsn out of the report and the output', async () => {
    const d = mkdtempSync(join(tmpdir(), 'spiegel-bsn-'));
    const bad = readFileSync(join(EXAMPLES_DIR, 'JW301.xml'), 'utf8').replace('<jw301:Bsn>999900006</jw301:Bsn>', '<jw301:Bsn>99990000X</jw301:Bsn>');
    writeFileSync(join(d, 'bad.xml'), bad);
    const r = await spiegel(['import', join(d, 'bad.xml'), '--db', join(d, 'x.db'), '--home', join(d, 'home')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.xml:\d+ <Bsn>/);
    expect(r.stdout + r.stderr).not.toContain('99990000X');
  });
});
