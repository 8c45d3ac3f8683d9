// import/files: sniff → XSD-validate (every file, every type) → parse + pseudonymise → store, with one
// import_batch per call and a savepoint per file so a file is all-or-nothing (DOMAIN.md §2,
// ARCHITECTURE.md "Data flow"). Inputs are handled a chunk at a time inside one open transaction: memory
// stays bounded for ten years of messages, the event loop gets a turn between chunks (progress, cancel),
// and a cancelled or crashed import leaves nothing behind because the transaction never commits.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ImportReport, ImportedFile } from '../../core/contract/methods.js';
import type { ImportPhase } from '../../core/contract/imports.js';
import { expandInputs, preOutcome, preSniff, preWarnings, type ZipLimits } from './containers.js';
import { errorsOf, reportableError, storedErrors, type FileError } from './errors.js';
import { readChunk, sizeOf, type AnyInput, type ImportInput } from './inputs.js';
import { ImportCancelled } from './large.js';
import { LARGE_FILE_BYTES, planSteps, storeLargeFile } from './large-file.js';
import { parseMessage, STORED_CODES } from './parse.js';
import { parseAnswer, parseDeclaration } from './parse-declaration.js';
import { pseudonymise } from './pseudonym.js';
import { DEFAULT_MAX_FILE_BYTES, sniff, type MessageCode } from './sniff.js';
import { Store, type StoredMessage, type Warning } from './store.js';
import { parseRequestTraffic } from './store-request.js';
import { validateMessages } from './validate.js';
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
  /** Chunk size: files read, validated (one xmllint start) and stored together. */
  chunkBytes?: number;
  chunkFiles?: number;
  /** Path inputs from this size on that are JW323 declarations take the streaming path (large-file.ts). */
  largeFileBytes?: number;
  /** A label for the batch in the import history. */
  source?: string | null;
  control?: ImportControl;
}

const CHUNK_BYTES = 64 * 1024 * 1024;
/** Each chunk pays one xmllint-wasm start (~0.3 s): at least 1,000 files per chunk, at most 20,000, and
 *  about ten chunks per import so the progress bar moves. */
function chunkFiles(total: number): number {
  return Math.min(20_000, Math.max(1_000, Math.ceil(total / 10)));
}
/** Storing yields to the event loop every this many files, so status calls are answered mid-chunk. */
const STORE_STEP = 500;

interface Prepared {
  input: ImportInput;
  sha256: string;
  code: MessageCode | null;
  errors: FileError[];
  text: string | null;
  parsed: StoredMessage | null;
}

/** Reads a valid message of a type Spiegel stores; null for the types it only validates. */
function parseStored(text: string, code: MessageCode, pseudonymise: (bsn: string) => string): StoredMessage | null {
  if (code === 'JW323') return parseDeclaration(text, pseudonymise);
  if (code === 'JW325') return parseAnswer(text);
  for (const stored of STORED_CODES) if (code === stored) return parseMessage(text, stored, pseudonymise);
  return parseRequestTraffic(text, code, pseudonymise);
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

  db.exec('BEGIN IMMEDIATE');
  try {
    const batchId = store.startBatch(now().toISOString(), options.appVersion, options.source ?? null);
    report.batchId = batchId;
    const limits = { bytes: options.chunkBytes ?? CHUNK_BYTES, files: options.chunkFiles ?? chunkFiles(inputs.length) };
    const steps = await planSteps(inputs, limits, options.largeFileBytes ?? LARGE_FILE_BYTES);
    // Pipelined: while one chunk is stored here, the next is read and validated in the xmllint worker, so
    // the two cores of a laptop both work (validation is the larger half of the time).
    const load = (chunk: AnyInput[]): Promise<Prepared[]> =>
      readChunk(chunk).then((read) => prepare(expandInputs(read, options), options)); // containers: zips, GGk, 3.0/3.1
    let ahead: Promise<Prepared[]> | null = null;
    for (const [index, step] of steps.entries()) {
      if (control.cancelled) throw new ImportCancelledError();
      if (!Array.isArray(step)) {
        // One large declaration file, streamed (large.ts).
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
      const chunk = step;
      tell('validating');
      const prepared = await (ahead ?? load(chunk));
      const following = steps[index + 1];
      ahead = Array.isArray(following) ? load(following) : null;
      ahead?.catch(() => undefined); // awaited (and its error thrown) at its own turn; no unhandled rejection
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
      progress.filesDone += chunk.length;
      progress.bytesDone += chunk.reduce((n, i) => n + sizeOf(i), 0);
      tell('storing');
      // Let status and cancel calls in between chunks.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (control.cancelled) throw new ImportCancelledError();
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
    tell(e instanceof ImportCancelledError ? 'cancelled' : 'failed');
    throw e;
  }
  tell('done');
  return report;
}

/** Stores one prepared file and adds its outcome to the report. Each file's writes run in a nested
 *  better-sqlite3 transaction, which is a SAVEPOINT: a throw rolls back that file only. */
function fileStorer(db: Database.Database, store: Store, report: ImportReport): (p: Prepared, batchId: number) => ImportedFile {
  const storeFile = db.transaction((p: Prepared, batchId: number, result: ImportedFile, warnings: Warning[]) => {
    const fileId = store.addFile({ batchId, name: p.input.name, sha256: p.sha256, size: p.input.bytes.byteLength, status: 'imported', messageCode: p.code });
    const outcome = store.storeMessage(p.parsed!, batchId, fileId);
    result.messages = outcome.kind === 'stored' ? 1 : 0;
    // A JW323 whose lines were already stored (same identity, same content) counts them as skipped too.
    result.skipped = (outcome.kind === 'skipped' ? 1 : 0) + outcome.skippedLines;
    result.status = result.messages > 0 ? 'imported' : 'duplicate';
    store.setFileResult(fileId, result.status, result.messages, result.skipped);
    for (const w of outcome.warnings) {
      store.addWarning(batchId, fileId, w);
      warnings.push(w);
    }
  });

  return (p, batchId) => {
    const result: ImportedFile = { name: p.input.name, status: 'rejected', messageCode: p.code, messages: 0, skipped: 0, errors: p.errors.map(reportableError) };
    const base = { batchId, name: p.input.name, sha256: p.sha256, size: p.input.bytes.byteLength, messageCode: p.code };
    const pre = preOutcome(p.input);
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
        for (const w of warnings) report.warnings.push({ file: p.input.name, ...w });
      } catch (e) {
        result.status = 'rejected';
        result.messages = 0;
        result.skipped = 0;
        result.errors = errorsOf(e, 'the file could not be stored').map(reportableError);
        store.addFile({ ...base, status: 'rejected', error: storedErrors(result.errors) });
      }
    }
    for (const w of preWarnings(p.input)) {
      store.addWarning(batchId, null, { code: w.code, detail: `${p.input.name}: ${w.detail}` });
      report.warnings.push({ file: p.input.name, ...w });
    }
    report.files.push(result);
    return result;
  };
}

/** Everything that can be done before the database transaction (validation is asynchronous). */
async function prepare(inputs: readonly ImportInput[], options: ImportOptions): Promise<Prepared[]> {
  const prepared: Prepared[] = inputs.map((input) => {
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    const s = preSniff(input) ?? sniff(input.bytes, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    return s.ok
      ? { input, sha256, code: s.code, errors: [], text: s.text, parsed: null }
      : { input, sha256, code: s.code, errors: [s.error], text: null, parsed: null };
  });

  const toValidate = prepared.filter((p) => p.text !== null && p.code !== null);
  const verdicts = await validateMessages(toValidate.map((p) => p.input.bytes));
  toValidate.forEach((p, i) => (p.errors = verdicts[i]!));

  for (const p of prepared) {
    if (p.errors.length === 0 && p.text !== null && p.code !== null) {
      try {
        p.parsed = parseStored(p.text, p.code, (bsn) => pseudonymise(options.key, bsn));
      } catch (e) {
        p.errors = errorsOf(e, 'the message could not be read');
      }
    }
    p.text = null; // the decoded text holds names and addresses; drop it as soon as it is parsed
  }
  return prepared;
}
