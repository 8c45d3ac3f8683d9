// Import of JW323 declarations and JW325 answers: stored facts, line identity (skip / conflict), orphans,
// and privacy. The money statuses derived from them are tested in data/model/money.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importReport } from '../../core/contract/methods.js';
import { exampleInput, exampleText, textInput } from '../../test/fixtures/import/examples.js';
import { answerWithoutAntwoord, jw323, otherDeclaration, replaceNth } from '../../test/fixtures/import/declarations.js';
import { importFiles, type ImportInput } from './importer.js';
import { parseAnswer, parseDeclaration } from './parse-declaration.js';
import { closeTempStore, openTempStore } from '../../test/fixtures/import/store.js';

let dir: string;
let dbFile: string;
let db: Database.Database;
let key: Buffer;
const run = async (inputs: ImportInput[]): ReturnType<typeof importFiles> =>
  importReport.parse(await importFiles(db, inputs, { key, appVersion: 'test', now: () => new Date('2026-11-01T12:00:00Z') }));
const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const TABLES = ['message', 'declaration', 'declaration_line', 'line_conflict', 'declaration_answer', 'answer_rejected_line'];
const counts = (): Record<string, number> => Object.fromEntries(TABLES.map((t) => [t, count(t)]));
const lines = (): unknown[] =>
  db.prepare('SELECT referentie_nummer AS ref, toewijzing_nr AS nr, periode_begin AS begin, bedrag, vorig_referentie_nummer AS vorig FROM declaration_line ORDER BY id').all();

beforeEach(() => ({ dir, dbFile, db, key } = openTempStore('spiegel-decl-')));
afterEach(() => closeTempStore(db, dir));

describe('parseDeclaration / parseAnswer', () => {
  it('reads the JW323 example: signed eurocent, integer ToewijzingNummer, pseudonymised clients only', () => {
    const m = parseDeclaration(exampleText('JW323'), (bsn) => `p${bsn.slice(-2)}`);
    expect(m.header).toEqual({ berichtCode: '490', afzender: '65656055', ontvanger: '0384', identificatie: '765432198', dagtekening: '2026-05-06' });
    expect(m.declaration).toMatchObject({ declaratieNummer: 'DN001', periodStart: '2026-04-01', periodEnd: '2026-04-30', dagtekening: '2026-05-06', totaalIngediend: 79000 });
    expect(m.declaration.lines.map((l) => [l.referentieNummer, l.pseudonym, l.toewijzingNr, l.productCode, l.periodStart, l.volume, l.tarief, l.amount])).toEqual([
      ['RN001', 'p06', 10072, '45A03', '2026-04-01', 4, 1250, 5000],
      ['RN002', 'p06', 10073, '45A04', '2026-04-01', 16, 1500, 24000],
      ['RN003', 'p18', 10074, '45A03', '2026-04-01', 4, 1250, 5000],
      ['RN004', 'p18', 10073, '45A04', '2026-04-01', 16, 1500, 24000],
      ['RN004', 'p18', 10073, '45A04', '2026-03-01', 14, 1500, 21000],
    ]);
    expect(JSON.stringify(m)).not.toMatch(/9999000(06|18)/);
  });

  it('reads the JW325 example: the rejected lines with their retour codes, credit totals negative, no BSN', () => {
    const m = parseAnswer(exampleText('JW325'));
    expect(m.answer).toEqual({
      declaratieIdentificatie: '765432198',
      declaratieDagtekening: '2023-05-07',
      retourCodes: ['0200'],
      antwoord: {
        declaratieNummer: 'DN001', totaalIngediend: -58000, totaalToegekend: -34000, retourCodes: ['0200'],
        rejected: [
          { referentieNummer: 'RN001', retourCodes: ['0611'] },
          { referentieNummer: 'RN002', retourCodes: ['9339', '9340', '9341'] },
          { referentieNummer: 'RN003', retourCodes: ['9307'] },
        ],
      },
    });
    expect(JSON.stringify(m)).not.toMatch(/9999000(06|18)/);
    expect(parseAnswer(answerWithoutAntwoord()).answer).toEqual({
      declaratieIdentificatie: '765432198', declaratieDagtekening: '2026-05-06', retourCodes: ['0200'], antwoord: null,
    });
  });
});

describe('importing JW323 and JW325', () => {
  it('stores the official examples: one declaration, four lines, the repeated RN004 as a conflict, the answer', async () => {
    const report = await run([exampleInput('JW323'), exampleInput('JW325')]);
    expect(report.files.map((f) => [f.name, f.status, f.messageCode, f.messages, f.skipped])).toEqual([
      ['JW323.xml', 'imported', 'JW323', 1, 0],
      ['JW325.xml', 'imported', 'JW325', 1, 0],
    ]);
    expect(counts()).toEqual({ message: 2, declaration: 1, declaration_line: 4, line_conflict: 1, declaration_answer: 1, answer_rejected_line: 3 });
    expect(db.prepare('SELECT municipality, provider, declaratie_nummer, periode_begin, periode_eind, declaratie_dagtekening, totaal_ingediend FROM declaration').get()).toEqual({
      municipality: '0384', provider: '65656055', declaratie_nummer: 'DN001', periode_begin: '2026-04-01', periode_eind: '2026-04-30',
      declaratie_dagtekening: '2026-05-06', totaal_ingediend: 79000,
    });
    // The example declares RN004 twice (April and March): the first copy is the line, the second is recorded.
    expect(lines()).toEqual([
      { ref: 'RN001', nr: 10072, begin: '2026-04-01', bedrag: 5000, vorig: null },
      { ref: 'RN002', nr: 10073, begin: '2026-04-01', bedrag: 24000, vorig: null },
      { ref: 'RN003', nr: 10074, begin: '2026-04-01', bedrag: 5000, vorig: null },
      { ref: 'RN004', nr: 10073, begin: '2026-04-01', bedrag: 24000, vorig: null },
    ]);
    const conflict = db.prepare('SELECT l.referentie_nummer AS ref, c.facts FROM line_conflict c JOIN declaration_line l ON l.id = c.line_id').get() as { ref: string; facts: string };
    expect(conflict.ref).toBe('RN004');
    expect(JSON.parse(conflict.facts)).toMatchObject({ referentieNummer: 'RN004', periodStart: '2026-03-01', amount: 21000, municipality: '0384' });
    expect(db.prepare('SELECT municipality, provider, has_antwoord, declaratie_nummer, totaal_ingediend, totaal_toegekend, retour_codes FROM declaration_answer').get()).toEqual({
      municipality: '0384', provider: '65656055', has_antwoord: 1, declaratie_nummer: 'DN001', totaal_ingediend: -58000, totaal_toegekend: -34000, retour_codes: '0200',
    });
    expect(db.prepare('SELECT referentie_nummer AS ref, retour_codes AS codes FROM answer_rejected_line ORDER BY id').all()).toEqual([
      { ref: 'RN001', codes: '0611' }, { ref: 'RN002', codes: '9339 9340 9341' }, { ref: 'RN003', codes: '9307' },
    ]);
    // Two clients, two pseudonyms; the message row of a many-client message holds no client facts.
    expect(db.prepare('SELECT count(DISTINCT pseudonym) FROM declaration_line').pluck().get()).toBe(2);
    expect(db.prepare("SELECT pseudonym FROM message WHERE code = 'JW323'").pluck().get()).toBeNull();
    expect(report.warnings.map((w) => [w.file, w.code])).toEqual([['JW323.xml', 'line-conflict'], ['JW323.xml', 'orphan-line']]);
    expect(report.warnings[0]!.detail).toContain('RN004');
    // One warning per file summarises the lines without an assignment.
    expect(report.warnings[1]!.detail).toMatch(/3 ToewijzingNummer\(s\) of municipality 0384 .*10072, 10073, 10074; stored anyway/);
    expect(count('import_warning')).toBe(2);
  });

  it('skips everything when the same files are imported again', async () => {
    await run([exampleInput('JW323'), exampleInput('JW325')]);
    const before = counts();
    const again = await run([exampleInput('JW323'), exampleInput('JW325')]);
    expect(again.files.map((f) => [f.status, f.messages, f.skipped])).toEqual([['duplicate', 0, 1], ['duplicate', 0, 1]]);
    expect(again.warnings.map((w) => w.code)).toEqual(['duplicate', 'duplicate']);
    expect(counts()).toEqual(before);
  });

  it('skips lines already stored with the same content and records a line with other content as a conflict', async () => {
    await run([exampleInput('JW323')]);
    // A new message re-sending the same lines, but RN001 with another amount.
    const resent = otherDeclaration('765432200', 'DN003', (x) => replaceNth(x, '<ijw:Bedrag>5000</ijw:Bedrag>', '<ijw:Bedrag>6000</ijw:Bedrag>', 0));
    const report = await run([textInput('resent.xml', resent)]);
    // RN002, RN003, RN004 are the same lines; the second RN004 is the conflict recorded already.
    expect(report.files[0]).toMatchObject({ status: 'imported', messages: 1, skipped: 4 });
    // No new line is stored, so no orphan warning either.
    expect(report.warnings.map((w) => w.code)).toEqual(['line-seen-again', 'line-conflict']);
    expect(report.warnings[1]!.detail).toMatch(/1 line\(s\) .*different content \(ReferentieNummer RN001\)/);
    expect(counts()).toMatchObject({ declaration: 2, declaration_line: 4, line_conflict: 2 });
    expect(db.prepare("SELECT bedrag FROM declaration_line WHERE referentie_nummer = 'RN001'").pluck().get()).toBe(5000); // the first copy stays
    const recorded = db.prepare("SELECT c.facts FROM line_conflict c JOIN declaration_line l ON l.id = c.line_id WHERE l.referentie_nummer = 'RN001'").pluck().get() as string;
    expect(JSON.parse(recorded)).toMatchObject({ amount: 6000 });
    // Seen once more: nothing new is recorded.
    const third = await run([textInput('resent-again.xml', otherDeclaration('765432201', 'DN004', (x) => replaceNth(x, '<ijw:Bedrag>5000</ijw:Bedrag>', '<ijw:Bedrag>6000</ijw:Bedrag>', 0)))]);
    expect(third.files[0]).toMatchObject({ messages: 1, skipped: 5 });
    expect(count('line_conflict')).toBe(2);
  });

  it('keeps the same ReferentieNummer of another provider as a line of its own', async () => {
    await run([exampleInput('JW323')]);
    const other = otherDeclaration('765432202', 'DN001', (x) => x.replace('<jw323:Afzender>65656055</jw323:Afzender>', '<jw323:Afzender>12345678</jw323:Afzender>'));
    const report = await run([textInput('other-provider.xml', other)]);
    expect(report.files[0]).toMatchObject({ messages: 1, skipped: 0 });
    expect(count('declaration_line')).toBe(8);
  });

  it('warns only about lines whose (municipality, ToewijzingNummer) has no assignment; strips leading zeros', async () => {
    // The JW301 example assigns 300201 and 300202 in municipality 0384.
    await run([exampleInput('JW301')]);
    const linked = jw323().replace('<jw323:ToewijzingNummer>10072</jw323:ToewijzingNummer>', '<jw323:ToewijzingNummer>000300201</jw323:ToewijzingNummer>');
    const report = await run([textInput('linked.xml', linked)]);
    expect(report.files[0]).toMatchObject({ status: 'imported', messages: 1 });
    expect(db.prepare("SELECT toewijzing_nr FROM declaration_line WHERE referentie_nummer = 'RN001'").pluck().get()).toBe(300201);
    const orphan = report.warnings.filter((w) => w.code === 'orphan-line');
    expect(orphan).toHaveLength(1);
    expect(orphan[0]!.detail).toMatch(/2 ToewijzingNummer\(s\) .*: 10073, 10074;/);
  });

  it('stores a JW325 whose declaration is not known yet, with a warning', async () => {
    const report = await run([exampleInput('JW325')]);
    expect(report.files[0]).toMatchObject({ status: 'imported', messages: 1 });
    expect(report.warnings).toEqual([{ file: 'JW325.xml', code: 'orphan-answer', detail: expect.stringContaining('DeclaratieNummer DN001') }]);
    expect(counts()).toMatchObject({ declaration_answer: 1, answer_rejected_line: 3 });
  });

  it('stores a JW325 without DeclaratieAntwoord: no number, no totals, no lines', async () => {
    await run([exampleInput('JW323')]);
    const report = await run([textInput('rejected-all.xml', answerWithoutAntwoord())]);
    expect(report.warnings).toEqual([]); // linked by the JW323's message identity
    expect(db.prepare('SELECT has_antwoord, declaratie_nummer, totaal_toegekend, declaratie_identificatie, declaratie_id_dagtekening FROM declaration_answer').get()).toEqual({
      has_antwoord: 0, declaratie_nummer: null, totaal_toegekend: null, declaratie_identificatie: '765432198', declaratie_id_dagtekening: '2026-05-06',
    });
  });

  it('rejects a whole JW323 file when a line cannot be stored, leaving nothing of it', async () => {
    db.exec("CREATE TEMP TRIGGER fail_line BEFORE INSERT ON declaration_line WHEN NEW.referentie_nummer = 'RN003' BEGIN SELECT RAISE(ABORT, 'forced failure'); END");
    const report = await run([exampleInput('JW323')]);
    expect(report.files[0]).toMatchObject({ status: 'rejected', messages: 0 });
    expect(counts()).toMatchObject({ message: 0, declaration: 0, declaration_line: 0, line_conflict: 0 });
  });

  it('writes neither BSN of the examples into the database, its WAL or SHM', async () => {
    await run([exampleInput('JW323'), exampleInput('JW325'), textInput('all.xml', answerWithoutAntwoord())]);
    const files = [dbFile, `${dbFile}-wal`, `${dbFile}-shm`];
    expect(existsSync(`${dbFile}-wal`)).toBe(true);
    const scan = (): void => {
      for (const f of files.filter((x) => existsSync(x))) {
        const bytes = readFileSync(f);
        for (const bsn of ['999900006', '999900018']) expect(bytes.includes(Buffer.from(bsn)), `${bsn} found in ${f}`).toBe(false);
      }
    };
    scan(); // before the checkpoint: what sits in the WAL
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    scan();
  });
});
