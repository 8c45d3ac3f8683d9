// The import checks on hand-built messages (docs/IMPORT.md "Controles"): product codes and not-started
// assignments, the per-batch scope and batchCounts. Every expected count is worked out by hand in the
// comments next to the planted cases; declaration rules are in checks-declarations.test.ts.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jw301, jw305, testBsn, type Assigned, type Header } from '../../test/fixtures/ijw-builder.js';
import { textInput } from '../../test/fixtures/import/examples.js';
import { jw323 } from '../../test/fixtures/import/jw323-builder.js';
import { closeTempStore, openTempStore } from '../../test/fixtures/import/store.js';
import { batchCounts, runChecks } from './checks.js';
import { importFiles } from './importer.js';

const MUN = '0228';
const AGB = '12345678';
let dir: string;
let db: Database.Database;
let key: Buffer;
let seq = 0;

beforeEach(() => ({ dir, db, key } = openTempStore('spiegel-checks-')));
afterEach(() => closeTempStore(db, dir));

const child = { bsn: testBsn(1), geboortedatum: '2015-03-10', geslacht: '1' as const };
const h = (afzender: string, ontvanger: string, dagtekening: string): Header => ({ afzender, ontvanger, id: String(++seq), dagtekening });
const assigned = (nr: number, ingangsdatum: string, toewijzingsdatum = '2025-12-01', extra: Partial<Assigned> = {}): Assigned => ({
  nr, categorie: '45', code: '45A03', toewijzingsdatum, ingangsdatum, einddatum: '2026-12-31', ...extra,
});

/** Imports the messages as one batch; every file must get `status`. */
async function batch(texts: string[], status = 'imported'): Promise<number> {
  const report = await importFiles(db, texts.map((t, i) => textInput(`b${seq}-${i}.xml`, t)), { key, appVersion: 'test', now: () => new Date('2026-07-01T12:00:00Z') });
  expect(report.files.map((f) => [f.status, f.errors])).toEqual(texts.map(() => [status, []]));
  return report.batchId!;
}

const codes = (batchId: number, peildatum = '2026-06-30') => runChecks(db, { batchId, peildatum });

describe('not-started-60d (peildatum 2026-06-30, so 60 days before is 2026-05-01)', () => {
  const start = (nr: number, status: '1' | '3' = '1') => ({ nr, categorie: '45', code: '45A03', begindatum: '2026-01-05', status });
  let planted: string[] = [];
  const plant = () =>
    batch((planted = [
      jw301(h(MUN, AGB, '2025-12-01'), child, [
        assigned(101, '2026-04-30'), // 61 days: fires
        assigned(102, '2026-05-02'), // 59 days: no
        assigned(103, '2026-05-01'), // exactly 60 days: fires
        assigned(104, '2026-01-01'), // started: no
        assigned(105, '2026-01-01'), // started, then the start retracted: fires
        assigned(106, '2026-01-01'), // withdrawn by a later version (RedenWijziging 13): no
        assigned(107, '2026-01-01'), // a later version moves it to 2026-05-15 (46 days): no
        assigned(108, '2026-06-01'), // a later version moves it to 2026-03-01 (121 days): fires
        assigned(109, '2026-01-01'), // its start went to another municipality: fires
      ]),
      jw301(h(MUN, AGB, '2026-05-10'), child, [
        assigned(106, '2026-01-01', '2026-05-10', { einddatum: '2026-01-01', redenWijziging: '13' }),
        assigned(107, '2026-05-15', '2026-05-10'),
        assigned(108, '2026-03-01', '2026-02-01'),
      ]),
      jw305(h(AGB, MUN, '2026-01-06'), child, [start(104), start(105)]),
      jw305(h(AGB, MUN, '2026-02-01'), child, [start(105, '3')]),
      jw305(h(AGB, '0203', '2026-01-06'), child, [start(109)]),
    ]));
  const example = (nr: number, ingang: string, days: number) =>
    `municipality ${MUN}, provider ${AGB}, ToewijzingNummer ${nr}: Ingangsdatum ${ingang}, ${days} days before the peildatum`;

  it('fires for the five planted assignments and not for the near misses', async () => {
    const b1 = await plant();
    // 2026-01-01 → 2026-06-30: 31+28+31+30+31+30 − 1 = 180 days; 2026-03-01: 31+30+31+30 − 1 = 121.
    expect(codes(b1)).toEqual([
      {
        code: 'not-started-60d',
        detail: '5 assignment(s) without a start (JW305) 60 days or more after their Ingangsdatum (peildatum 2026-06-30)',
        count: 5,
        examples: [example(105, '2026-01-01', 180), example(109, '2026-01-01', 180), example(108, '2026-03-01', 121), example(101, '2026-04-30', 61), example(103, '2026-05-01', 60)],
      },
    ]);
    // One day later, 102 (2026-05-02) is 60 days old as well.
    expect(codes(b1, '2026-07-01')[0]!.count).toBe(6);
  });

  it('reports what a batch holds: a later retraction, a re-sent message, nothing for an unrelated batch', async () => {
    const b1 = await plant();
    const b2 = await batch([jw305(h(AGB, MUN, '2026-03-01'), child, [start(104, '3')])]);
    // Batch 2 holds only the retraction of 104's start: 104 alone.
    expect(codes(b2).map((w) => [w.code, w.count, w.examples])).toEqual([['not-started-60d', 1, [example(104, '2026-01-01', 180)]]]);
    // Batch 1 holds 104's JW301 too: now 6.
    expect(codes(b1)[0]!.count).toBe(6);
    const b3 = await batch([jw301(h('0267', AGB, '2026-06-01'), child, [assigned(1, '2026-06-01', '2026-06-01')])]);
    expect(codes(b3)).toEqual([]);
    // The first JW301 again (same identity and content: skipped, but held by batch 4) carries 101–109.
    const b4 = await batch([planted[0]!], 'duplicate');
    expect(codes(b4)[0]!.count).toBe(6);
  });

  it('counts messages and records per message type held by a batch', async () => {
    const b1 = await plant();
    // JW301: 2 messages, 9 + 3 versions; JW305: 3 messages, 2 + 1 + 1 starts.
    expect(batchCounts(db, b1)).toEqual([
      { code: 'JW301', messages: 2, records: 12 },
      { code: 'JW305', messages: 3, records: 4 },
    ]);
  });

  it('refuses a peildatum that is not a date', async () => {
    const b1 = await plant();
    expect(() => codes(b1, '2026-02-30')).toThrow("peildatum '2026-02-30' is not a date (YYYY-MM-DD)");
  });
});

describe('unknown-product-category and unknown-product-code (peildatum 2026-03-31: nothing else fires)', () => {
  const codes = (batchId: number) => runChecks(db, { batchId, peildatum: '2026-03-31' });
  const line = (ref: string, nr: number, categorie: string, code: string) => ({ bsn: testBsn(1), ref, nr, categorie, code, begin: '2026-02-01', eind: '2026-02-28', amount: 1000 });
  const plant = () =>
    batch([
      jw301(h(MUN, AGB, '2026-01-05'), child, [
        assigned(1, '2026-02-01', '2026-01-05', { categorie: '38', code: '38A01' }),
        assigned(2, '2026-02-01', '2026-01-05', { categorie: '40', code: undefined }),
        assigned(3, '2026-02-01', '2026-01-05'),
      ]),
      jw323(h(AGB, MUN, '2026-03-05'), { nummer: 'DN1', begin: '2026-02-01', eind: '2026-02-28', dagtekening: '2026-03-05' }, [
        line('R1', 3, '45', '45A03'),
        line('R2', 1, '38', '38A01'),
      ]),
    ]);

  it('cannot be imported: the 3.2 XSD enumerates the same JZ020 list, so a 39 is rejected', async () => {
    const report = await importFiles(db, [textInput('c39.xml', jw301(h(MUN, AGB, '2026-01-05'), child, [assigned(1, '2026-01-01', '2026-01-05', { categorie: '39' })]))], {
      key, appVersion: 'test',
    });
    expect(report.files[0]!.status).toBe('rejected');
  });

  it('fires for categories outside JZ020 in the store (38 and 40 next to the gap at 39 do not)', async () => {
    const b1 = await plant();
    expect(codes(b1)).toEqual([]);
    // A store written under another code list: two records carry categories JZ020 does not have.
    db.prepare("UPDATE assignment_version SET product_category = '39' WHERE toewijzing_nr = 3").run();
    db.prepare("UPDATE declaration_line SET product_category = '30' WHERE referentie_nummer = 'R2'").run();
    expect(codes(b1)).toEqual([
      {
        code: 'unknown-product-category',
        detail: '2 record(s) with a ProductCategorie that is not in the iJw 3.2 code list JZ020',
        count: 2,
        examples: [
          `JW301 Identificatie ${seq - 1} of 2026-01-05: municipality ${MUN}, provider ${AGB}, ToewijzingNummer 3: ProductCategorie 39`,
          `JW323 Identificatie ${seq} of 2026-03-05: municipality ${MUN}, provider ${AGB}, ToewijzingNummer 1, ReferentieNummer R2: ProductCategorie 30`,
        ],
      },
    ]);
  });

  it('checks ProductCodes against the codebook only when it has rows; a missing code is never flagged', async () => {
    const b1 = await plant();
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ref_codebook'").get();
    if (!exists) db.exec('CREATE TABLE ref_codebook (source TEXT NOT NULL, product_code TEXT NOT NULL, segment TEXT NOT NULL)');
    expect(codes(b1)).toEqual([]); // empty codebook: no rule
    const add = db.prepare("INSERT INTO ref_codebook (source, product_code, segment) VALUES ('test', ?, 'overig')");
    add.run('45A03');
    add.run('99Z99');
    // 38A01 is on JW301 ToewijzingNummer 1 and on line R2; ToewijzingNummer 2 has no code; 45A03 is known.
    expect(codes(b1).map((w) => [w.code, w.count, w.examples])).toEqual([
      [
        'unknown-product-code',
        2,
        [
          `JW301 Identificatie ${seq - 1} of 2026-01-05: municipality ${MUN}, provider ${AGB}, ToewijzingNummer 1: ProductCode 38A01 (ProductCategorie 38)`,
          `JW323 Identificatie ${seq} of 2026-03-05: municipality ${MUN}, provider ${AGB}, ToewijzingNummer 1, ReferentieNummer R2: ProductCode 38A01 (ProductCategorie 38)`,
        ],
      ],
    ]);
    add.run('38A01');
    expect(codes(b1)).toEqual([]);
  });
});
