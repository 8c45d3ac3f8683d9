import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importReport } from '../../core/contract/methods.js';
import { openDatabase } from '../db/open.js';
import { exampleInput, exampleText, textInput } from '../../test/fixtures/import/examples.js';
import { importFiles, readInputs, type ImportInput } from './importer.js';
import { loadOrCreateKey } from './pseudonym.js';
import { closeTempStore, openTempStore } from '../../test/fixtures/import/store.js';

let dir: string;
let dbFile: string;
let db: Database.Database;
let key: Buffer;
const options = (): { key: Buffer; appVersion: string; now: () => Date } => ({ key, appVersion: 'test', now: () => new Date('2026-11-01T12:00:00Z') });
const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const counts = (): Record<string, number> =>
  Object.fromEntries(['message', 'assignment_version', 'care_start', 'care_stop', 'message_conflict'].map((t) => [t, count(t)]));
const run = async (inputs: ImportInput[]): ReturnType<typeof importFiles> => importReport.parse(await importFiles(db, inputs, options()));
const examples = (): ImportInput[] => ['JW301', 'JW305', 'JW307'].map((c) => exampleInput(c));

beforeEach(() => ({ dir, dbFile, db, key } = openTempStore('spiegel-import-')));
afterEach(() => closeTempStore(db, dir));

describe('importFiles', () => {
  it('imports the JW301, JW305 and JW307 examples', async () => {
    const report = await run(examples());
    expect(report.files.map((f) => [f.name, f.status, f.messageCode, f.messages, f.skipped])).toEqual([
      ['JW301.xml', 'imported', 'JW301', 1, 0],
      ['JW305.xml', 'imported', 'JW305', 1, 0],
      ['JW307.xml', 'imported', 'JW307', 1, 0],
    ]);
    expect(counts()).toEqual({ message: 3, assignment_version: 2, care_start: 2, care_stop: 2, message_conflict: 0 });
    expect(db.prepare('SELECT municipality, provider, toewijzing_nr, product_category, product_code FROM assignment_version ORDER BY id').all()).toEqual([
      { municipality: '0384', provider: '42420001', toewijzing_nr: 300201, product_category: '55', product_code: '55A11' },
      { municipality: '0384', provider: '42420001', toewijzing_nr: 300202, product_category: '55', product_code: '55A12' },
    ]);
    expect(db.prepare('SELECT municipality, provider FROM care_stop LIMIT 1').get()).toEqual({ municipality: '0363', provider: '65656055' });
    const m = db.prepare("SELECT pseudonym, birth_year, birth_month, gender, pc4 FROM message WHERE code = 'JW301'").get() as Record<string, unknown>;
    expect(m).toMatchObject({ birth_year: 2010, birth_month: 2, gender: '1', pc4: null });
    expect(m.pseudonym).toMatch(/^[0-9a-f]{64}$/);
    // One client in all three messages: one pseudonym.
    expect((db.prepare('SELECT count(DISTINCT pseudonym) AS n FROM message').get() as { n: number }).n).toBe(1);
    const batch = db.prepare('SELECT * FROM import_batch').get() as Record<string, unknown>;
    expect(batch).toMatchObject({ id: report.batchId, app_version: 'test', files: 3, messages: 3, skipped: 0, rejected: 0, started_at: '2026-11-01T12:00:00.000Z' });
    expect(count('import_file')).toBe(3);
  });

  it('warns about starts and stops whose assignment is unknown, and stores them anyway', async () => {
    // The examples are separate illustrations: JW305/JW307 go to municipality 0363, the JW301 came from 0384.
    const report = await run(examples());
    const orphans = report.warnings.filter((w) => w.code.startsWith('orphan-'));
    expect(orphans.map((w) => [w.file, w.code])).toEqual([
      ['JW305.xml', 'orphan-start'], ['JW305.xml', 'orphan-start'], ['JW307.xml', 'orphan-stop'], ['JW307.xml', 'orphan-stop'],
    ]);
    expect(orphans[0]!.detail).toContain('300201');
    expect(count('import_warning')).toBe(report.warnings.length);

    // A JW301 from 0363 for the same numbers makes later starts linked: no warning.
    const db2 = exampleText('JW301').replace('<jw301:Afzender>0384</jw301:Afzender>', '<jw301:Afzender>0363</jw301:Afzender>');
    const start2 = exampleText('JW305').replace('<ijw:Identificatie>123456789012</ijw:Identificatie>', '<ijw:Identificatie>NEXT</ijw:Identificatie>');
    const second = await run([textInput('JW301-0363.xml', db2), textInput('JW305-next.xml', start2)]);
    expect(second.files.map((f) => f.status)).toEqual(['imported', 'imported']);
    expect(second.warnings).toEqual([]);
  });

  it('changes nothing when the same files are imported again', async () => {
    await run(examples());
    const before = counts();
    const again = await run(examples());
    expect(again.files.map((f) => [f.status, f.messages, f.skipped])).toEqual([
      ['duplicate', 0, 1], ['duplicate', 0, 1], ['duplicate', 0, 1],
    ]);
    expect(again.warnings.map((w) => w.code)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(counts()).toEqual(before);
    expect(count('import_batch')).toBe(2);
    expect(db.prepare('SELECT skipped, messages FROM import_batch WHERE id = ?').get(again.batchId)).toEqual({ skipped: 3, messages: 0 });
  });

  it('skips the second copy of a message seen twice in one batch', async () => {
    const report = await run([exampleInput('JW301', 'a.xml'), exampleInput('JW301', 'copy/a.xml')]);
    expect(report.files.map((f) => f.status)).toEqual(['imported', 'duplicate']);
    expect(count('message')).toBe(1);
  });

  it('reports a conflict (same identity, other content), keeps the first copy, and records it once', async () => {
    await run([exampleInput('JW301')]);
    const changed = exampleText('JW301').replace('<jw301:Einddatum>2026-07-14</jw301:Einddatum>', '<jw301:Einddatum>2026-08-31</jw301:Einddatum>');
    const report = await run([textInput('JW301-changed.xml', changed)]);
    expect(report.files[0]).toMatchObject({ status: 'duplicate', messages: 0, skipped: 0, errors: [] });
    expect(report.warnings).toEqual([{ file: 'JW301-changed.xml', code: 'conflict', detail: expect.stringContaining('different content') }]);
    expect(counts()).toMatchObject({ message: 1, assignment_version: 2, message_conflict: 1 });
    expect(db.prepare("SELECT einddatum FROM assignment_version WHERE toewijzing_nr = 300201").get()).toEqual({ einddatum: '2026-07-14' });
    await run([textInput('JW301-changed.xml', changed)]);
    expect(count('message_conflict')).toBe(1);
  });

  it('rejects JW315.xml with the line, element ToewijzingEinddatum and the bad date, and stores nothing from it', async () => {
    const report = await run([exampleInput('JW315')]);
    const f = report.files[0]!;
    expect(f).toMatchObject({ name: 'JW315.xml', status: 'rejected', messageCode: 'JW315', messages: 0 });
    expect(f.errors[0]).toMatchObject({ line: 44, element: 'ToewijzingEinddatum', reason: expect.stringContaining('2027-06-31') });
    expect(counts()).toEqual({ message: 0, assignment_version: 0, care_start: 0, care_stop: 0, message_conflict: 0 });
    const row = db.prepare('SELECT status, message_code, error FROM import_file').get() as { status: string; message_code: string; error: string };
    expect(row).toMatchObject({ status: 'rejected', message_code: 'JW315' });
    expect(JSON.parse(row.error)[0]).toMatchObject({ line: 44, element: 'ToewijzingEinddatum' });
    expect(row.error).not.toContain('2027-06-31'); // values are redacted in the database: they may be personal
  });

  it('rejects JW318.xml and stores valid JW302.xml (a retour: process data only)', async () => {
    const report = await run([exampleInput('JW318'), exampleInput('JW302')]);
    expect(report.files[0]).toMatchObject({ status: 'rejected', messageCode: 'JW318', errors: [expect.objectContaining({ line: 33, element: 'RetourCode' })] });
    expect(report.files[1]).toMatchObject({ status: 'imported', messageCode: 'JW302', errors: [], messages: 1 });
    expect(count('message')).toBe(1);
    expect(db.prepare('SELECT status FROM import_file ORDER BY id').all()).toEqual([{ status: 'rejected' }, { status: 'imported' }]);
  });

  it('rejects non-XML, DOCTYPE and unknown roots with a clear reason, next to files that import', async () => {
    const report = await run([
      textInput('notes.xml', 'this is not xml'),
      textInput('xxe.xml', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>'),
      textInput('other.xml', '<?xml version="1.0"?><Bericht xmlns="urn:other"/>'),
      exampleInput('JW301'),
    ]);
    expect(report.files.map((f) => f.status)).toEqual(['rejected', 'rejected', 'rejected', 'imported']);
    expect(report.files[0]!.errors[0]!.reason).toMatch(/not well-formed XML|no root/);
    expect(report.files[1]!.errors[0]!.reason).toMatch(/DOCTYPE/);
    expect(report.files[2]!.errors[0]!.reason).toMatch(/unknown root/);
  });

  it('rejects a file above the size limit', async () => {
    const report = importReport.parse(await importFiles(db, [exampleInput('JW301')], { ...options(), maxFileBytes: 1000 }));
    expect(report.files[0]).toMatchObject({ status: 'rejected', errors: [expect.objectContaining({ reason: expect.stringMatching(/limit of 1000 bytes/) })] });
  });

  it('leaves nothing of a file that fails half-way through storing, and keeps the other files', async () => {
    // Fail on the second ToegewezenProduct, after the message row and the first product were written.
    db.exec("CREATE TEMP TRIGGER fail_second BEFORE INSERT ON assignment_version WHEN NEW.toewijzing_nr = 300202 BEGIN SELECT RAISE(ABORT, 'forced failure'); END");
    const report = await run([exampleInput('JW301'), exampleInput('JW305')]);
    expect(report.files[0]).toMatchObject({ status: 'rejected', messages: 0, errors: [expect.objectContaining({ reason: expect.stringContaining('forced failure') })] });
    expect(report.files[1]).toMatchObject({ status: 'imported', messages: 1 });
    expect(counts()).toEqual({ message: 1, assignment_version: 0, care_start: 2, care_stop: 0, message_conflict: 0 });
    expect(db.prepare('SELECT name, status FROM import_file ORDER BY name').all()).toEqual([
      { name: 'JW301.xml', status: 'rejected' }, { name: 'JW305.xml', status: 'imported' },
    ]);
    expect(db.prepare('SELECT rejected FROM import_batch').get()).toEqual({ rejected: 1 });
  });

  it('rejects a file whose second product cannot be read, storing nothing from it', async () => {
    // Valid by the XSD (Product is optional) but not storable: the whole file goes, not just that product.
    const xml = exampleText('JW301').replace(/(<jw301:ToewijzingNummer>300202[\s\S]*?)<jw301:Product>[\s\S]*?<\/jw301:Product>/, '$1');
    const report = await run([textInput('JW301-noproduct.xml', xml)]);
    expect(report.files[0]).toMatchObject({ status: 'rejected', errors: [expect.objectContaining({ element: 'Categorie' })] });
    expect(counts()).toMatchObject({ message: 0, assignment_version: 0 });
  });

  it('writes no BSN, name or address into the database, its WAL or SHM', async () => {
    await run([...examples(), exampleInput('JW315'), exampleInput('JW318'), exampleInput('JW323')]);
    const files = [dbFile, `${dbFile}-wal`, `${dbFile}-shm`].filter((f) => existsSync(f));
    expect(files).toContain(`${dbFile}-wal`);
    const scan = (): void => {
      for (const f of files.filter((x) => existsSync(x))) {
        const bytes = readFileSync(f);
        for (const s of ['999900006', '999900018', 'Galen', 'Van Woustraat', 'Wit', 'Tom', 'Kerklaan', 'abc@def.com']) {
          expect(bytes.includes(Buffer.from(s)), `${s} found in ${f}`).toBe(false);
        }
      }
    };
    scan(); // before the checkpoint: what sits in the WAL
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    scan();
  });

  it('gives the same client the same pseudonym across databases with the same key file', async () => {
    await run([exampleInput('JW301')]);
    const first = (db.prepare('SELECT pseudonym FROM message').get() as { pseudonym: string }).pseudonym;
    const other = openDatabase(join(dir, 'other.db'));
    try {
      await importFiles(other, [exampleInput('JW305')], { key: loadOrCreateKey(join(dir, 'pseudonym.key')), appVersion: 'test' });
      expect(other.prepare('SELECT pseudonym FROM message').get()).toEqual({ pseudonym: first });
    } finally {
      other.close();
    }
  });
});

describe('readInputs', () => {
  it('expands folders recursively to *.xml files in a stable order', async () => {
    const root = join(dir, 'in');
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'b.xml'), exampleText('JW305'));
    writeFileSync(join(root, 'sub', 'a.XML'), exampleText('JW301'));
    writeFileSync(join(root, 'readme.txt'), 'x');
    const inputs = await readInputs([root]);
    expect(inputs.map((i) => i.name)).toEqual([join(root, 'b.xml'), join(root, 'sub', 'a.XML')]);
    expect(new TextDecoder().decode(inputs[0]!.bytes)).toBe(exampleText('JW305'));
  });
});
