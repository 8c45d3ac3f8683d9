// The import history, the report of one batch, and undo (issue 4). A batch holds the messages it stored and
// the ones it saw again with the same content (message_batch, migration 004). Undo removes the batch's
// holdings; a message no remaining batch holds is deleted with every fact derived from it, so the figures
// equal a fresh import of the remaining batches (the model is derived from the stored facts every time).
import type Database from 'better-sqlite3';
import type { BatchReport, BatchSummary, UndoResult } from '../../core/contract/imports.js';
import { ApiFailure } from '../../core/contract/dispatch.js';
import { batchCounts } from './checks.js';

interface BatchRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  source: string | null;
  files: number;
  messages: number;
  skipped: number;
  rejected: number;
  warnings: number;
  held: number;
  undone_at: string | null;
}

const BATCH_SQL = `SELECT b.id, b.started_at, b.finished_at, b.source, b.files, b.messages, b.skipped, b.rejected, b.warnings,
  b.undone_at, (SELECT COUNT(*) FROM message_batch mb WHERE mb.batch_id = b.id) AS held FROM import_batch b`;

function summary(r: BatchRow): BatchSummary {
  return {
    id: r.id, startedAt: r.started_at, finishedAt: r.finished_at, source: r.source, files: r.files, messages: r.messages,
    skipped: r.skipped, rejected: r.rejected, warnings: r.warnings, held: r.held, undoneAt: r.undone_at,
  };
}

/** Newest first. */
export function batchHistory(db: Database.Database): BatchSummary[] {
  return (db.prepare(`${BATCH_SQL} ORDER BY b.id DESC`).all() as BatchRow[]).map(summary);
}

function batchRow(db: Database.Database, batchId: number): BatchRow {
  const row = db.prepare(`${BATCH_SQL} WHERE b.id = ?`).get(batchId) as BatchRow | undefined;
  if (!row) throw new ApiFailure('not-found', `there is no import batch ${batchId}`);
  return row;
}

/** At most this many examples per warning code in a report. */
const EXAMPLES = 10;

export function batchReport(db: Database.Database, batchId: number): BatchReport {
  const batch = summary(batchRow(db, batchId));
  const types = db
    .prepare(
      `SELECT f.message_code AS code, COUNT(*) AS files, SUM(f.messages) AS messages FROM import_file f
       WHERE f.batch_id = ? AND f.message_code IS NOT NULL AND f.status <> 'rejected' GROUP BY f.message_code ORDER BY f.message_code`,
    )
    .all(batchId) as { code: string; files: number; messages: number }[];
  const records = new Map(batchCounts(db, batchId).map((c) => [c.code, c.records]));
  const rejected = (
    db.prepare(`SELECT name, error FROM import_file WHERE batch_id = ? AND status = 'rejected' ORDER BY id`).all(batchId) as { name: string; error: string | null }[]
  ).map((r) => ({ file: r.name, errors: r.error ? (JSON.parse(r.error) as BatchReport['rejected'][number]['errors']) : [] }));
  const warnings: BatchReport['warnings'] = [];
  const byCode = db
    .prepare(`SELECT code, COUNT(*) AS n FROM import_warning WHERE batch_id = ? GROUP BY code ORDER BY code`)
    .all(batchId) as { code: string; n: number }[];
  const examples = db.prepare<[number, string, number], { detail: string }>(
    'SELECT detail FROM import_warning WHERE batch_id = ? AND code = ? ORDER BY id LIMIT ?',
  );
  for (const w of byCode) warnings.push({ code: w.code, count: w.n, examples: examples.all(batchId, w.code, EXAMPLES).map((e) => e.detail) });
  for (const c of db.prepare('SELECT code, count, examples FROM batch_check WHERE batch_id = ? ORDER BY code').all(batchId) as { code: string; count: number; examples: string }[]) {
    warnings.push({ code: c.code, count: c.count, examples: JSON.parse(c.examples) as string[] });
  }
  return { batch, types: types.map((t) => ({ ...t, records: records.get(t.code) ?? 0 })), rejected, warnings };
}

/** Child tables of a message, deepest first, as DELETE statements over the temp table `gone(id)`. */
const DELETES = [
  'DELETE FROM line_conflict WHERE message_id IN (SELECT id FROM gone) OR line_id IN (SELECT l.id FROM declaration_line l JOIN declaration d ON d.id = l.declaration_id WHERE d.message_id IN (SELECT id FROM gone))',
  'DELETE FROM declaration_line WHERE declaration_id IN (SELECT id FROM declaration WHERE message_id IN (SELECT id FROM gone))',
  'DELETE FROM declaration WHERE message_id IN (SELECT id FROM gone)',
  'DELETE FROM answer_rejected_line WHERE answer_id IN (SELECT id FROM declaration_answer WHERE message_id IN (SELECT id FROM gone))',
  'DELETE FROM declaration_answer WHERE message_id IN (SELECT id FROM gone)',
  'DELETE FROM request_product WHERE request_id IN (SELECT id FROM request WHERE message_id IN (SELECT id FROM gone))',
  'DELETE FROM request WHERE message_id IN (SELECT id FROM gone)',
  'DELETE FROM request_answer WHERE message_id IN (SELECT id FROM gone)',
  'DELETE FROM retour_element WHERE retour_id IN (SELECT id FROM retour WHERE message_id IN (SELECT id FROM gone))',
  'DELETE FROM retour WHERE message_id IN (SELECT id FROM gone)',
  'DELETE FROM assignment_version WHERE message_id IN (SELECT id FROM gone)',
  'DELETE FROM care_start WHERE message_id IN (SELECT id FROM gone)',
  'DELETE FROM care_stop WHERE message_id IN (SELECT id FROM gone)',
  'DELETE FROM wmo_assignment_version WHERE message_id IN (SELECT id FROM gone)',
  'DELETE FROM wmo_care_start WHERE message_id IN (SELECT id FROM gone)',
  'DELETE FROM wmo_care_stop WHERE message_id IN (SELECT id FROM gone)',
  'DELETE FROM message_conflict WHERE message_id IN (SELECT id FROM gone)',
  'DELETE FROM message WHERE id IN (SELECT id FROM gone)',
];

export function undoBatch(db: Database.Database, batchId: number, now: () => Date = () => new Date()): UndoResult {
  const row = batchRow(db, batchId);
  if (row.undone_at !== null) throw new ApiFailure('bad-request', `import batch ${batchId} was already undone on ${row.undone_at}`);
  return db.transaction((): UndoResult => {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS gone (id INTEGER PRIMARY KEY); DELETE FROM gone;');
    db.prepare(
      `INSERT INTO gone (id) SELECT mb.message_id FROM message_batch mb WHERE mb.batch_id = ?
       AND NOT EXISTS (SELECT 1 FROM message_batch o WHERE o.message_id = mb.message_id AND o.batch_id <> mb.batch_id)`,
    ).run(batchId);
    const removed = (db.prepare('SELECT COUNT(*) AS n FROM gone').get() as { n: number }).n;
    const kept = row.held - removed;
    db.prepare('DELETE FROM message_batch WHERE batch_id = ?').run(batchId);
    for (const sql of DELETES) db.exec(sql);
    // Conflicting copies this batch brought were never stored; their records go with the batch.
    db.prepare('DELETE FROM message_conflict WHERE file_id IN (SELECT id FROM import_file WHERE batch_id = ?)').run(batchId);
    db.prepare('DELETE FROM line_conflict WHERE file_id IN (SELECT id FROM import_file WHERE batch_id = ?)').run(batchId);
    // A kept message now belongs, first, to the oldest batch that still holds it.
    db.prepare(
      'UPDATE message SET batch_id = (SELECT MIN(batch_id) FROM message_batch mb WHERE mb.message_id = message.id) WHERE batch_id = ?',
    ).run(batchId);
    db.prepare('UPDATE import_batch SET undone_at = ? WHERE id = ?').run(now().toISOString(), batchId);
    db.exec('DELETE FROM gone');
    return { batchId, messagesRemoved: removed, messagesKept: kept, notes: undoNotes(db, batchId) };
  })();
}

/** What undo cannot restore by itself: declaration lines are stored once, under the first declaration that
 *  carried them; a later declaration that repeated them (counted as skipped lines) does not get them back. */
function undoNotes(db: Database.Database, batchId: number): string[] {
  const files = db
    .prepare(
      `SELECT f.name FROM import_file f JOIN import_batch b ON b.id = f.batch_id
       WHERE b.undone_at IS NULL AND b.id <> ? AND f.message_code = 'JW323' AND f.status = 'imported' AND f.skipped > 0`,
    )
    .all(batchId) as { name: string }[];
  if (files.length === 0) return [];
  const named = files.slice(0, 5).map((f) => f.name).join(', ');
  return [
    `${files.length} declaration file(s) of other batches repeated lines that were already known (${named}${files.length > 5 ? ', …' : ''}); ` +
      'import those files again to restore any of those lines this undo removed',
  ];
}
