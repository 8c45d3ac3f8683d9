// import/files: sniff → XSD-validate (every file, every type) → parse + pseudonymise → store, with one
// import_batch per call and a savepoint per file so a file is all-or-nothing (DOMAIN.md §2,
// ARCHITECTURE.md "Data flow"). Inputs are handled a batch at a time inside one open transaction: the import
// workers (pool.ts) read, validate and parse the next batches while this thread stores the current one, a
// bounded number of batches ahead, so memory stays bounded for ten years of messages, the event loop gets a
// turn between batches (progress, cancel), and a cancelled or crashed import leaves nothing behind because
// the transaction never commits.
import { availableParallelism } from 'node:os';
import type Database from 'better-sqlite3';
import type { ImportReport, ImportedFile } from '../../core/contract/methods.js';
import type { ImportPhase } from '../../core/contract/imports.js';
import type { ZipLimits } from './containers.js';
import { errorsOf, reportableError, storedErrors } from './errors.js';
import { sizeOf, type AnyInput } from './inputs.js';
import { ImportCancelled } from './large.js';
import { LARGE_FILE_BYTES, planSteps, storeLargeFile } from './large-file.js';
import { PreparePool } from './pool.js';
import { prepareFiles, type PrepareOptions, type PreparedFile } from './prepare.js';
import { Ahead, BATCH, unitsOf } from './schedule.js';
import { Store, type Warning } from './store.js';
import { xmllintModule } from './xmllint-thread.js';
import { runChecks } from './checks.js';
import { getSetting, latestDagtekening } from '../model/load.js';
import { peildatumFrom } from '../model/peildatum.js';

export { listInputs, readInputs, type AnyInput, type ImportInput, type PathInput } from './inputs.js';

/** Progress of a running import, for import/status. Files count the inputs as given (a zip is one). */
export interface ImportProgress {
  phase: ImportPhase;
  filesTotal: number;
  filesDone: number;
  bytesTotal: number;
  bytesDone: number;
  messages: number;
  rejected: number;
}

/** Shared with whoever may cancel: set `cancelled` and the import stops at the next chunk and rolls back. */
export interface ImportControl {
  cancelled: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

export class ImportCancelledError extends Error {
  constructor() {
    super('the import was cancelled; nothing of it was stored');
  }
}

export interface ImportOptions {
  /** The installation's pseudonym key (see pseudonym.ts loadOrCreateKey). */
  key: Buffer;
  appVersion: string;
  now?: () => Date;
  maxFileBytes?: number;
  /** Limits for zip archives (containers.ts DEFAULT_ZIP_LIMITS). */
  zip?: Partial<ZipLimits>;
  /** Batch size: files sent to an import worker together (read, validated in one xmllint call, parsed) and
   *  then stored together; smaller limits make smaller batches. */
  chunkBytes?: number;
  chunkFiles?: number;
  /** Import worker threads (pool.ts); 0 prepares in this thread (validation then starts xmllint-wasm's own
   *  worker per call). Default: none for a small import, else one per core, at least one, at most four. */
  threads?: number;
  /** Path inputs from this size on that are JW323 declarations take the streaming path (large-file.ts). */
  largeFileBytes?: number;
  /** A label for the batch in the import history. */
  source?: string | null;
  control?: ImportControl;
}

/** Storing yields to the event loop every this many files, so status calls are answered mid-batch (a zip
 *  expands into all its entries in one batch). */
const STORE_STEP = 500;

/** Starting the import workers costs about half a second (threads, tsx, the modules): more than preparing a
 *  few hundred files here takes. They pay off from a couple of batches on. */
const WORKERS_FROM = { files: 1000, bytes: 16 * 1024 * 1024 };

function defaultThreads(files: number, bytes: number): number {
  if (files < WORKERS_FROM.files && bytes < WORKERS_FROM.bytes) return 0;
  return Math.max(1, Math.min(4, availableParallelism()));
}

export async function importFiles(db: Database.Database, inputs: readonly AnyInput[], options: ImportOptions): Promise<ImportReport> {
  const now = options.now ?? (() => new Date());
  const control = options.control ?? { cancelled: false };
  const store = new Store(db);
  const report: ImportReport = { batchId: null, files: [], warnings: [] };
  const progress: ImportProgress = {
    phase: 'reading', filesTotal: inputs.length, filesDone: 0, bytesTotal: inputs.reduce((n, i) => n + sizeOf(i), 0), bytesDone: 0, messages: 0, rejected: 0,
  };
  const tell = (phase: ImportPhase): void => {
    progress.phase = phase;
    control.onProgress?.({ ...progress });
  };
  const storeOne = fileStorer(db, store, report);
  const prepareOptions: PrepareOptions = { key: options.key, maxFileBytes: options.maxFileBytes, zip: options.zip };
  const threads = options.threads ?? defaultThreads(inputs.length, progress.bytesTotal);
  let pool: PreparePool | null = null;

  journalsInMemory(db);
  db.exec('BEGIN IMMEDIATE');
  try {
    const batchId = store.startBatch(now().toISOString(), options.appVersion, options.source ?? null);
    report.batchId = batchId;
    store.deferHolds();
    const limits = { bytes: Math.min(options.chunkBytes ?? BATCH.bytes, BATCH.bytes), files: Math.min(options.chunkFiles ?? BATCH.files, BATCH.files) };
    const steps = await planSteps(inputs, limits, options.largeFileBytes ?? LARGE_FILE_BYTES);
    const units = unitsOf(steps, threads > 0);
    if (threads > 0 && units.some((u) => 'batch' in u)) pool = new PreparePool(threads, prepareOptions, await xmllintModule());
    const ahead = new Ahead(units, Math.max(2, 3 * threads), pool ? (batch) => pool!.prepare(batch) : (batch) => prepareFiles(batch, prepareOptions));
    tell('validating');
    for (const [index, unit] of units.entries()) {
      if (control.cancelled) throw new ImportCancelledError();
      if ('large' in unit) {
        // One large declaration file, streamed (large.ts).
        const step = unit.large;
        tell('storing');
        const before = progress.bytesDone;
        const onProgress = (bytes: number): void => {
          progress.bytesDone = before + bytes;
          tell('storing');
        };
        const job = { db, store, batchId, key: options.key, report, signal: control, onProgress };
        const result = await storeLargeFile(step, job).catch((e: unknown) => {
          throw e instanceof ImportCancelled ? new ImportCancelledError() : e;
        });
        progress.messages += result.messages;
        if (result.status === 'rejected') progress.rejected += 1;
        progress.filesDone += 1;
        progress.bytesDone = before + step.size;
        continue;
      }
      const prepared = await ahead.take(index);
      if (control.cancelled) throw new ImportCancelledError();
      tell('storing');
      for (const [i, p] of prepared.entries()) {
        const result = storeOne(p, batchId);
        progress.messages += result.messages;
        if (result.status === 'rejected') progress.rejected += 1;
        if (i % STORE_STEP === STORE_STEP - 1) {
          tell('storing');
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      store.holdStored(batchId);
      progress.filesDone += unit.batch.length;
      progress.bytesDone += unit.batch.reduce((n, i) => n + sizeOf(i), 0);
      tell('storing');
      // Let status and cancel calls in between batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await pool?.close();
    if (control.cancelled) throw new ImportCancelledError();
    store.holdStored(batchId);
    tell('checking');
    // The data checks (docs/IMPORT.md "Controles") against the peildatum the figures will use.
    const peildatum = peildatumFrom(latestDagtekening(db, now().toISOString().slice(0, 10)), getSetting(db, 'peildatum'));
    let checked = 0;
    if (peildatum !== null) {
      for (const c of runChecks(db, { batchId, peildatum })) {
        store.addCheck(batchId, c);
        checked += c.count;
      }
    }
    const sum = (f: (r: ImportedFile) => number): number => report.files.reduce((n, r) => n + f(r), 0);
    store.finishBatch(batchId, now().toISOString(), {
      files: report.files.length,
      messages: sum((r) => r.messages),
      skipped: sum((r) => r.skipped),
      rejected: sum((r) => (r.status === 'rejected' ? 1 : 0)),
      warnings: report.warnings.length + checked,
    });
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    await pool?.close();
    tell(e instanceof ImportCancelledError ? 'cancelled' : 'failed');
    throw e;
  }
  tell('done');
  return report;
}

/** Each file is a savepoint. With temporary files on disk, once one file's savepoint journal outgrows SQLite's
 *  in-memory 64 KiB, every later file's journal is written to a temporary file (measured: a third of the
 *  storing thread's time). With temp_store MEMORY it stays a few pages in memory. SQLite allows the change only
 *  outside a transaction and drops the connection's temporary tables and triggers with it, so it is made only
 *  while there are none (openDatabase could set it once for every connection). */
function journalsInMemory(db: Database.Database): void {
  if (db.pragma('temp_store', { simple: true }) === 2) return;
  if (db.prepare('SELECT count(*) FROM sqlite_temp_master').pluck().get() === 0) db.pragma('temp_store = MEMORY');
}

/** Stores one prepared file and adds its outcome to the report. Each file's writes run in a nested
 *  better-sqlite3 transaction, which is a SAVEPOINT: a throw rolls back that file only. */
function fileStorer(db: Database.Database, store: Store, report: ImportReport): (p: PreparedFile, batchId: number) => ImportedFile {
  const storeFile = db.transaction((p: PreparedFile, batchId: number, result: ImportedFile, warnings: Warning[]) => {
    // Written as the usual outcome (one message stored) and corrected below when it is another.
    const fileId = store.addFile({ batchId, name: p.name, sha256: p.sha256, size: p.size, status: 'imported', messageCode: p.code, messages: 1 });
    const outcome = store.storeMessage(p.parsed!, batchId, fileId, p.hash ?? undefined, p.lineHashes);
    result.messages = outcome.kind === 'stored' ? 1 : 0;
    // A JW323 whose lines were already stored (same identity, same content) counts them as skipped too.
    result.skipped = (outcome.kind === 'skipped' ? 1 : 0) + outcome.skippedLines;
    result.status = result.messages > 0 ? 'imported' : 'duplicate';
    if (result.messages !== 1 || result.skipped !== 0) store.setFileResult(fileId, result.status, result.messages, result.skipped);
    for (const w of outcome.warnings) {
      store.addWarning(batchId, fileId, w);
      warnings.push(w);
    }
  });

  return (p, batchId) => {
    const result: ImportedFile = { name: p.name, status: 'rejected', messageCode: p.code, messages: 0, skipped: 0, errors: p.errors.map(reportableError) };
    const base = { batchId, name: p.name, sha256: p.sha256, size: p.size, messageCode: p.code };
    const pre = p.pre;
    if (pre !== null) {
      result.status = pre.status;
      result.errors = pre.errors.map(reportableError);
      store.addFile({ ...base, status: pre.status, error: pre.errors.length > 0 ? storedErrors(pre.errors) : null });
    } else if (p.errors.length > 0) {
      store.addFile({ ...base, status: 'rejected', error: storedErrors(p.errors) });
    } else if (p.parsed === null) {
      result.status = 'unsupported';
      store.addFile({ ...base, status: 'unsupported' });
    } else {
      const warnings: Warning[] = [];
      try {
        storeFile(p, batchId, result, warnings);
        for (const w of warnings) report.warnings.push({ file: p.name, ...w });
      } catch (e) {
        result.status = 'rejected';
        result.messages = 0;
        result.skipped = 0;
        result.errors = errorsOf(e, 'the file could not be stored').map(reportableError);
        store.addFile({ ...base, status: 'rejected', error: storedErrors(result.errors) });
      }
    }
    for (const w of p.warnings) {
      store.addWarning(batchId, null, { code: w.code, detail: `${p.name}: ${w.detail}` });
      report.warnings.push({ file: p.name, ...w });
    }
    report.files.push(result);
    return result;
  };
}
