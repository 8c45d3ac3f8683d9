// The importer's side of the streaming path (large.ts): which inputs take it, and storing one such file as a
// file of the batch — its row, a savepoint, the outcome or the rejection — like the small path does.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import type { ImportReport, ImportedFile } from '../../core/contract/methods.js';
import { errorsOf, reportableError, storedErrors } from './errors.js';
import { chunksOf, type AnyInput, type PathInput } from './inputs.js';
import { DEFAULT_LARGE_MAX_BYTES, ImportCancelled, importLargeFile, isLargeCandidate } from './large.js';
import type { Store } from './store.js';

/** Declaration files from this size on are streamed instead of read whole (the small path holds a file,
 *  its text and its parsed lines at once; 32 MiB keeps that well under the app's memory budget). */
export const LARGE_FILE_BYTES = 32 * 1024 * 1024;

/** A path input above the threshold whose first 64 KiB open a JW323 Bericht. */
async function isLargeInput(input: AnyInput, threshold: number): Promise<boolean> {
  if (!('path' in input) || input.size < threshold) return false;
  const handle = await open(input.path, 'r');
  try {
    const head = new Uint8Array(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return isLargeCandidate(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Chunks of ordinary files, with each large declaration file as a step of its own, in the given order. */
export async function planSteps(inputs: readonly AnyInput[], limits: { bytes: number; files: number }, threshold: number): Promise<(AnyInput[] | PathInput)[]> {
  const steps: (AnyInput[] | PathInput)[] = [];
  let run: AnyInput[] = [];
  for (const input of inputs) {
    if (await isLargeInput(input, threshold)) {
      steps.push(...chunksOf(run, limits), input as PathInput);
      run = [];
    } else {
      run.push(input);
    }
  }
  steps.push(...chunksOf(run, limits));
  return steps;
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface LargeFileJob {
  db: Database.Database;
  store: Store;
  batchId: number;
  key: Buffer;
  report: ImportReport;
  signal: { cancelled: boolean };
  onProgress: (bytesDone: number) => void;
  maxBytes?: number;
}

/** Stores one large declaration file all-or-nothing (a savepoint inside the batch's transaction). A cancel
 *  propagates as large.ts's ImportCancelled; any other failure rejects the file and the import goes on. */
export async function storeLargeFile(input: PathInput, job: LargeFileJob): Promise<ImportedFile> {
  const { db, store, batchId, report } = job;
  const base = { batchId, name: input.name, sha256: await sha256OfFile(input.path), size: input.size, messageCode: 'JW323' };
  const result: ImportedFile = { name: input.name, status: 'rejected', messageCode: 'JW323', messages: 0, skipped: 0, errors: [] };
  db.exec('SAVEPOINT large_file');
  try {
    const fileId = store.addFile({ ...base, status: 'imported' });
    const out = await importLargeFile(input.path, {
      db, store, batchId, fileId, key: job.key, maxBytes: job.maxBytes ?? DEFAULT_LARGE_MAX_BYTES, signal: job.signal, onProgress: job.onProgress,
    });
    result.messages = out.messages;
    result.skipped = out.skipped;
    result.status = out.messages > 0 ? 'imported' : 'duplicate';
    store.setFileResult(fileId, result.status, result.messages, result.skipped);
    for (const w of out.warnings) {
      store.addWarning(batchId, fileId, w);
      report.warnings.push({ file: input.name, ...w });
    }
    db.exec('RELEASE large_file');
  } catch (e) {
    db.exec('ROLLBACK TO large_file');
    db.exec('RELEASE large_file');
    if (e instanceof ImportCancelled) throw e;
    const errors = errorsOf(e, 'the file could not be stored');
    result.errors = errors.map(reportableError);
    store.addFile({ ...base, status: 'rejected', error: storedErrors(errors) });
  }
  report.files.push(result);
  return result;
}
