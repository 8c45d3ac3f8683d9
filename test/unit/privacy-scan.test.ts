// The privacy promise, checked on the bytes: import a generated region whose messages carry BSNs, names and
// addresses, then scan everything Spiegel leaves behind — the SQLite file with its WAL and SHM, the home
// folder, backups, what the CLI printed (its only log), every export format, the reports and the drill-through
// — for any of them. The values are taken from the XML here, independently of the importer. Then
// `spiegel erase` removes every file, and nothing of the data is left on disk. The CLI runs in this process
// (its main(), stdout and stderr captured): the same code as the bin, without a second start-up per command.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../../core/registry.js';
import { writeRegion } from '../../data/generate/region.js';
import { createService } from '../../data/service.js';
import { main } from '../../data/cli/main.js';

let work: string;
let region: string;
let db: string;
let home: string;
/** Personal values found in the input, by kind. */
const secrets = { bsn: new Set<string>(), name: new Set<string>(), street: new Set<string>(), postcode: new Set<string>() };
/** Everything Spiegel printed or handed out, by where it came from. */
const outputs: { where: string; text: string }[] = [];

function xmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xml')).map((f) => join(dir, f));
}

function collect(xml: string): void {
  const values = (element: string) => [...xml.matchAll(new RegExp(`<(?:\\w+:)?${element}>([^<]+)</`, 'g'))].map((m) => m[1]!);
  for (const v of values('Bsn')) secrets.bsn.add(v);
  for (const v of [...values('Achternaam'), ...values('Voornamen')]) secrets.name.add(v);
  for (const v of values('Straatnaam')) secrets.street.add(v);
  for (const v of values('Postcode')) secrets.postcode.add(v);
}

/** Hits of any personal value in a text; names and streets as whole words (a name inside a longer word is not one). */
function hits(text: string): string[] {
  const found: string[] = [];
  for (const v of secrets.bsn) if (text.includes(v)) found.push(`BSN ${v}`);
  for (const v of secrets.postcode) if (text.includes(v)) found.push(`postcode ${v}`);
  for (const [kind, set] of [['name', secrets.name], ['street', secrets.street]] as const) {
    for (const v of set) if (new RegExp(`(?<![\\p{L}])${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(text)) found.push(`${kind} ${v}`);
  }
  return found;
}

/** Every file under a folder (recursively), as text: SQLite stores TEXT as UTF-8, so a raw scan finds it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

/** Runs `spiegel ARGS` in this process and returns its exit code and what it wrote. */
async function spiegel(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const write = { stdout: process.stdout.write, stderr: process.stderr.write };
  process.stdout.write = ((chunk: string | Uint8Array) => ((out.stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((out.stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    return { code: await main(args), ...out };
  } finally {
    process.stdout.write = write.stdout;
    process.stderr.write = write.stderr;
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'spiegel-privacy-'));
  region = join(work, 'region');
  db = join(work, 'data', 'spiegel.db');
  home = join(work, 'home');
  mkdirSync(join(work, 'data'));
  await writeRegion(region, { seed: 5, scale: 0.005 });
  // Only the first months: enough children for every kind of message, quick to import.
  for (const month of readdirSync(region).filter((m) => /^\d{4}-\d{2}$/.test(m)).sort().slice(6)) rmSync(join(region, month), { recursive: true });
  const files = xmlFiles(region);
  for (const f of files) collect(readFileSync(f, 'utf8'));
  // One file the validator rejects because of a BSN of the wrong length: its error message quotes the value.
  const original = readFileSync(files.find((f) => readFileSync(f, 'utf8').includes('jw301:Bsn'))!, 'utf8');
  const badBsn = '987654321012';
  writeFileSync(join(region, 'bad-bsn.xml'), original.replace(/<jw301:Bsn>\d+<\/jw301:Bsn>/, `<jw301:Bsn>${badBsn}</jw301:Bsn>`));
  secrets.bsn.add(badBsn);

  const run = async (args: string[]) => {
    const r = await spiegel(args);
    outputs.push({ where: `spiegel ${args[0]} (stdout)`, text: r.stdout }, { where: `spiegel ${args[0]} (stderr)`, text: r.stderr });
    return r;
  };
  const imported = await run(['import', region, '--db', db, '--home', home]);
  expect(imported.code, imported.stderr).toBe(1); // 1: one file (bad-bsn.xml) was rejected, the rest imported
  expect((await run(['report', '1', '--db', db, '--home', home])).code).toBe(0);
  // The CLI's own format (CSV and JSON are the export's and the contract's, scanned below).
  expect((await run(['pivot', '--rows', 'provider,municipality', '--cols', 'year', '--format', 'table', '--db', db, '--home', home])).code).toBe(0);

  const service = createService({ dbFile: db, home });
  try {
    const report = await service['import/report']({ batchId: 1 });
    outputs.push({ where: 'import/report', text: JSON.stringify(report) });
    for (const dim of DIMENSIONS) {
      for (const format of ['csv', 'xlsx'] as const) {
        const out = await service['export/pivot']({ query: { rows: [dim], measures: ['clients', 'claimed'] }, format });
        const text = format === 'csv'
          ? new TextDecoder().decode(out.bytes)
          : Object.values(unzipSync(out.bytes)).map((b) => new TextDecoder().decode(b)).join('\n');
        outputs.push({ where: `export ${format} rows=${dim}`, text });
      }
    }
    const drill = await service['query/drill']({ query: { rows: ['provider'] }, row: [], col: [], limit: 5000 });
    outputs.push({ where: 'query/drill', text: JSON.stringify(drill) });
    outputs.push({ where: 'meta/dimensions', text: JSON.stringify(await service['meta/dimensions']({})) });
  } finally {
    service.close();
  }
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('no BSN, name or address survives the import', () => {
  it('had personal data to look for', () => {
    expect(secrets.bsn.size).toBeGreaterThan(20);
    expect(secrets.name.size).toBeGreaterThan(10);
    expect(secrets.street.size).toBeGreaterThan(3);
    expect(secrets.postcode.size).toBeGreaterThan(20);
    // The scan itself finds them where they are: in the input.
    expect(hits(readFileSync(xmlFiles(region)[0]!, 'utf8')).length).toBeGreaterThan(0);
  });

  it('leaves none in the database, its WAL and SHM, backups or anything in home', () => {
    const scanned = [...filesUnder(join(work, 'data')), ...filesUnder(home)];
    expect(scanned.map((f) => f.slice(work.length))).toEqual(expect.arrayContaining(['/data/spiegel.db', '/home/pseudonym.key']));
    for (const file of scanned) expect(hits(readFileSync(file).toString('utf8')), file).toEqual([]);
    for (const file of scanned) expect(hits(readFileSync(file).toString('latin1')), file).toEqual([]);
  });

  it('prints none in the CLI output (its log), reports, exports (CSV, XLSX, table, JSON) or drill-through', () => {
    expect(outputs.length).toBeGreaterThan(2 * DIMENSIONS.length);
    expect(outputs.find((o) => o.where === 'import/report')?.text).toContain('bad-bsn.xml'); // the rejected file is reported…
    for (const o of outputs) expect(hits(o.text), o.where).toEqual([]); // …without the value that was wrong
  });
});

describe('spiegel erase', () => {
  it('lists what it would remove without --yes, and removes nothing', async () => {
    const r = await spiegel(['erase', '--db', db, '--home', home]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(db);
    expect(r.stdout).toContain(join(home, 'pseudonym.key'));
    expect(existsSync(db)).toBe(true);
  });

  it('removes the database, its side files, the key and the home folder; no data is left', async () => {
    const r = await spiegel(['erase', '--db', db, '--home', home, '--yes']);
    expect(r.code).toBe(0);
    for (const gone of [db, `${db}-wal`, `${db}-shm`, join(home, 'pseudonym.key'), home]) expect(existsSync(gone), gone).toBe(false);
    // The folder the analyst chose for the database stays (it is theirs), empty of Spiegel's files.
    expect(readdirSync(join(work, 'data'))).toEqual([]);
  });
});
