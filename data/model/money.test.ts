// Money statuses and the total check (DOMAIN.md §8), on databases filled through the real importer from the
// official JW323/JW325 examples and hand-made variants of them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open.js';
import { importFiles } from '../import/importer.js';
import { loadOrCreateKey } from '../import/pseudonym.js';
import { exampleInput, textInput } from '../../test/fixtures/import/examples.js';
import { answerFor, answerGranting, answerWithoutAntwoord, jw323, jw325, otherDeclaration, replaceNth } from '../../test/fixtures/import/declarations.js';
import { checkDeclarationTotals, loadDeclarationLines, type MoneyLine } from './money.js';

let dir: string;
let key: Buffer;
const opened: Database.Database[] = [];

function database(name = 'a.db'): Database.Database {
  const db = openDatabase(join(dir, name));
  opened.push(db);
  return db;
}
async function load(db: Database.Database, ...files: [string, string][]): Promise<void> {
  // One batch per file, in the order given: the order of import is what some tests vary.
  for (const [name, text] of files) {
    const report = await importFiles(db, [textInput(name, text)], { key, appVersion: 'test' });
    expect(report.files[0], name).toMatchObject({ status: 'imported', errors: [] }); // variants must stay XSD-valid
  }
}
const byRef = (db: Database.Database): Record<string, Pick<MoneyLine, 'amount' | 'status' | 'month'>> => {
  const refs = db.prepare('SELECT referentie_nummer FROM declaration_line ORDER BY id').pluck().all() as string[];
  return Object.fromEntries(loadDeclarationLines(db).map((l, i) => [refs[i], { amount: l.amount, status: l.status, month: l.month }]));
};
const sorted = (lines: MoneyLine[]): string[] => lines.map((l) => JSON.stringify(l)).sort();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-money-'));
  key = loadOrCreateKey(join(dir, 'pseudonym.key'));
});
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('loadDeclarationLines', () => {
  it('gives one MoneyLine per stored line of the example, all pending before the JW325 arrives', async () => {
    const db = database();
    await load(db, ['JW323.xml', jw323()]);
    const lines = loadDeclarationLines(db);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({
      referentieNummer: 'RN001', client: expect.stringMatching(/^[0-9a-f]{64}$/), municipality: '0384', provider: '65656055', toewijzingNr: 10072,
      productCategory: '45', productCode: '45A03', periodStart: '2026-04-01', periodEnd: '2026-04-30', month: 202604,
      amount: 5000, volume: 4, eenheid: '04', status: 'pending',
    });
    expect(lines.map((l) => l.status)).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(58000); // 79000 declared minus the conflicting RN004 copy (21000)
    expect(checkDeclarationTotals(db)).toEqual([]); // nothing to check without an answer
  });

  it('approves what the example JW325 does not list (RN004) and rejects RN001-RN003', async () => {
    const db = database();
    await load(db, ['JW323.xml', jw323()], ['JW325.xml', jw325()]);
    expect(byRef(db)).toEqual({
      RN001: { amount: 5000, status: 'rejected', month: 202604 },
      RN002: { amount: 24000, status: 'rejected', month: 202604 },
      RN003: { amount: 5000, status: 'rejected', month: 202604 },
      RN004: { amount: 24000, status: 'approved', month: 202604 },
    });
  });

  it('gives the same lines and statuses whichever of JW323 and JW325 is imported first', async () => {
    const first = database('first.db');
    await load(first, ['JW323.xml', jw323()], ['JW325.xml', jw325()]);
    const reversed = database('reversed.db');
    await load(reversed, ['JW325.xml', jw325()], ['JW323.xml', jw323()]);
    expect(sorted(loadDeclarationLines(reversed))).toEqual(sorted(loadDeclarationLines(first)));
    expect(checkDeclarationTotals(reversed)).toEqual(checkDeclarationTotals(first));
    // and in one batch, answer first
    const oneBatch = database('one-batch.db');
    await importFiles(oneBatch, [exampleInput('JW325'), exampleInput('JW323')], { key, appVersion: 'test' });
    expect(sorted(loadDeclarationLines(oneBatch))).toEqual(sorted(loadDeclarationLines(first)));
  });

  it('rejects every line when the JW325 has no DeclaratieAntwoord, in either order', async () => {
    const db = database();
    await load(db, ['JW323.xml', jw323()], ['all.xml', answerWithoutAntwoord()]);
    expect(loadDeclarationLines(db).map((l) => l.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(checkDeclarationTotals(db)).toEqual([]); // no TotaalToegekendBedrag to check
    const reversed = database('reversed.db');
    await load(reversed, ['all.xml', answerWithoutAntwoord()], ['JW323.xml', jw323()]);
    expect(sorted(loadDeclarationLines(reversed))).toEqual(sorted(loadDeclarationLines(db)));
  });

  it('lets the later of two answers to one declaration decide, whatever the import order', async () => {
    // A later JW325 (Dagtekening 2026-06-01) without DeclaratieAntwoord overrides the example's (2023-05-07).
    const later = answerWithoutAntwoord()
      .replace('<ijw:Identificatie>654321987</ijw:Identificatie>', '<ijw:Identificatie>654321999</ijw:Identificatie>')
      .replace(/(<jw325:BerichtIdentificatie>[\s\S]*?<ijw:Dagtekening>)2023-05-07/, '$12026-06-01');
    const a = database('a.db');
    await load(a, ['JW323.xml', jw323()], ['JW325.xml', jw325()], ['later.xml', later]);
    const b = database('b.db');
    await load(b, ['later.xml', later], ['JW323.xml', jw323()], ['JW325.xml', jw325()]);
    expect(loadDeclarationLines(a).map((l) => l.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(sorted(loadDeclarationLines(b))).toEqual(sorted(loadDeclarationLines(a)));
  });

  it('counts a credit line negative in its own month and keeps the line it corrects', async () => {
    // DN002 credits RN001 (VorigReferentieNummer) in full, for April, as line RC001.
    const credit = otherDeclaration('765432199', 'DN002', (x) =>
      replaceNth(
        x.replaceAll('<ijw:ReferentieNummer>RN00', '<ijw:ReferentieNummer>RC00').replace(
          '<ijw:ReferentieNummer>RC001</ijw:ReferentieNummer>',
          '<ijw:ReferentieNummer>RC001</ijw:ReferentieNummer>\n\t\t\t\t\t\t\t<ijw:VorigReferentieNummer>RN001</ijw:VorigReferentieNummer>',
        ),
        '<ijw:DebetCredit>D</ijw:DebetCredit>',
        '<ijw:DebetCredit>C</ijw:DebetCredit>',
        1, // [0] is TotaalIngediendBedrag, [1] the first Prestatie
      ),
    );
    const db = database();
    const report = await importFiles(db, [exampleInput('JW323'), textInput('credit.xml', credit)], { key, appVersion: 'test' });
    expect(report.files.map((f) => f.status)).toEqual(['imported', 'imported']);
    expect(db.prepare("SELECT vorig_referentie_nummer FROM declaration_line WHERE referentie_nummer = 'RC001'").pluck().get()).toBe('RN001');
    const lines = byRef(db);
    expect(lines.RN001).toEqual({ amount: 5000, status: 'pending', month: 202604 });
    expect(lines.RC001).toEqual({ amount: -5000, status: 'pending', month: 202604 });
    const rn001Client = loadDeclarationLines(db)[0]!.client;
    const april = loadDeclarationLines(db).filter((l) => l.client === rn001Client && l.productCode === '45A03' && l.month === 202604);
    expect(april.reduce((s, l) => s + l.amount, 0)).toBe(0);
  });
});

describe('checkDeclarationTotals', () => {
  it("reports the example: approved RN004 (24000) against the JW325's TotaalToegekendBedrag of 34000 C", async () => {
    const db = database();
    await load(db, ['JW323.xml', jw323()], ['JW325.xml', jw325()]);
    expect(checkDeclarationTotals(db)).toEqual([
      {
        code: 'declaration-total-mismatch', municipality: '0384', provider: '65656055', declaratieNummer: 'DN001', approved: 24000, toegekend: -34000,
        detail: expect.stringMatching(/declaration DN001 .*24000 eurocent.*-34000 eurocent/),
      },
    ]);
  });

  it('reports nothing when the approved lines add up to the granted total', async () => {
    const db = database();
    await load(db, ['JW323.xml', jw323()], ['JW325.xml', answerGranting(24000, 'D')]);
    expect(checkDeclarationTotals(db)).toEqual([]);
  });

  it('checks each declaration against its own answer', async () => {
    const db = database();
    const dn002 = otherDeclaration('765432199', 'DN002', (x) => x.replaceAll('<ijw:ReferentieNummer>RN00', '<ijw:ReferentieNummer>RX00'));
    // The answer to DN002 lists RN001-RN003, which are not DN002's lines: all of DN002 is approved.
    await load(db, ['JW323.xml', jw323()], ['dn002.xml', dn002], ['JW325.xml', answerGranting(24000, 'D')], ['dn002-answer.xml', answerFor('DN002', '654321988')]);
    expect(checkDeclarationTotals(db)).toEqual([
      expect.objectContaining({ declaratieNummer: 'DN002', approved: 58000, toegekend: -34000 }),
    ]);
  });
});
