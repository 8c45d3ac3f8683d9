import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importReport } from '../../core/contract/methods.js';
import { declareSize, markEncrypted, zipOf } from '../../test/fixtures/containers/build.js';
import { exampleInput, exampleText } from '../../test/fixtures/import/examples.js';
import { DEFAULT_ZIP_LIMITS, expandInputs, looksLikeZip, readZip, unsafeEntryName, ZipRefusedError } from './containers.js';
import { importFiles, readInputs, type ImportInput, type ImportOptions } from './importer.js';
import { closeTempStore, openTempStore } from '../../test/fixtures/import/store.js';

let dir: string;
let db: Database.Database;
let key: Buffer;
const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const counts = (): Record<string, number> =>
  Object.fromEntries(['message', 'assignment_version', 'care_start', 'care_stop', 'message_conflict'].map((t) => [t, count(t)]));
const run = async (inputs: ImportInput[], extra: Partial<ImportOptions> = {}): ReturnType<typeof importFiles> =>
  importReport.parse(await importFiles(db, inputs, { key, appVersion: 'test', now: () => new Date('2026-11-01T12:00:00Z'), ...extra }));
const MB = 1024 * 1024;
const month = (): Uint8Array => zipOf({ 'april/JW301.xml': exampleText('JW301'), 'april/starts/JW305.xml': exampleText('JW305'), 'april/JW307.xml': exampleText('JW307') });

beforeEach(() => ({ dir, db, key } = openTempStore('spiegel-containers-')));
afterEach(() => closeTempStore(db, dir));

describe('zip archives', () => {
  it('imports the entries of a zip exactly like the loose files; the loose files afterwards are all skipped', async () => {
    const report = await run([{ name: 'month.zip', bytes: month() }]);
    expect(report.files.map((f) => [f.name, f.status, f.messageCode, f.messages, f.skipped])).toEqual([
      ['month.zip', 'imported', null, 0, 0],
      ['month.zip/april/JW301.xml', 'imported', 'JW301', 1, 0],
      ['month.zip/april/starts/JW305.xml', 'imported', 'JW305', 1, 0],
      ['month.zip/april/JW307.xml', 'imported', 'JW307', 1, 0],
    ]);
    expect(counts()).toEqual({ message: 3, assignment_version: 2, care_start: 2, care_stop: 2, message_conflict: 0 });
    expect(db.prepare('SELECT files, messages, rejected FROM import_batch').get()).toEqual({ files: 4, messages: 3, rejected: 0 });

    const loose = await run(['JW301', 'JW305', 'JW307'].map((c) => exampleInput(c)));
    expect(loose.files.map((f) => [f.status, f.messages, f.skipped])).toEqual([['duplicate', 0, 1], ['duplicate', 0, 1], ['duplicate', 0, 1]]);
    expect(counts()).toEqual({ message: 3, assignment_version: 2, care_start: 2, care_stop: 2, message_conflict: 0 });
  });

  it('gives each entry its own all-or-nothing result next to the others', async () => {
    const zip = zipOf({ 'a/JW301.xml': exampleText('JW301'), 'a/JW315.xml': exampleText('JW315'), 'readme.txt': 'ignored', 'inner.zip': zipOf({ 'x.xml': exampleText('JW305') }) });
    const report = await run([{ name: 'mixed.zip', bytes: zip }]);
    expect(report.files.map((f) => [f.name, f.status])).toEqual([
      ['mixed.zip', 'imported'], ['mixed.zip/a/JW301.xml', 'imported'], ['mixed.zip/a/JW315.xml', 'rejected'], ['mixed.zip/inner.zip', 'rejected'],
    ]);
    expect(report.files[2]!.errors[0]).toMatchObject({ line: 44, element: 'ToewijzingEinddatum' });
    expect(report.files[3]!.errors[0]!.reason).toMatch(/mixed\.zip, entry inner\.zip: a zip inside a zip is not read \(one level only\)/);
    expect(counts()).toMatchObject({ message: 1, care_start: 0 });
  });

  it.each([
    ['../evil.xml', /leaves the archive/],
    ['a/../../evil.xml', /leaves the archive/],
    ['/etc/evil.xml', /absolute path/],
    ['C:/evil.xml', /drive letter/],
    ['a\\..\\evil.xml', /backslash/],
  ])('refuses the whole archive for the entry %s and stores nothing from it', async (bad, reason) => {
    const zip = zipOf({ 'JW301.xml': exampleText('JW301'), [bad]: exampleText('JW305') });
    const report = await run([{ name: 'hostile.zip', bytes: zip }, exampleInput('JW307')]);
    expect(report.files.map((f) => [f.name, f.status])).toEqual([['hostile.zip', 'rejected'], ['JW307.xml', 'imported']]);
    const error = report.files[0]!.errors[0]!;
    expect(error.reason).toContain('zip archive hostile.zip refused');
    expect(error.reason).toContain(`entry ${bad}`);
    expect(error.reason).toMatch(reason);
    expect(counts()).toMatchObject({ message: 1, assignment_version: 0, care_start: 0, care_stop: 2 });
    expect(db.prepare("SELECT status FROM import_file WHERE name = 'hostile.zip'").get()).toEqual({ status: 'rejected' });
  });

  it('refuses a zip bomb from its declared sizes before inflating (50 MB of zeros, 10 MB limit)', async () => {
    const bomb = zipOf({ 'JW301.xml': exampleText('JW301'), 'bomb.xml': new Uint8Array(50 * MB) });
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    const report = await run([{ name: 'bomb.zip', bytes: bomb }], { zip: { maxTotalBytes: 10 * MB }, maxFileBytes: 100 * MB });
    expect(report.files).toHaveLength(1);
    expect(report.files[0]!.status).toBe('rejected');
    expect(report.files[0]!.errors[0]!.reason).toMatch(/entry bomb\.xml: the archive declares more than 10485760 bytes .*refused before inflating/);
    expect(count('message')).toBe(0);
  });

  it('refuses an entry above the compression-ratio limit before inflating', () => {
    const zip = zipOf({ 'zeros.xml': new Uint8Array(2 * MB) });
    expect(() => readZip(zip, DEFAULT_ZIP_LIMITS, 50 * MB)).toThrow(/ratio above the limit of 200:1/);
    // Small entries may compress well: the ratio rule starts at 1 MB.
    expect(readZip(zipOf({ 'small.xml': new Uint8Array(500 * 1024) }), DEFAULT_ZIP_LIMITS, 50 * MB)[0]!.bytes!.byteLength).toBe(500 * 1024);
  });

  it('stops inflating an entry whose header lies about its size', () => {
    const liar = declareSize(zipOf({ 'lie.xml': new Uint8Array(50 * MB) }), 1000);
    expect(() => readZip(liar, DEFAULT_ZIP_LIMITS, 50 * MB)).toThrow(/inflates to more than its declared 1000 bytes.*stopped while inflating/);
  });

  it('refuses encrypted entries and unreadable archives, naming archive and entry', async () => {
    const report = await run([
      { name: 'secret.zip', bytes: markEncrypted(zipOf({ 'JW301.xml': exampleText('JW301') })) },
      { name: 'broken.zip', bytes: new TextEncoder().encode('PK\x03\x04 not really a zip') },
    ]);
    expect(report.files.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    expect(report.files[0]!.errors[0]!.reason).toMatch(/secret\.zip refused.*entry JW301\.xml: the entry is encrypted/);
    expect(report.files[1]!.errors[0]!.reason).toMatch(/broken\.zip refused.*not a readable zip archive/);
    expect(count('message')).toBe(0);
  });

  it('refuses a damaged entry (CRC mismatch)', () => {
    const zip = zipOf({ 'a.xml': exampleText('JW301') }, 0);
    const at = Buffer.from(zip).indexOf('<jw301:Bericht');
    zip[at + 1] = 'J'.charCodeAt(0);
    expect(() => readZip(zip, DEFAULT_ZIP_LIMITS, 50 * MB)).toThrow(ZipRefusedError);
  });

  it('recognises archives by magic or name, and checks entry names', () => {
    expect(looksLikeZip('x.bin', zipOf({}))).toBe(true);
    expect(looksLikeZip('MONTH.ZIP', new Uint8Array(0))).toBe(true);
    expect(looksLikeZip('JW301.xml', new TextEncoder().encode('<x/>'))).toBe(false);
    expect(unsafeEntryName('2026/04/JW301.xml')).toBeNull();
    expect(unsafeEntryName('..')).toMatch(/leaves/);
  });

  it('skips folders, macOS resource forks and non-XML entries', () => {
    const names = expandInputs([{ name: 'm.zip', bytes: zipOf({ '__MACOSX/._JW301.xml': 'x', 'dir/._JW301.xml': 'x', 'notes.txt': 'x', 'dir/JW301.xml': exampleText('JW301') }) }]).map((i) => i.name);
    expect(names).toEqual(['m.zip', 'm.zip/dir/JW301.xml']);
  });
});

describe('readInputs', () => {
  it('picks up *.zip files inside folders', async () => {
    const root = join(dir, 'in');
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'sub', 'april.zip'), month());
    writeFileSync(join(root, 'JW301.xml'), exampleText('JW301'));
    writeFileSync(join(root, 'notes.txt'), 'x');
    const inputs = await readInputs([root]);
    expect(inputs.map((i) => i.name)).toEqual([join(root, 'JW301.xml'), join(root, 'sub', 'april.zip')]);
    const report = await run(inputs);
    expect(report.files.map((f) => f.status)).toEqual(['imported', 'imported', 'duplicate', 'imported', 'imported']);
    expect(count('message')).toBe(3);
  });
});
