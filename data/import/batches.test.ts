// Undo of an import batch: the store afterwards equals a fresh import of the remaining batches (issue 4),
// compared on every fact table by content (ids and batch bookkeeping aside). Also the history, the report
// of a batch, cancel (nothing stays) and chunked imports.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRegion } from '../generate/index.js';
import { closeTempStore, openTempStore, type TempStore } from '../../test/fixtures/import/store.js';
import { prng } from '../../test/fixtures/prng.js';
import { batchHistory, batchReport, undoBatch } from './batches.js';
import { ImportCancelledError, importFiles, type ImportInput } from './importer.js';

/** Every fact the model reads, by content: message identities and the rows hanging off them. */
function facts(db: Database.Database): Record<string, unknown[]> {
  const m = 'JOIN message m ON m.id = t.message_id';
  const id = "m.code || '|' || m.afzender || '|' || m.identificatie || '|' || m.dagtekening AS msg";
  const q = (sql: string) => db.prepare(sql).all().map((r) => JSON.stringify(r)).sort();
  return {
    message: q('SELECT code, afzender, ontvanger, identificatie, dagtekening, content_hash, pseudonym, birth_year, birth_month, gender, pc4 FROM message'),
    assignment: q(`SELECT ${id}, t.municipality, t.provider, t.toewijzing_nr, t.product_category, t.product_code, t.toewijzingsdatum, t.toewijzingstijd, t.ingangsdatum, t.einddatum, t.reden_wijziging, t.volume FROM assignment_version t ${m}`),
    start: q(`SELECT ${id}, t.municipality, t.provider, t.toewijzing_nr, t.begindatum, t.status_aanlevering FROM care_start t ${m}`),
    stop: q(`SELECT ${id}, t.municipality, t.provider, t.toewijzing_nr, t.einddatum, t.reden_beeindiging, t.status_aanlevering FROM care_stop t ${m}`),
    declaration: q(`SELECT ${id}, t.declaratie_nummer, t.totaal_ingediend FROM declaration t ${m}`),
    line: q(`SELECT ${id}, l.referentie_nummer, l.vorig_referentie_nummer, l.pseudonym, l.bedrag, l.periode_begin FROM declaration_line l JOIN declaration t ON t.id = l.declaration_id ${m}`),
    answer: q(`SELECT ${id}, t.retour_codes, t.totaal_toegekend FROM declaration_answer t ${m}`),
    rejectedLine: q(`SELECT ${id}, r.* FROM answer_rejected_line r JOIN declaration_answer t ON t.id = r.answer_id ${m}`.replace(', r.*', ', r.referentie_nummer')),
    request: q(`SELECT ${id}, t.referentie_aanbieder, t.pseudonym FROM request t ${m}`),
    requestAnswer: q(`SELECT ${id}, t.referentie_aanbieder FROM request_answer t ${m}`),
    retour: q(`SELECT ${id} FROM retour t ${m}`),
  };
}

let dir: string;
let files: ImportInput[];
const opened: TempStore[] = [];

function store(): TempStore {
  const s = openTempStore('spiegel-batches-');
  opened.push(s);
  return s;
}

/** One pseudonym key for every store, so the stores can be compared. */
async function importAll(s: TempStore, inputs: ImportInput[], source?: string) {
  return importFiles(s.db, inputs, { key: opened[0]!.key, appVersion: 'test', chunkFiles: 250, source: source ?? null });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-batches-region-'));
  await writeRegion(join(dir, 'r'), { seed: 11, scale: 0.003, start: '2022-01-01', end: '2024-12-31' });
  const names = readdirSync(join(dir, 'r'), { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.xml')).sort();
  files = names.map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(join(dir, 'r', n))) }));
}, 120_000);

afterAll(() => {
  for (const s of opened) closeTempStore(s.db, s.dir);
  rmSync(dir, { recursive: true, force: true });
});

describe('undo of an import batch', () => {
  it('leaves exactly what a fresh import of the remaining batches gives', async () => {
    expect(files.length).toBeGreaterThan(300);
    const random = prng(4);
    const shuffled = files.map((f) => ({ f, k: random() })).sort((x, y) => x.k - y.k).map((x) => x.f);
    // Overlapping batches: A and B share a fifth of the files; C holds a few of A's again.
    const n = shuffled.length;
    const a = shuffled.slice(0, Math.round(n * 0.6));
    const b = shuffled.slice(Math.round(n * 0.4));
    const c = a.slice(0, 25);

    const undone = store();
    const ra = await importAll(undone, a, 'A');
    const rb = await importAll(undone, b, 'B');
    const rc = await importAll(undone, c, 'C');
    const result = undoBatch(undone.db, rb.batchId!);
    const fresh = store();
    await importAll(fresh, a);
    await importAll(fresh, c);
    expect(facts(undone.db)).toEqual(facts(fresh.db));

    // B stored the files A did not have, and held the shared fifth too: those stay, held by A.
    const shared = b.filter((f) => a.includes(f)).length;
    expect(result.messagesKept).toBe(shared);
    expect(result.messagesRemoved).toBe(b.length - shared);
    expect(rc.files.every((f) => f.status === 'duplicate')).toBe(true);

    // Undoing A as well leaves C's 25 files; undoing C then leaves nothing.
    undoBatch(undone.db, ra.batchId!);
    const onlyC = store();
    await importAll(onlyC, c);
    expect(facts(undone.db)).toEqual(facts(onlyC.db));
    undoBatch(undone.db, rc.batchId!);
    for (const [table, rows] of Object.entries(facts(undone.db))) expect(rows, table).toEqual([]);
    expect(() => undoBatch(undone.db, rc.batchId!)).toThrow(/already undone/);
    expect(() => undoBatch(undone.db, 999)).toThrow(/no import batch 999/);

    const history = batchHistory(undone.db);
    expect(history.map((h) => [h.source, h.held, h.undoneAt !== null])).toEqual([['C', 0, true], ['B', 0, true], ['A', 0, true]]);
  }, 300_000);

  it('reports files, messages and records per type and every rejected file with its reason', async () => {
    const s = store();
    const sample = files.filter((f) => /JW30[157]/.test(f.name)).slice(0, 40);
    const broken = { name: 'kapot.xml', bytes: new TextEncoder().encode('<Bericht>') };
    const r = await importAll(s, [...sample, broken], 'januari');
    const report = batchReport(s.db, r.batchId!);
    expect(report.batch.source).toBe('januari');
    expect(report.batch.files).toBe(41);
    expect(report.rejected.map((x) => x.file)).toEqual(['kapot.xml']);
    expect(report.rejected[0]!.errors[0]!.reason).toMatch(/./);
    // Files per type counted from the names the generator gave them; one message per file.
    for (const code of ['JW301', 'JW305', 'JW307']) {
      const expected = sample.filter((f) => f.name.includes(code)).length;
      const row = report.types.find((t) => t.code === code);
      expect(row?.files ?? 0, code).toBe(expected);
      expect(row?.messages ?? 0, code).toBe(expected);
    }
    const counted = (sql: string) => (s.db.prepare(sql).get() as { n: number }).n;
    expect(report.types.find((t) => t.code === 'JW301')?.records).toBe(counted('SELECT COUNT(*) AS n FROM assignment_version'));
  }, 60_000);
});

describe('a cancelled import', () => {
  it('stops between chunks and leaves nothing behind', async () => {
    const s = store();
    const control = { cancelled: false, onProgress: (p: { filesDone: number }) => { if (p.filesDone >= 100) control.cancelled = true; } };
    await expect(importFiles(s.db, files, { key: s.key, appVersion: 'test', chunkFiles: 50, control })).rejects.toBeInstanceOf(ImportCancelledError);
    for (const table of ['import_batch', 'import_file', 'message', 'message_batch', 'assignment_version']) {
      expect((s.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
    }
    expect(s.db.inTransaction).toBe(false);
  }, 60_000);
});
