// Import of request traffic (JW315, JW317, JW319) and retour messages (JW302/306/308/316/318/320): stored
// rows, re-import, rejection of the invalid official examples, and privacy. The links derived from them are
// tested in data/model/requests.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importReport } from '../../core/contract/methods.js';
import { exampleInput, exampleText, textInput } from '../../test/fixtures/import/examples.js';
import { jw315, jw318 } from '../../test/fixtures/import/requests.js';
import { importFiles, type ImportInput } from './importer.js';
import { parseRequest } from './parse-request.js';
import { parseRetour } from './parse-retour.js';
import { pseudonymise } from './pseudonym.js';
import { closeTempStore, openTempStore } from '../../test/fixtures/import/store.js';

let dir: string;
let dbFile: string;
let db: Database.Database;
let key: Buffer;
const run = async (inputs: ImportInput[]): ReturnType<typeof importFiles> =>
  importReport.parse(await importFiles(db, inputs, { key, appVersion: 'test', now: () => new Date('2026-11-01T12:00:00Z') }));
const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const TABLES = ['message', 'request', 'request_product', 'request_answer', 'retour', 'retour_element'];
const counts = (): Record<string, number> => Object.fromEntries(TABLES.map((t) => [t, count(t)]));
const RETOURS = ['JW302', 'JW306', 'JW308', 'JW316', 'JW320'];
const valid = (): ImportInput[] => [
  textInput('JW315-valid.xml', jw315()),
  exampleInput('JW317'),
  exampleInput('JW319'),
  ...RETOURS.map((c) => exampleInput(c)),
  textInput('JW318-valid.xml', jw318()),
];

beforeEach(() => ({ dir, dbFile, db, key } = openTempStore('spiegel-request-')));
afterEach(() => closeTempStore(db, dir));

describe('importing requests, answers and retours', () => {
  it('stores valid JW315/JW317/JW319 and every retour example', async () => {
    const report = await run(valid());
    expect(report.files.map((f) => [f.name, f.status, f.messageCode, f.messages])).toEqual([
      ['JW315-valid.xml', 'imported', 'JW315', 1],
      ['JW317.xml', 'imported', 'JW317', 1],
      ['JW319.xml', 'imported', 'JW319', 1],
      ['JW302.xml', 'imported', 'JW302', 1],
      ['JW306.xml', 'imported', 'JW306', 1],
      ['JW308.xml', 'imported', 'JW308', 1],
      ['JW316.xml', 'imported', 'JW316', 1],
      ['JW320.xml', 'imported', 'JW320', 1],
      ['JW318-valid.xml', 'imported', 'JW318', 1],
    ]);
    expect(counts()).toEqual({ message: 9, request: 3, request_product: 4, request_answer: 1, retour: 6, retour_element: 8 });
    // The JW319 example answers 65656055 / 9003, the ReferentieAanbieder of the JW317 example (imported just before).
    expect(report.warnings).toEqual([]);

    const requests = db.prepare(
      `SELECT r.code, r.municipality, r.provider, r.referentie_aanbieder AS ref, r.reden_verzoek AS reden, r.birth_year AS y,
              r.birth_month AS mo, r.gender, length(r.pseudonym) AS plen, m.dagtekening
         FROM request r JOIN message m ON m.id = r.message_id ORDER BY r.id`).all();
    expect(requests).toEqual([
      { code: 'JW315', municipality: '0384', provider: '42420001', ref: '40A12341234', reden: null, y: 2010, mo: 2, gender: '1', plen: 64, dagtekening: '2026-04-01' },
      { code: 'JW315', municipality: '0384', provider: '42420001', ref: '40A12341235', reden: null, y: 2010, mo: 2, gender: '1', plen: 64, dagtekening: '2026-04-01' },
      { code: 'JW317', municipality: '0384', provider: '65656055', ref: '9003', reden: '1', y: null, mo: null, gender: null, plen: 64, dagtekening: '2026-01-02' },
    ]);
    expect(db.prepare('SELECT DISTINCT pseudonym FROM request').pluck().all()).toEqual([pseudonymise(key, '999900006')]);
    // Request rows carry the child; the message rows of requests do not (client facts come from JW301/305/307).
    expect(db.prepare("SELECT count(*) FROM message WHERE pseudonym IS NOT NULL").pluck().get()).toBe(0);

    expect(db.prepare(
      `SELECT kind, toewijzing_nr AS nr, product_category AS cat, product_code AS code, begindatum, einddatum, volume, eenheid, frequentie,
              verwijzer_type AS vt, verwijzer_zorgverlener AS agb FROM request_product ORDER BY id`).all()).toEqual([
      { kind: 'aangevraagd', nr: null, cat: '55', code: '55A11', begindatum: '2026-04-01', einddatum: '2027-06-30', volume: 2, eenheid: '16', frequentie: '4', vt: '01', agb: null },
      { kind: 'aangevraagd', nr: null, cat: '55', code: '55A12', begindatum: '2026-04-01', einddatum: '2027-06-30', volume: 2, eenheid: '16', frequentie: '4', vt: '02', agb: '12345678' },
      { kind: 'ongewijzigd', nr: 10071, cat: null, code: null, begindatum: null, einddatum: null, volume: null, eenheid: null, frequentie: null, vt: null, agb: null },
      { kind: 'nieuw', nr: null, cat: '45', code: '45A03', begindatum: '2026-11-01', einddatum: '2024-02-28', volume: 4, eenheid: '04', frequentie: '4', vt: null, agb: null },
    ]);

    expect(db.prepare('SELECT municipality, provider, referentie_aanbieder AS ref, verzoek_antwoord AS antwoord, reden_afwijzing AS reden, woonplaats_gemeente AS wpb FROM request_answer').get())
      .toEqual({ municipality: '0384', provider: '65656055', ref: '9003', antwoord: '1', reden: '8', wpb: '1916' });

    // A retour's message row is the retour itself (sent by the answered message's receiver); the retour row names what it answers.
    expect(db.prepare(
      `SELECT m.code, m.afzender, m.ontvanger, m.identificatie, m.dagtekening, t.answers_code AS ac, t.answers_afzender AS aa,
              t.answers_identificatie AS ai, t.answers_dagtekening AS ad, t.retour_codes AS codes
         FROM retour t JOIN message m ON m.id = t.message_id ORDER BY t.id`).all()).toEqual([
      { code: 'JW302', afzender: '42420001', ontvanger: '0384', identificatie: '9452b7eb-c87', dagtekening: '2023-07-16', ac: 'JW301', aa: '0384', ai: '123456789012', ad: '2023-07-15', codes: '8848' },
      { code: 'JW306', afzender: '0363', ontvanger: '65656055', identificatie: '7ae60051-e0f', dagtekening: '2023-07-26', ac: 'JW305', aa: '65656055', ai: '123456789012', ad: '2023-07-25', codes: '8848' },
      { code: 'JW308', afzender: '0363', ontvanger: '65656055', identificatie: '8a554e87-5a3', dagtekening: '2023-07-21', ac: 'JW307', aa: '65656055', ai: '123456789012', ad: '2023-07-20', codes: '' },
      { code: 'JW316', afzender: '0384', ontvanger: '42420001', identificatie: 'ef8eaf5d-2bf', dagtekening: '2023-07-16', ac: 'JW315', aa: '42420001', ai: '123456789012', ad: '2023-07-15', codes: '0200' },
      { code: 'JW320', afzender: '65656055', ontvanger: '0384', identificatie: 'RT321', dagtekening: '2023-04-04', ac: 'JW319', aa: '0384', ai: '876543219', ad: '2023-04-04', codes: '0200' },
      { code: 'JW318', afzender: '0384', ontvanger: '65656055', identificatie: 'RT12345', dagtekening: '2023-04-03', ac: 'JW317', aa: '65656055', ai: '987654321', ad: '2023-04-03', codes: '0200' },
    ]);
    const elements = (code: string): unknown[] =>
      db.prepare(
        `SELECT e.element, e.toewijzing_nr AS nr, e.referentie_aanbieder AS ref, e.retour_codes AS codes
           FROM retour_element e JOIN retour t ON t.id = e.retour_id JOIN message m ON m.id = t.message_id WHERE m.code = ? ORDER BY e.id`).all(code);
    expect(elements('JW316')).toEqual([
      { element: 'Client/AangevraagdeProducten/AangevraagdProduct[1]', nr: null, ref: '42420001', codes: '9347' },
      { element: 'Client/AangevraagdeProducten/AangevraagdProduct[2]', nr: null, ref: '42420001', codes: '0200' },
      { element: 'Client', nr: null, ref: null, codes: '0200' },
    ]);
    expect(elements('JW318')).toEqual([
      { element: 'Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct[1]', nr: 10071, ref: null, codes: '9350' },
      { element: 'Client/Verzoek/NieuweProducten/NieuwProduct[1]', nr: null, ref: null, codes: '0200' },
      { element: 'Client/Verzoek', nr: null, ref: '9003', codes: '9349' },
      { element: 'Client', nr: null, ref: null, codes: '0200' },
    ]);
    expect(elements('JW320')).toEqual([
      { element: 'Antwoord', nr: null, ref: '9003', codes: '9360' },
    ]);
    expect(elements('JW302')).toEqual([]);
  });

  it('warns about a JW319 whose request is not known yet and stores it anyway', async () => {
    const report = await run([exampleInput('JW319')]);
    expect(report.files[0]).toMatchObject({ status: 'imported', messages: 1 });
    expect(report.warnings).toEqual([{ file: 'JW319.xml', code: 'orphan-request-answer', detail: expect.stringContaining('ReferentieAanbieder 9003') }]);
  });

  it('skips everything when the same files are imported again, and reports a changed copy as a conflict', async () => {
    await run(valid());
    const before = counts();
    const again = await run(valid());
    expect(again.files.every((f) => f.status === 'duplicate' && f.skipped === 1 && f.messages === 0)).toBe(true);
    expect(again.warnings.every((w) => w.code === 'duplicate')).toBe(true);
    expect(counts()).toEqual(before);

    const changed = jw315().replace('<ijw:Code>55A12</ijw:Code>', '<ijw:Code>55A13</ijw:Code>');
    const report = await run([textInput('JW315-changed.xml', changed)]);
    expect(report.warnings.map((w) => w.code)).toEqual(['conflict']);
    expect(counts()).toEqual(before);
    expect(count('message_conflict')).toBe(1);
  });

  it('keeps the official JW315.xml and JW318.xml rejected (invalid per the XSD)', async () => {
    const report = await run([exampleInput('JW315'), exampleInput('JW318')]);
    expect(report.files.map((f) => [f.status, f.errors[0]?.element])).toEqual([['rejected', 'ToewijzingEinddatum'], ['rejected', 'RetourCode']]);
    expect(counts()).toEqual({ message: 0, request: 0, request_product: 0, request_answer: 0, retour: 0, retour_element: 0 });
  });

  it('leaves nothing of a request file that fails half-way through storing', async () => {
    db.exec("CREATE TEMP TRIGGER fail_product BEFORE INSERT ON request_product WHEN NEW.product_code = '55A12' BEGIN SELECT RAISE(ABORT, 'forced failure'); END");
    const report = await run([textInput('JW315-valid.xml', jw315()), exampleInput('JW317')]);
    expect(report.files.map((f) => f.status)).toEqual(['rejected', 'imported']);
    expect(counts()).toMatchObject({ message: 1, request: 1, request_product: 2 });
  });

  it('writes no BSN, name, referrer name or comment into the database, its WAL or SHM', async () => {
    await run([...valid(), exampleInput('JW315'), exampleInput('JW318')]);
    const files = [dbFile, `${dbFile}-wal`, `${dbFile}-shm`];
    expect(existsSync(`${dbFile}-wal`)).toBe(true);
    const scan = (): void => {
      for (const f of files.filter((x) => existsSync(x))) {
        const bytes = readFileSync(f);
        for (const s of ['999900006', '999900018', 'Wit', 'Tom', 'Tim', 'huisarts', 'Naam verwijzer', 'Commentaar', 'Comm aangevr prod', '1967-07-10', '2010-02-14']) {
          expect(bytes.includes(Buffer.from(s)), `${s} found in ${f}`).toBe(false);
        }
      }
    };
    scan(); // before the checkpoint: what sits in the WAL
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    scan();
  });
});

describe('request parsers', () => {
  it('groups JW315 products by ReferentieAanbieder and never returns the referrer name', () => {
    const m = parseRequest(jw315(), 'JW315', () => 'P');
    expect(m.requests.map((r) => [r.referentieAanbieder, r.products.length])).toEqual([['40A12341234', 1], ['40A12341235', 1]]);
    const twoInOne = jw315().replace('<jw315:ReferentieAanbieder>40A12341235</jw315:ReferentieAanbieder>', '<jw315:ReferentieAanbieder>40A12341234</jw315:ReferentieAanbieder>');
    expect(parseRequest(twoInOne, 'JW315', () => 'P').requests.map((r) => r.products.length)).toEqual([2]);
    expect(JSON.stringify(m)).not.toMatch(/huisarts|Wit|Tom|999900006/);
  });

  it('reads no echoed personal data from a retour', () => {
    const m = parseRetour(exampleText('JW316'), 'JW316');
    expect(JSON.stringify(m)).not.toMatch(/999900006|Wit|Tim|Naam verwijzer|1967/);
  });
});
