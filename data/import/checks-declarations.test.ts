// The declaration rules of the import checks on hand-built messages (docs/IMPORT.md "Controles"):
// declaration-outside-assignment, declaration-no-assignment and duplicate-line. Expected counts are worked
// out by hand next to each planted line; each near miss sits one day (or one key field) from a hit.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jw301, jw305, testBsn, type Assigned, type Header } from '../../test/fixtures/ijw-builder.js';
import { textInput } from '../../test/fixtures/import/examples.js';
import { jw323, type DeclaredLine } from '../../test/fixtures/import/jw323-builder.js';
import { closeTempStore, openTempStore } from '../../test/fixtures/import/store.js';
import { batchCounts, runChecks } from './checks.js';
import { importFiles } from './importer.js';

const MUN = '0228';
const AGB = '12345678';
let dir: string;
let db: Database.Database;
let key: Buffer;
let seq = 0;

beforeEach(() => ({ dir, db, key } = openTempStore('spiegel-checks-decl-')));
afterEach(() => closeTempStore(db, dir));

const child = { bsn: testBsn(1), geboortedatum: '2015-03-10', geslacht: '1' as const };
const h = (afzender: string, ontvanger: string, dagtekening: string): Header => ({ afzender, ontvanger, id: String(++seq), dagtekening });
const assigned = (nr: number, ingangsdatum: string, einddatum: string | undefined, extra: Partial<Assigned> = {}): Assigned => ({
  nr, categorie: '45', code: '45A03', toewijzingsdatum: '2025-12-01', ingangsdatum, einddatum, ...extra,
});
const started = (nr: number, begindatum: string) => ({ nr, categorie: '45', code: '45A03', begindatum });
const declaration = (to: string, nummer: string, lines: DeclaredLine[]) =>
  jw323(h(AGB, to, '2026-06-05'), { nummer, begin: '2026-05-01', eind: '2026-05-31', dagtekening: '2026-06-05' }, lines);

async function batch(texts: string[]): Promise<number> {
  const report = await importFiles(db, texts.map((t, i) => textInput(`b${seq}-${i}.xml`, t)), { key, appVersion: 'test', now: () => new Date('2026-07-01T12:00:00Z') });
  expect(report.files.map((f) => [f.status, f.errors])).toEqual(texts.map(() => ['imported', []]));
  return report.batchId!;
}
const checks = (batchId: number) => runChecks(db, { batchId, peildatum: '2026-06-30' });
const summary = (batchId: number) => checks(batchId).map((w) => [w.code, w.count]);

describe('declaration-outside-assignment and declaration-no-assignment', () => {
  // Each line its own client, so that no two lines can be a duplicate-line pair.
  let n = 10;
  const l = (ref: string, nr: number, begin: string, eind: string): DeclaredLine => ({ bsn: testBsn(++n), ref, nr, begin, eind, amount: 1000 });
  const assignments = () => [
    jw301(h(MUN, AGB, '2025-12-01'), child, [
      assigned(201, '2026-02-01', '2026-04-30'),
      assigned(202, '2026-03-01', undefined),
      assigned(203, '2026-01-01', '2026-12-31'),
      assigned(204, '2026-01-01', '2026-12-31'),
    ]),
    // Later versions: 203 shortened to March; 204 withdrawn.
    jw301(h(MUN, AGB, '2026-03-15'), child, [
      assigned(203, '2026-01-01', '2026-03-31', { toewijzingsdatum: '2026-03-15' }),
      assigned(204, '2026-01-01', '2026-01-01', { toewijzingsdatum: '2026-03-15', redenWijziging: '13' }),
    ]),
    jw305(h(AGB, MUN, '2026-03-02'), child, [started(201, '2026-02-01'), started(202, '2026-03-01'), started(203, '2026-01-01')]),
  ];
  const lines = () => [
    declaration(MUN, 'DNA', [
      l('A1', 201, '2026-02-01', '2026-02-28'), // inside
      l('A2', 201, '2026-04-01', '2026-04-30'), // inside: ends on the Einddatum
      l('A3', 201, '2026-04-02', '2026-05-01'), // outside: one day after
      l('A4', 201, '2026-01-31', '2026-02-27'), // outside: one day before
      l('A5', 202, '2026-03-01', '2026-03-31'), // inside an open assignment
      l('A6', 202, '2026-02-28', '2026-03-31'), // outside: one day before an open assignment
      l('A7', 203, '2026-04-01', '2026-04-30'), // outside the winning version (inside the first)
      l('A8', 203, '2026-03-01', '2026-03-31'), // inside the winning version
      l('A9', 299, '2026-03-01', '2026-03-31'), // no assignment at all
      l('A10', 204, '2026-03-01', '2026-03-31'), // assignment withdrawn
    ]),
    declaration('0203', 'DNB', [l('B1', 201, '2026-02-01', '2026-02-28')]), // 0203 assigned no 201
  ];
  const where = (mun: string, nr: number, ref: string, dn: string, b: string, e: string) =>
    `municipality ${mun}, provider ${AGB}, ToewijzingNummer ${nr}: ReferentieNummer ${ref} (DeclaratieNummer ${dn}), ProductPeriode ${b}..${e}`;

  it('fires for the planted lines only, with examples in a fixed order', async () => {
    await batch(assignments());
    const b2 = await batch(lines());
    expect(checks(b2)).toEqual([
      {
        code: 'declaration-outside-assignment',
        detail: '4 declaration line(s) whose ProductPeriode is not within the period of their assignment (winning version)',
        count: 4,
        examples: [
          `${where(MUN, 201, 'A4', 'DNA', '2026-01-31', '2026-02-27')}; assignment 2026-02-01..2026-04-30`,
          `${where(MUN, 201, 'A3', 'DNA', '2026-04-02', '2026-05-01')}; assignment 2026-02-01..2026-04-30`,
          `${where(MUN, 202, 'A6', 'DNA', '2026-02-28', '2026-03-31')}; assignment 2026-03-01..open`,
          `${where(MUN, 203, 'A7', 'DNA', '2026-04-01', '2026-04-30')}; assignment 2026-01-01..2026-03-31`,
        ],
      },
      {
        code: 'declaration-no-assignment',
        detail: '3 declaration line(s) whose ToewijzingNummer has no assignment (no JW301, or withdrawn with RedenWijziging 13)',
        count: 3,
        examples: [
          `${where('0203', 201, 'B1', 'DNB', '2026-02-01', '2026-02-28')}; no assignment (JW301) known`,
          `${where(MUN, 204, 'A10', 'DNA', '2026-03-01', '2026-03-31')}; assignment withdrawn (RedenWijziging 13)`,
          `${where(MUN, 299, 'A9', 'DNA', '2026-03-01', '2026-03-31')}; no assignment (JW301) known`,
        ],
      },
    ]);
  });

  it('concerns a batch through the line or through a JW301 version of its assignment', async () => {
    const b1 = await batch(assignments());
    const b2 = await batch(lines());
    // Batch 1 holds the JW301s of 201–204, not of 299 or 0203's 201: A10 is its only line without assignment.
    expect(summary(b1)).toEqual([['declaration-outside-assignment', 4], ['declaration-no-assignment', 1]]);
    // A new version of 201 running to the end of May puts A3 inside; A4 still starts a day early.
    const b3 = await batch([jw301(h(MUN, AGB, '2026-05-20'), child, [assigned(201, '2026-02-01', '2026-05-31', { toewijzingsdatum: '2026-05-20' })])]);
    expect(summary(b3)).toEqual([['declaration-outside-assignment', 1]]);
    expect(summary(b2)).toEqual([['declaration-outside-assignment', 3], ['declaration-no-assignment', 3]]);
    // JW323: 2 messages, 10 + 1 lines.
    expect(batchCounts(db, b2)).toEqual([{ code: 'JW323', messages: 2, records: 11 }]);
  });
});

describe('duplicate-line', () => {
  const C1 = testBsn(1);
  const C2 = testBsn(2);
  const l = (ref: string, begin: string, eind: string, more: Partial<DeclaredLine> = {}): DeclaredLine => ({ bsn: C1, ref, nr: 301, begin, eind, amount: 1000, ...more });
  const plant = async () => {
    await batch([
      jw301(h(MUN, AGB, '2025-12-01'), child, [assigned(301, '2026-01-01', '2026-12-31'), assigned(302, '2026-01-01', '2026-12-31')]),
      jw305(h(AGB, MUN, '2026-01-02'), child, [started(301, '2026-01-01'), started(302, '2026-01-01')]),
    ]);
    const first = await batch([
      declaration(MUN, 'DN1', [
        l('R01', '2026-01-01', '2026-01-31'), // declared again as R02 in the second batch
        l('R03', '2026-02-01', '2026-02-14'),
        l('R04', '2026-02-15', '2026-02-28'), // touches R03, overlaps nothing
        l('R05', '2026-02-14', '2026-02-14'), // overlaps R03 by one day
        l('R06', '2026-03-01', '2026-03-31'), // credited by R07 and declared again as R08
        l('R09', '2026-04-01', '2026-04-30', { bsn: C2 }), // another client than R10
        l('R10', '2026-04-01', '2026-04-30'),
        l('R11', '2026-04-01', '2026-04-30', { code: '45A04' }), // another ProductCode than R10
        l('R12', '2026-04-01', '2026-04-30', { nr: 302 }), // another assignment than R10
        l('R13', '2026-05-01', '2026-05-31'), // three of the same: 3 pairs
        l('R14', '2026-05-01', '2026-05-31'),
        l('R15', '2026-05-01', '2026-05-31'),
      ]),
    ]);
    return first;
  };
  const correction = () =>
    declaration(MUN, 'DN2', [
      l('R02', '2026-01-01', '2026-01-31'),
      l('R07', '2026-03-01', '2026-03-31', { vorig: 'R06', amount: -1000 }),
      l('R08', '2026-03-01', '2026-03-31', { vorig: 'R07' }),
    ]);
  const pair = (r1: string, b1: string, e1: string, dn1: string, r2: string, b2: string, e2: string, dn2: string) =>
    `municipality ${MUN}, provider ${AGB}, ToewijzingNummer 301, ProductCode 45A03: ReferentieNummer ${r1} (DeclaratieNummer ${dn1}, ProductPeriode ${b1}..${e1}) and ReferentieNummer ${r2} (DeclaratieNummer ${dn2}, ProductPeriode ${b2}..${e2})`;

  it('counts each overlapping pair of standing debit lines once', async () => {
    const b1 = await plant();
    // Before the correction: (R03,R05) and the three pairs of R13–R15.
    expect(summary(b1)).toEqual([['duplicate-line', 4]]);
    const b2 = await batch([correction()]);
    // The second batch holds R02 (a pair with R01), the credit R07 and R08, which follows a credited line.
    expect(checks(b2)).toEqual([
      {
        code: 'duplicate-line',
        detail: '1 pair(s) of declaration lines for the same client, assignment and ProductCode with overlapping ProductPeriodes (likely declared twice)',
        count: 1,
        examples: [pair('R01', '2026-01-01', '2026-01-31', 'DN1', 'R02', '2026-01-01', '2026-01-31', 'DN2')],
      },
    ]);
    const all = checks(b1);
    expect(all.map((w) => [w.code, w.count])).toEqual([['duplicate-line', 5]]);
    expect(all[0]!.examples).toEqual([
      pair('R01', '2026-01-01', '2026-01-31', 'DN1', 'R02', '2026-01-01', '2026-01-31', 'DN2'),
      pair('R03', '2026-02-01', '2026-02-14', 'DN1', 'R05', '2026-02-14', '2026-02-14', 'DN1'),
      pair('R13', '2026-05-01', '2026-05-31', 'DN1', 'R14', '2026-05-01', '2026-05-31', 'DN1'),
      pair('R13', '2026-05-01', '2026-05-31', 'DN1', 'R15', '2026-05-01', '2026-05-31', 'DN1'),
      pair('R14', '2026-05-01', '2026-05-31', 'DN1', 'R15', '2026-05-01', '2026-05-31', 'DN1'),
    ]);
    // Examples never name a client: no pseudonym, no BSN.
    const text = JSON.stringify(all);
    const pseudonyms = db.prepare('SELECT DISTINCT pseudonym FROM declaration_line').pluck().all() as string[];
    for (const secret of [...pseudonyms, C1, C2]) expect(text).not.toContain(secret);
  });

  it('pairs R06 with R08 when nothing credits R06', async () => {
    await plant();
    const b2 = await batch([declaration(MUN, 'DN3', [l('R08', '2026-03-01', '2026-03-31', { vorig: 'R07' })])]);
    expect(checks(b2)[0]!.examples).toEqual([pair('R06', '2026-03-01', '2026-03-31', 'DN1', 'R08', '2026-03-01', '2026-03-31', 'DN3')]);
  });
});
