import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importReport } from '../../core/contract/methods.js';
import { openDatabase } from '../db/open.js';
import { base64, envelope } from '../../test/fixtures/containers/build.js';
import { exampleInput, exampleText, textInput } from '../../test/fixtures/import/examples.js';
import { importFiles, type ImportInput } from './importer.js';
import { mapNamespaces } from './namespaces.js';
import { closeTempStore, openTempStore } from '../../test/fixtures/import/store.js';

let dir: string;
let db: Database.Database;
let key: Buffer;
const rows = (): unknown => ({
  assignments: db.prepare('SELECT municipality, provider, toewijzing_nr, product_code, ingangsdatum, einddatum FROM assignment_version ORDER BY id').all(),
  messages: db.prepare('SELECT code, pseudonym, birth_year, birth_month, gender FROM message ORDER BY id').all(),
});
const run = async (inputs: ImportInput[]): ReturnType<typeof importFiles> =>
  importReport.parse(await importFiles(db, inputs, { key, appVersion: 'test', now: () => new Date('2026-11-01T12:00:00Z') }));
const inVersion = (code: string, version: string): string => exampleText(code).replaceAll('/ijw/3_2/', `/ijw/${version}/`);

beforeEach(() => ({ dir, db, key } = openTempStore('spiegel-ns-')));
afterEach(() => closeTempStore(db, dir));

describe('iJw 3.0 / 3.1 namespaces', () => {
  it('imports a JW301 in 3.1 namespaces with the same rows as the 3.2 original, and a warning', async () => {
    await run([exampleInput('JW301')]);
    const direct = rows();
    db.close();
    db = openDatabase(join(dir, 'other.db'));
    const report = await run([textInput('JW301-3_1.xml', inVersion('JW301', '3_1'))]);
    expect(report.files[0]).toMatchObject({ status: 'imported', messageCode: 'JW301', messages: 1 });
    expect(report.warnings).toEqual([{ file: 'JW301-3_1.xml', code: 'mapped-version', detail: expect.stringMatching(/read as iJw 3\.1: namespaces mapped to iJw 3\.2/) }]);
    expect(rows()).toEqual(direct);
    expect(db.prepare('SELECT code, detail FROM import_warning').get()).toEqual({ code: 'mapped-version', detail: expect.stringContaining('JW301-3_1.xml') });
  });

  it('maps 3.0 too, also inside a GGk envelope', async () => {
    const report = await run([textInput('env.xml', envelope(base64(inVersion('JW305', '3_0'))))]);
    expect(report.files[0]).toMatchObject({ name: 'env.xml#xmlBestand', status: 'imported', messageCode: 'JW305' });
    expect(report.warnings.filter((w) => w.code === 'mapped-version').map((w) => w.detail)).toEqual([expect.stringContaining('iJw 3.0')]);
  });

  it('keeps line numbers: a 3.1 file with an error is rejected at the same line as in 3.2', async () => {
    const report = await run([textInput('JW315-3_1.xml', inVersion('JW315', '3_1'))]);
    expect(report.files[0]).toMatchObject({ status: 'rejected', messageCode: 'JW315' });
    expect(report.files[0]!.errors[0]).toMatchObject({ line: 44, element: 'ToewijzingEinddatum' });
  });

  it('changes only the version in namespace declarations, byte for byte', () => {
    const original = new TextEncoder().encode(inVersion('JW301', '3_1'));
    const result = mapNamespaces(original);
    expect(result.kind).toBe('mapped');
    if (result.kind !== 'mapped') return;
    expect(result.bytes.byteLength).toBe(original.byteLength);
    expect(new TextDecoder().decode(result.bytes)).toBe(exampleText('JW301'));
    expect(mapNamespaces(exampleInput('JW301').bytes)).toEqual({ kind: 'native' });
  });

  it.each([
    ['2_2', /not supported: iJw 2\.x \(2\.2, namespace http:\/\/www\.istandaarden\.nl\/ijw\/2_2\/jw301\/schema\)/],
    ['3_3', /not supported: unknown iJw version \(3\.3/],
  ])('refuses namespace version %s clearly', async (version, reason) => {
    const report = await run([textInput(`JW301-${version}.xml`, inVersion('JW301', version))]);
    expect(report.files[0]).toMatchObject({ status: 'rejected', messageCode: null });
    expect(report.files[0]!.errors[0]).toMatchObject({ line: 2, element: 'Bericht', reason: expect.stringMatching(reason) });
    expect(report.warnings).toEqual([]);
  });

  it('refuses an iJw 2.x JW303 declaration clearly', async () => {
    const jw303 = inVersion('JW301', '2_2').replaceAll('jw301', 'jw303');
    const report = await run([textInput('JW303.xml', jw303)]);
    expect(report.files[0]!.errors[0]!.reason).toMatch(/not supported: iJw 2\.x/);
  });
});
