import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importReport } from '../../core/contract/methods.js';
import { openDatabase } from '../db/open.js';
import { base64, envelope, ggkExample, zipOf } from '../../test/fixtures/containers/build.js';
import { exampleInput, exampleText, textInput } from '../../test/fixtures/import/examples.js';
import { openEnvelope } from './envelope.js';
import { importFiles, type ImportInput } from './importer.js';
import { closeTempStore, openTempStore } from '../../test/fixtures/import/store.js';

let dir: string;
let db: Database.Database;
let key: Buffer;
const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const rows = (): unknown => ({
  assignments: db.prepare('SELECT municipality, provider, toewijzing_nr, product_code, ingangsdatum, einddatum FROM assignment_version ORDER BY id').all(),
  messages: db.prepare('SELECT code, pseudonym, birth_year, birth_month, gender FROM message ORDER BY id').all(),
});
const run = async (inputs: ImportInput[]): ReturnType<typeof importFiles> =>
  importReport.parse(await importFiles(db, inputs, { key, appVersion: 'test', now: () => new Date('2026-11-01T12:00:00Z') }));

beforeEach(() => ({ dir, db, key } = openTempStore('spiegel-envelope-')));
afterEach(() => closeTempStore(db, dir));

describe('GGk envelope', () => {
  it('imports JW301 wrapped in an envelope with the same rows as JW301.xml itself; the envelope is not stored', async () => {
    await run([exampleInput('JW301')]);
    const direct = rows();
    db.close();
    db = openDatabase(join(dir, 'other.db'));
    const report = await run([textInput('in/envelope.xml', envelope(base64(exampleText('JW301'))))]);
    expect(report.files.map((f) => [f.name, f.status, f.messageCode, f.messages])).toEqual([['in/envelope.xml#xmlBestand', 'imported', 'JW301', 1]]);
    expect(rows()).toEqual(direct);
    expect(db.prepare('SELECT name FROM import_file').all()).toEqual([{ name: 'in/envelope.xml#xmlBestand' }]);
  });

  it('skips the enveloped copy of a message already imported loose, also inside a zip', async () => {
    await run([exampleInput('JW301')]);
    const zip = zipOf({ 'ggk/JW301-envelop.xml': envelope(base64(exampleText('JW301'))) });
    const report = await run([{ name: 'ggk.zip', bytes: zip }]);
    expect(report.files.map((f) => [f.name, f.status])).toEqual([['ggk.zip', 'imported'], ['ggk.zip/ggk/JW301-envelop.xml#xmlBestand', 'duplicate']]);
    expect(count('message')).toBe(1);
  });

  it('reports the official GGk examples as specified', async () => {
    const report = await run([
      ggkExample('envelopHeenbericht-ggk_Di01_v21-xml.xml'),
      ggkExample('envelopHeenbericht-ggk_Di01_v21-tekst.xml'),
      ggkExample('envelopRetourbericht-ggk_Du01-v21.xml'),
      ggkExample('Fo01.xml'),
    ]);
    // The official xml examples carry a placeholder sentence ("Hier staat een iWmo/iJw-heenbericht."), not a message.
    expect(report.files.map((f) => [f.name, f.status])).toEqual([
      ['envelopHeenbericht-ggk_Di01_v21-xml.xml', 'rejected'],
      ['envelopHeenbericht-ggk_Di01_v21-tekst.xml', 'unsupported'],
      ['envelopRetourbericht-ggk_Du01-v21.xml', 'rejected'],
      ['Fo01.xml', 'unsupported'],
    ]);
    expect(report.files[0]!.errors[0]).toMatchObject({ element: 'xmlBestand', line: 23, reason: expect.stringMatching(/decoded xmlBestand is not an XML document/) });
    expect(report.files[1]!.errors[0]!.reason).toMatch(/tekstBestand "AanleveringQ1\.csv".*text variant.*not supported/);
    expect(report.files[3]!.errors[0]!.reason).toMatch(/StUF Fo01 message.*not an iJw message/);
    expect(report.warnings.map((w) => [w.file, w.code])).toEqual([
      ['envelopHeenbericht-ggk_Di01_v21-tekst.xml', 'unsupported'],
      ['Fo01.xml', 'unsupported'],
    ]);
    expect(count('message')).toBe(0);
  });

  it.each([
    ['empty', envelope(''), /xmlBestand is empty/],
    ['not base64', envelope('this is *not* base64!'), /not valid base64/],
    ['not an iJw message', envelope(base64('<?xml version="1.0"?><other xmlns="urn:x"/>')), /unknown root element/],
    ['nested envelope', envelope(base64(envelope(base64(exampleText('JW301'))))), /envelope inside a GGk envelope/],
    ['no xmlBestand', envelope('x').replace(/<GGK:bericht>[\s\S]*<\/GGK:bericht>/, ''), /exactly one parameters\/bericht\/xmlBestand/],
    ['DOCTYPE', envelope(base64(exampleText('JW301'))).replace('<GGK:envelop', '<!DOCTYPE x [<!ENTITY e "x">]><GGK:envelop'), /DOCTYPE/],
  ])('rejects an envelope that is %s with a clear reason', async (_what, text, reason) => {
    const report = await run([textInput('e.xml', text)]);
    expect(report.files[0]!.status).toBe('rejected');
    expect(report.files[0]!.errors[0]!.reason).toMatch(reason);
    expect(count('message')).toBe(0);
  });

  it('leaves ordinary messages alone', () => {
    expect(openEnvelope('JW301.xml', exampleInput('JW301').bytes, 1e6)).toEqual({ kind: 'none' });
  });
});
