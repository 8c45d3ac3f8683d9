// iWmo 3.x WMO301/305/307 import (docs/IMPORT.md "iWmo"): validated against the structure derived from the
// iJw 3.2 schemas, stored only in wmo_* tables under the same pseudonym as Jeugd, never in a Jeugd figure.
import { readFileSync, readdirSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importReport } from '../../core/contract/methods.js';
import { classifier } from '../../core/domain/codebook.js';
import { runStacking } from '../../core/stacking/concurrent.js';
import { undoBatch } from '../../data/import/batches.js';
import { importFiles, type ImportInput } from '../../data/import/importer.js';
import { careTableOf } from '../../data/model/care-table.js';
import { buildFactStore } from '../../data/model/store.js';
import { loadCodebook } from '../../data/tables/store.js';
import { textInput } from '../fixtures/import/examples.js';
import { closeTempStore, openTempStore } from '../fixtures/import/store.js';
import { jw301, jw305, jw307 } from '../fixtures/ijw-builder.js';
import { testBsn, wmo301, wmo305 } from '../fixtures/iwmo-builder.js';

let dir: string;
let db: Database.Database;
let key: Buffer;
beforeEach(() => ({ dir, db, key } = openTempStore('spiegel-iwmo-')));
afterEach(() => closeTempStore(db, dir));

const run = async (inputs: ImportInput[]) =>
  importReport.parse(await importFiles(db, inputs, { key, appVersion: 'test', now: () => new Date('2026-11-01T12:00:00Z') }));
const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

const BSN = testBsn(1);
const kid = { bsn: BSN, geboortedatum: '2006-05-10', geslacht: '2' as const };
const gemeente = (id: string, dagtekening: string) => ({ afzender: '0228', ontvanger: '42420001', id, dagtekening });
const aanbieder = (id: string, dagtekening: string) => ({ afzender: '42420001', ontvanger: '0228', id, dagtekening });

const jeugd = (): ImportInput[] => [
  textInput('jw301.xml', jw301(gemeente('1', '2023-08-20'), kid, [{ nr: 1001, categorie: '45', toewijzingsdatum: '2023-08-20', ingangsdatum: '2023-09-01' }])),
  textInput('jw305.xml', jw305(aanbieder('2', '2023-09-05'), kid, [{ nr: 1001, categorie: '45', begindatum: '2023-09-01' }])),
  textInput('jw307.xml', jw307(aanbieder('3', '2024-05-12'), kid, [{ nr: 1001, categorie: '45', begindatum: '2023-09-01', einddatum: '2024-05-09', reden: '35' }])),
];
// Wmo begeleiding (category 02, not an iJw category: the iJw 3.2 schema itself would refuse it).
const wmo = (version = '3_2'): ImportInput[] => [
  textInput('wmo301.xml', wmo301(gemeente('11', '2024-05-20'), kid, [{ nr: 5001, categorie: '02', code: '02A01', toewijzingsdatum: '2024-05-20', ingangsdatum: '2024-06-01' }], version)),
  textInput('wmo305.xml', wmo305(aanbieder('12', '2024-06-03'), kid, [{ nr: 5001, categorie: '02', code: '02A01', begindatum: '2024-06-01' }], version)),
];

function jeugdFigures() {
  const store = buildFactStore(db, '2024-12-31', classifier(loadCodebook(db)));
  const table = careTableOf(store);
  const stacking = runStacking(table, { period: '2024' }, 5, (_d, k) => ({ nl: k, en: k }));
  expect(table.rows).toHaveLength(1); // the one Jeugd care period: the comparison below is not of empty figures
  return JSON.stringify({ rows: table.rows, clients: table.clients, stacking });
}

describe('iWmo import', () => {
  it('stores WMO301/305 in the wmo tables under the Jeugd pseudonym, with a warning about the structure check', async () => {
    await run(jeugd());
    const before = jeugdFigures();
    const report = await run(wmo());
    expect(report.files.map((f) => [f.name, f.status, f.messageCode, f.messages])).toEqual([
      ['wmo301.xml', 'imported', 'WMO301', 1],
      ['wmo305.xml', 'imported', 'WMO305', 1],
    ]);
    expect(report.warnings.filter((w) => w.code === 'wmo-structure')).toHaveLength(2);
    expect(count('wmo_assignment_version')).toBe(1);
    expect(count('wmo_care_start')).toBe(1);
    expect([count('assignment_version'), count('care_start'), count('care_stop')]).toEqual([1, 1, 1]);
    // The Jeugd child and the Wmo person are the same pseudonym; the Wmo message row lists no client.
    const jeugdPseudonym = db.prepare("SELECT pseudonym FROM message WHERE code = 'JW301'").pluck().get();
    expect(db.prepare('SELECT DISTINCT pseudonym FROM wmo_care_start').pluck().all()).toEqual([jeugdPseudonym]);
    expect(db.prepare("SELECT count(*) FROM message WHERE code LIKE 'WMO%' AND pseudonym IS NOT NULL").pluck().get()).toBe(0);
    expect(db.prepare('SELECT birth_year, birth_month, product_category FROM wmo_care_start').get()).toEqual({ birth_year: 2006, birth_month: 5, product_category: '02' });
    // Not one Jeugd figure moved.
    expect(jeugdFigures()).toBe(before);
    // No BSN anywhere in the database.
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const t of tables) expect(JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())).not.toContain(BSN);
  });

  it('skips a re-import and removes every Wmo row when the batch is undone', async () => {
    const first = await run(wmo());
    const again = await run(wmo());
    expect(again.files.map((f) => [f.status, f.skipped])).toEqual([['duplicate', 1], ['duplicate', 1]]);
    expect(count('wmo_care_start')).toBe(1);
    undoBatch(db, first.batchId!);
    expect(count('wmo_care_start')).toBe(1); // the second batch still holds both messages
    undoBatch(db, again.batchId!);
    expect([count('wmo_assignment_version'), count('wmo_care_start'), count('message')]).toEqual([0, 0, 0]);
  });

  it('reads iWmo 3.1 by mapping its namespaces to 3.2', async () => {
    const report = await run(wmo('3_1'));
    expect(report.files.map((f) => f.status)).toEqual(['imported', 'imported']);
    expect(report.warnings.find((w) => w.code === 'wmo-structure')?.detail).toMatch(/^iWmo 3\.1 WMO301: checked against the structure of the iJw 3\.2 JW301 schema/);
  });

  it('refuses a bad WMO305 with line and element, storing nothing of it', async () => {
    const text = wmo305(aanbieder('12', '2024-06-03'), kid, [{ nr: 5001, categorie: '02', begindatum: '2024-13-01' }]);
    const report = await run([textInput('bad.xml', text)]);
    const f = report.files[0]!;
    expect(f.status).toBe('rejected');
    const line = text.split('\n').findIndex((l) => l.includes('2024-13-01')) + 1;
    expect(f.errors[0]).toMatchObject({ line, element: 'Begindatum' });
    expect(f.errors[0]!.reason).toMatch(/2024-13-01/);
    expect([count('message'), count('wmo_care_start')]).toEqual([0, 0]);
  });

  it('refuses a Jeugd category code in the wrong form and a WMO302 with a reason', async () => {
    const wrong = wmo305(aanbieder('12', '2024-06-03'), kid, [{ nr: 5001, categorie: 'AB', begindatum: '2024-06-01' }]);
    const wmo302 = wrong.replace(/wmo305/g, 'wmo302');
    const report = await run([textInput('wrong.xml', wrong), textInput('wmo302.xml', wmo302)]);
    expect(report.files[0]).toMatchObject({ status: 'rejected' });
    expect(report.files[0]!.errors[0]!.element).toBe('Categorie');
    expect(report.files[1]!.errors[0]!.reason).toMatch(/^not supported: iWmo WMO302 is not imported/);
  });

  it('refuses the official iWmo 2.0 examples, naming the version', async () => {
    const folder = new URL('../../../shared/reference/ijw/iwmo-2.0/voorbeeldberichten/', import.meta.url);
    const names = readdirSync(folder).sort();
    const report = await run(names.map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(new URL(n, folder))) })));
    expect(report.files).toHaveLength(11);
    for (const f of report.files) {
      expect(f.status).toBe('rejected');
      expect(f.errors[0]!.reason).toMatch(/^not supported: iWmo 2\.0 \(iWmo 2\.x has another structure/);
      expect(f.errors[0]!.line).toBe(2);
    }
    expect(count('message')).toBe(0);
  });
});
