// Leerplicht extract: the BSN is pseudonymised the moment it is read, with the same key and function as
// the iJw import, and appears nowhere afterwards: not in the database file, not in an error, not in a preview.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeTempStore, openTempStore, type TempStore } from '../../test/fixtures/import/store.js';
import { jw301, testBsn } from '../../test/fixtures/ijw-builder.js';
import { importFiles } from '../import/importer.js';
import { tableHandlers } from './handlers.js';

let s: TempStore;
beforeEach(() => (s = openTempStore('spiegel-leerplicht-')));
afterEach(() => closeTempStore(s.db, s.dir));

const csv = (text: string) => ({ name: 'leerplicht.csv', bytes: new TextEncoder().encode(text) });
// A BSN with a leading zero (0·9 + 1·8 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 − 2 = 110, divisible by 11),
// written as a spreadsheet leaves it: without the zero.
const ZERO_BSN = '012345672';

describe('leerplicht extract', () => {
  it('stores only pseudonym, vestigingscode and school year; the pseudonym is the one the iJw import gives', async () => {
    const child = { bsn: testBsn(1), geboortedatum: '2015-03-02', geslacht: '2' as const };
    const xml = jw301({ afzender: '0228', ontvanger: '12345678', id: '1', dagtekening: '2024-09-01' }, child, [
      { nr: 1, categorie: '45', toewijzingsdatum: '2024-09-01', ingangsdatum: '2024-09-01' },
    ]);
    await importFiles(s.db, [{ name: 'jw301.xml', bytes: new TextEncoder().encode(xml) }], { key: s.key, appVersion: 'test' });
    const fromIjw = s.db.prepare('SELECT pseudonym FROM message').pluck().get() as string;

    const text = `Schooljaar;BSN;Achternaam;Vestigingscode;Geboortedatum\r\n2024-2025;${testBsn(1)};Testkind;32jk00;02-03-2015\r\n2024-2025;${ZERO_BSN.slice(1)};Ander;04LY00;01-01-2014\r\n2024/2025;${testBsn(1)};Testkind;32JK00;02-03-2015\r\n`;
    const r = await tableHandlers(s.db, s.key)['tables/import']({ file: csv(text), kind: 'leerplicht', source: 'Leerplicht Ede' });
    expect(r).toMatchObject({ status: 'imported', lines: 3, rows: 2, errors: [] });
    expect(r.mapping).toEqual({ bsn: 'BSN', vestigingscode: 'Vestigingscode', schooljaar: 'Schooljaar' });
    expect(r.warnings).toContainEqual({ code: 'duplicate-rows', detail: '1 rows repeated an earlier row (same bsn + vestigingscode + schooljaar) and were stored once' });
    const rows = s.db.prepare('SELECT * FROM ref_leerplicht ORDER BY vestigingscode').all() as Record<string, string>[];
    expect(rows.map((x) => Object.keys(x).sort())).toEqual([['pseudonym', 'schooljaar', 'source', 'vestigingscode'], ['pseudonym', 'schooljaar', 'source', 'vestigingscode']]);
    expect(rows[1]).toEqual({ source: 'Leerplicht Ede', pseudonym: fromIjw, vestigingscode: '32JK00', schooljaar: '2024-2025' });
    expect(rows[0]!.pseudonym).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.pseudonym).not.toBe(fromIjw);

    // Neither BSN (nor the name or birth date from the extract) is anywhere in the database files.
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    s.db.close();
    const bytes = Buffer.concat([readFileSync(s.dbFile), ...['-wal', '-shm'].flatMap((x) => { try { return [readFileSync(s.dbFile + x)]; } catch { return []; } })]);
    for (const secret of [testBsn(1), ZERO_BSN, ZERO_BSN.slice(1), 'Ander', '01-01-2014']) {
      expect(bytes.includes(Buffer.from(secret, 'latin1')), secret).toBe(false);
    }
  });

  it('refuses a BSN that fails the 11-test without repeating it anywhere in the answer', async () => {
    const bad = '123456789'; // 1·9 + 2·8 + … + 8·2 − 9 = 111, not divisible by 11
    const r = await tableHandlers(s.db, s.key)['tables/import']({ file: csv(`bsn;vestigingscode;schooljaar\n${testBsn(2)};32JK00;2024-2025\n${bad};32JK00;2024-2025\n`), kind: 'leerplicht', source: 'x' });
    expect(r.status).toBe('rejected');
    expect(r.errors).toEqual([{ line: 3, column: 'bsn', field: 'bsn', reason: 'expected a BSN that passes the 11-test (value not shown) for BSN (bsn)' }]);
    expect(JSON.stringify(r)).not.toContain(bad);
    expect(s.db.prepare('SELECT COUNT(*) FROM ref_leerplicht').pluck().get()).toBe(0);
  });

  it('masks BSNs in the preview', async () => {
    const p = await tableHandlers(s.db, s.key)['tables/preview']({ file: csv(`leerling;school;jaar;bsn\n${testBsn(3)};32JK00;2024-2025;${testBsn(4)}\n`), kind: 'leerplicht' });
    expect(p.suggested).toEqual({ bsn: 'bsn' }); // "leerling", "school" and "jaar" are not names this kind knows
    expect(p.rows).toEqual([['•••••••••', '32JK00', '2024-2025', '•••••••••']]);
    expect(JSON.stringify(p)).not.toContain(testBsn(3));
  });
});
