// The large-file JW323 import (data/import/large.ts) at small size: a ~3 MB generated declaration, cut into
// small parts, must store exactly what the small path stores, report the small path's errors at the same lines,
// and leave nothing behind when it fails or is cancelled. Figures come from the generator's own count
// (build/large-declaration.ts) and from line numbers counted in the file text here, never from the importer.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeLargeDeclaration, type LargeDeclarationTruth } from '../../build/large-declaration.js';
import { ImportFileError, reportableError, type FileError } from '../../data/import/errors.js';
import { importFiles } from '../../data/import/importer.js';
import { ImportCancelled, importLargeFile, isLargeCandidate, type LargeFileContext, type LargeFileOutcome } from '../../data/import/large.js';
import { PartValidator } from '../../data/import/large-validate.js';
import { Store } from '../../data/import/store.js';
import { exampleText } from '../fixtures/import/examples.js';
import { closeTempStore, openTempStore, type TempStore } from '../fixtures/import/store.js';

const PART = 256 * 1024; // ~12 parts in 3 xmllint calls for the 3 MB file
let files: TempStore; // holds the generated files (its database is not used)
let file: string;
let text: string;
let truth: LargeDeclarationTruth;
let a: TempStore;
let b: TempStore;

beforeAll(() => {
  files = openTempStore('spiegel-large-files-');
  file = join(files.dir, 'large.xml');
  truth = writeLargeDeclaration(file, { bytes: 3 * 1024 * 1024, seed: 7 });
  text = readFileSync(file, 'utf8');
});
afterAll(() => closeTempStore(files.db, files.dir));
beforeEach(() => {
  a = openTempStore('spiegel-large-a-');
  b = openTempStore('spiegel-large-b-');
  b.key = a.key; // one installation key: the same BSN gets the same pseudonym in both stores
});
afterEach(() => {
  vi.restoreAllMocks();
  closeTempStore(a.db, a.dir);
  closeTempStore(b.db, b.dir);
});

/** What the importer will do around importLargeFile: one transaction, a batch, the file row, a savepoint. */
async function importLarge(s: TempStore, path: string, extra: Partial<LargeFileContext> = {}): Promise<LargeFileOutcome> {
  const store = new Store(s.db);
  s.db.exec('BEGIN');
  const batchId = store.startBatch('2026-11-23T12:00:00Z', 'test');
  const fileId = store.addFile({ batchId, name: path, sha256: '-', size: 0, status: 'imported', messageCode: 'JW323' });
  s.db.exec('SAVEPOINT large_file');
  try {
    const outcome = await importLargeFile(path, { db: s.db, store, batchId, fileId, key: s.key, maxBytes: 64 * 1024 * 1024, partBytes: PART, ...extra });
    s.db.exec('RELEASE large_file');
    return outcome;
  } catch (e) {
    s.db.exec('ROLLBACK TO large_file');
    s.db.exec('RELEASE large_file');
    throw e;
  } finally {
    s.db.exec('COMMIT');
  }
}

async function importSmall(s: TempStore, path: string): ReturnType<typeof importFiles> {
  return importFiles(s.db, [{ name: path, bytes: new Uint8Array(readFileSync(path)) }], { key: s.key, appVersion: 'test' });
}

async function largeErrors(s: TempStore, path: string, extra: Partial<LargeFileContext> = {}): Promise<FileError[]> {
  const e: unknown = await importLarge(s, path, extra).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ImportFileError);
  return (e as ImportFileError).errors.map(reportableError);
}

const FACTS = ['message', 'message_batch', 'message_conflict', 'declaration', 'declaration_line', 'line_conflict'];
const facts = (db: Database.Database): Record<string, number> =>
  Object.fromEntries(FACTS.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
const nothing = Object.fromEntries(FACTS.map((t) => [t, 0]));
const lineRows = (db: Database.Database): unknown[] =>
  db.prepare(`SELECT municipality, provider, referentie_nummer, vorig_referentie_nummer, pseudonym, toewijzing_nr, product_category,
    product_code, periode_begin, periode_eind, volume, eenheid, tarief, bedrag, content_hash FROM declaration_line ORDER BY id`).all();

/** Writes `text` with `edits` applied ([search, replacement, occurrence from the end]) and returns the file
 *  and, per edit, the 1-based line it is on (counted here in the text). */
function variant(name: string, edits: [string, string, number][]): { path: string; lines: number[] } {
  let t = text;
  const lines: number[] = [];
  for (const [search, replacement, fromEnd] of edits) {
    let at = t.length;
    for (let i = 0; i <= fromEnd; i++) at = t.lastIndexOf(search, at - 1);
    expect(at).toBeGreaterThan(0);
    t = t.slice(0, at) + replacement + t.slice(at + search.length);
    lines.push(t.slice(0, at).split('\n').length);
  }
  const path = join(files.dir, name);
  writeFileSync(path, t);
  return { path, lines };
}

describe('importLargeFile', () => {
  it('stores the same lines, totals, hash and warnings as the small path, part by part', async () => {
    const validate = vi.spyOn(PartValidator.prototype, 'validate');
    const small = await importSmall(a, file);
    expect(small.files[0]).toMatchObject({ status: 'imported', messages: 1 });
    const large = await importLarge(b, file);
    const parts = validate.mock.calls.reduce((n, [docs]) => n + docs.length, 0);
    expect(parts).toBeGreaterThanOrEqual(10); // really cut: 3 MB in parts of 256 KiB
    expect(validate.mock.calls.length).toBeGreaterThanOrEqual(3);

    expect(large).toMatchObject({ code: 'JW323', messages: 1, skipped: 0 });
    expect(large.warnings).toEqual(small.warnings.map(({ code, detail }) => ({ code, detail })));
    // The generator's own count: every line, its signed total, one pseudonym per client, the orphans.
    const sums = b.db.prepare('SELECT count(*) AS n, sum(bedrag) AS total, count(DISTINCT pseudonym) AS clients, count(DISTINCT toewijzing_nr) AS nrs FROM declaration_line').get();
    expect(sums).toEqual({ n: truth.lines, total: truth.total, clients: truth.clients, nrs: truth.toewijzingen });
    expect(b.db.prepare('SELECT count(*) FROM declaration_line WHERE bedrag < 0').pluck().get()).toBe(truth.creditLines);
    expect(b.db.prepare('SELECT totaal_ingediend FROM declaration').pluck().get()).toBe(truth.total);
    expect(large.warnings[0]!.detail).toContain(`lines for ${truth.toewijzingen} ToewijzingNummer(s)`);
    // Exactly the small path's rows, and the same content hash: the same message either way.
    expect(lineRows(b.db)).toEqual(lineRows(a.db));
    const declaration = 'SELECT municipality, provider, declaratie_nummer, periode_begin, periode_eind, declaratie_dagtekening, totaal_ingediend FROM declaration';
    expect(b.db.prepare(declaration).all()).toEqual(a.db.prepare(declaration).all());
    const message = 'SELECT code, afzender, ontvanger, identificatie, dagtekening, content_hash, pseudonym FROM message';
    expect(b.db.prepare(message).all()).toEqual(a.db.prepare(message).all());
    expect(facts(b.db)).toEqual(facts(a.db));
    const firstBsn = /<jw323:Bsn>(\d+)</.exec(text)![1]!;
    b.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(b.dbFile).includes(Buffer.from(firstBsn))).toBe(false);
  }, 120_000);

  it('recognises a message imported by the small path (and the other way round), and a changed one as a conflict', async () => {
    await importSmall(a, file);
    const before = facts(a.db);
    const again = await importLarge(a, file);
    expect(again).toMatchObject({ messages: 0, skipped: 1, warnings: [{ code: 'duplicate' }] });
    expect(facts(a.db)).toEqual({ ...before, message_batch: 2 }); // the second batch holds the message too

    await importLarge(b, file);
    const small = await importSmall(b, file);
    expect(small.files[0]).toMatchObject({ status: 'duplicate', messages: 0, skipped: 1 });

    const changed = variant('changed.xml', [['<ijw:Bedrag>', '<ijw:Bedrag>1', 5]]).path;
    const conflict = await importLarge(a, changed);
    expect(conflict).toMatchObject({ messages: 0, skipped: 0, warnings: [{ code: 'conflict' }] });
    expect(facts(a.db)).toMatchObject({ message: 1, message_conflict: 1, declaration_line: truth.lines });
  }, 120_000);

  it('reports invalid values at the lines of the whole file, as the small path does, and keeps nothing', async () => {
    // One value in the head (validated with every part, reported once), one a tenth into the file, one deep in it.
    const { path, lines } = variant('invalid.xml', [
      ['<jw323:DeclaratieDagtekening>2026-05-06<', '<jw323:DeclaratieDagtekening>2026-13-06<', 0],
      ['<jw323:GeleverdVolume>', '<jw323:GeleverdVolume>x', Math.round(truth.lines * 0.9)],
      ['<jw323:ProductCode>', '<jw323:ProductCode>TOOLONG', Math.round(truth.lines * 0.2)],
    ]);
    expect(lines[2]! - lines[1]!).toBeGreaterThan(text.slice(0, 2 * PART).split('\n').length); // parts apart
    const errors = await largeErrors(b, path);
    expect(errors.map((e) => [e.line, e.element])).toEqual([
      [lines[0], 'DeclaratieDagtekening'],
      [lines[1], 'GeleverdVolume'],
      [lines[2], 'ProductCode'],
    ]);
    expect(errors.find((e) => e.element === 'GeleverdVolume')!.reason).toMatch(/^'x\d+' is not a valid value of the atomic type 'LDT_Volume'\.$/);
    const small = await importSmall(a, path);
    expect(small.files[0]!.status).toBe('rejected');
    expect(errors).toEqual(small.files[0]!.errors);
    expect(facts(b.db)).toEqual(nothing);
  }, 120_000);

  it('reports a well-formedness error deep in the file and a DOCTYPE like the small path', async () => {
    const broken = variant('broken.xml', [['</jw323:Bsn>', '</jw323:Bsnx>', 3]]);
    const errors = await largeErrors(b, broken.path);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(broken.lines[0]);
    expect(errors).toEqual((await importSmall(a, broken.path)).files[0]!.errors);

    const doctype = variant('doctype.xml', [['<jw323:Bericht xmlns', '<!DOCTYPE x [<!ENTITY e "e">]>\n<jw323:Bericht xmlns', 0]]);
    const refused = await largeErrors(b, doctype.path);
    expect(refused).toEqual([{ line: 2, element: null, reason: expect.stringContaining('DOCTYPE declaration is not allowed') }]);
    expect(refused).toEqual((await importSmall(a, doctype.path)).files[0]!.errors);
    expect(facts(b.db)).toEqual(nothing);
  }, 120_000);

  it('reads an iJw 3.1 file with its namespaces mapped, like the small path', async () => {
    const path = join(files.dir, 'v31.xml');
    writeFileSync(path, text.replaceAll('istandaarden.nl/ijw/3_2/', 'istandaarden.nl/ijw/3_1/'));
    const large = await importLarge(b, path);
    const small = await importSmall(a, path);
    expect(large.warnings.map((w) => w.code)).toEqual(['orphan-line', 'mapped-version']);
    expect(large.warnings).toEqual(small.warnings.map(({ code, detail }) => ({ code, detail })));
    expect(lineRows(b.db)).toEqual(lineRows(a.db));
    expect(b.db.prepare('SELECT count(*) FROM declaration_line').pluck().get()).toBe(truth.lines);
  }, 120_000);

  it('cuts by bytes, not characters: a byte order mark, CRLF line ends and non-ASCII values change nothing', async () => {
    let n = 0;
    const odd = `\uFEFF${text.replace(/<jw323:ProductCode>45A03</g, (m) => (n++ % 3 === 0 ? '<jw323:ProductCode>Zoë🚀<' : m)).replaceAll('\n', '\r\n')}`;
    expect(n).toBeGreaterThan(100);
    const path = join(files.dir, 'odd.xml');
    writeFileSync(path, odd);
    await importLarge(b, path);
    await importSmall(a, path);
    expect(lineRows(b.db)).toEqual(lineRows(a.db));
    expect(b.db.prepare("SELECT count(*) FROM declaration_line WHERE product_code = 'Zoë🚀'").pluck().get()).toBeGreaterThan(30);

    // And an error deep in it is still found at its line (counted here: one line per LF).
    const at = odd.lastIndexOf('<jw323:GeleverdVolume>', Math.round(odd.length * 0.8));
    const bad = join(files.dir, 'odd-bad.xml');
    writeFileSync(bad, `${odd.slice(0, at)}<jw323:GeleverdVolume>-1${odd.slice(at + '<jw323:GeleverdVolume>'.length)}`);
    const errors = await largeErrors(b, bad);
    expect(errors.map((e) => [e.line, e.element])).toEqual([[odd.slice(0, at).split('\n').length, 'GeleverdVolume']]);
    expect(errors).toEqual((await importSmall(a, bad)).files[0]!.errors);
  }, 120_000);

  it('refuses a file above maxBytes before reading it', async () => {
    const size = Buffer.byteLength(text);
    expect(await largeErrors(b, file, { maxBytes: 1_000_000 })).toEqual([
      { line: null, element: null, reason: `file is ${size} bytes, larger than the limit of 1000000 bytes` },
    ]);
    expect(facts(b.db)).toEqual(nothing);
  });

  it('stops with ImportCancelled when cancelled mid-file, keeping nothing', async () => {
    const signal = { cancelled: false };
    const seen: number[] = [];
    const run = importLarge(b, file, {
      signal,
      onProgress: (done) => {
        seen.push(done);
        if (done > 1024 * 1024) signal.cancelled = true;
      },
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    expect(seen.at(-1)).toBeGreaterThan(1024 * 1024);
    expect(seen.at(-1)).toBeLessThan(Buffer.byteLength(text));
    expect(facts(b.db)).toEqual(nothing);
  }, 120_000);
});

describe('isLargeCandidate', () => {
  const head = (t: string): Uint8Array => new TextEncoder().encode(t).subarray(0, 64 * 1024);
  it('accepts a JW323 Bericht of iJw 3.2, 3.1 or 3.0 from its first bytes only', () => {
    expect(isLargeCandidate(head(text))).toBe(true);
    expect(isLargeCandidate(head(text.slice(0, 700)))).toBe(true); // cut off inside the header
    expect(isLargeCandidate(head(exampleText('JW323').replaceAll('/3_2/', '/3_0/')))).toBe(true);
  });
  it('leaves everything else to the small path', () => {
    expect(isLargeCandidate(head(exampleText('JW301')))).toBe(false);
    expect(isLargeCandidate(head(exampleText('JW325')))).toBe(false);
    expect(isLargeCandidate(head(exampleText('JW323').replaceAll('/3_2/', '/2_4/')))).toBe(false);
    expect(isLargeCandidate(head('PK\u0003\u0004 not xml'))).toBe(false);
    expect(isLargeCandidate(head(''))).toBe(false);
  });
});

describe('the importer routes large declaration files to the streaming path', () => {
  it('imports a path input above largeFileBytes that the small path would refuse as too large', async () => {
    const size = truth.bytes;
    const options = { key: a.key, appVersion: 'test', maxFileBytes: 1024 * 1024, largeFileBytes: 1024 * 1024 };
    const report = await importFiles(a.db, [{ name: 'large.xml', path: file, size }], options);
    expect(report.files.map((f) => [f.status, f.messageCode, f.messages])).toEqual([['imported', 'JW323', 1]]);
    const lines = a.db.prepare('SELECT COUNT(*) AS n, SUM(bedrag) AS total FROM declaration_line').get() as { n: number; total: number };
    expect(lines).toEqual({ n: truth.lines, total: truth.total });
    const held = a.db.prepare('SELECT COUNT(*) AS n FROM message_batch WHERE batch_id = ?').get(report.batchId) as { n: number };
    expect(held.n).toBe(1);
    // The same bytes handed in as bytes take the small path, where 1 MiB is the limit: refused.
    const small = await importFiles(b.db, [{ name: 'large.xml', bytes: new Uint8Array(readFileSync(file)) }], options);
    expect(small.files[0]!.status).toBe('rejected');
    expect(small.files[0]!.errors[0]!.reason).toMatch(/larger than the limit of 1048576 bytes/);
    // A second import of the path is a duplicate: nothing new.
    const again = await importFiles(a.db, [{ name: 'large.xml', path: file, size }], options);
    expect(again.files[0]!.status).toBe('duplicate');
    expect((a.db.prepare('SELECT COUNT(*) AS n FROM declaration_line').get() as { n: number }).n).toBe(truth.lines);
  }, 120_000);
});
