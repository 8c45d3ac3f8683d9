// Import of one large JW323 declaration file (up to gigabytes) in bounded memory: the file is streamed and read
// in one SAX pass (large-split.ts) that hands each line, pseudonymised, to the store as it passes
// (large-store.ts) and cuts the file into parts of whole clients, which are XSD-validated in xmllint-wasm
// (large-validate.ts) while the next ones are read. The caller's savepoint makes the file all-or-nothing: any
// error, or a cancel, throws and the caller rolls back whatever was stored. The errors are the small path's,
// at the same line and element; once something has failed nothing more is stored, but the rest of the file is
// still validated, so the report lists every error in the file as for a small file (up to MAX_ERRORS). Of the
// file's text (names, BSNs) only the bytes of the part being read and of the call being validated are held.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import { SaxesParser } from 'saxes';
import { ImportFileError, fileError } from './errors.js';
import { DeclarationSplitter } from './large-split.js';
import { LargeDeclarationStore, type LargeMessage } from './large-store.js';
import { PartValidator, ValidationQueue } from './large-validate.js';
import { mappedWarning } from './namespaces.js';
import { pseudonymise } from './pseudonym.js';
import type { Store, Warning } from './store.js';


export interface LargeFileContext {
  /** The caller has an open transaction and a SAVEPOINT for this file; on a throw it rolls the savepoint back. */
  db: Database.Database;
  store: Store;
  batchId: number;
  /** The import_file row, inserted by the caller. */
  fileId: number;
  /** The pseudonym key. */
  key: Buffer;
  /** Larger files are refused with a clear error. */
  maxBytes: number;
  /** Checked between pieces of the file. */
  signal?: { cancelled: boolean };
  onProgress?: (bytesDone: number) => void;
  /** Bytes per validated part (default 4 MiB); tests force small parts. */
  partBytes?: number;
}

export interface LargeFileOutcome {
  code: 'JW323';
  messages: number;
  skipped: number;
  warnings: Warning[];
}

export class ImportCancelled extends Error {
  constructor() {
    super('the import was cancelled');
    this.name = 'ImportCancelled';
  }
}

export const DEFAULT_LARGE_MAX_BYTES = 2 * 1024 * 1024 * 1024;
/** Measured (docs/BENCHMARKS.md, "Large declaration file"): an xmllint-wasm call costs ~0.5 s of CPU to start,
 *  and holds its documents about three times over (here, in the worker, in its file system) plus the tree of
 *  the part being validated; 4 MiB parts in calls of 4 parts, one call at a time beside the reader, keep a
 *  1 GiB import at ~335 MiB peak. */
const PART_BYTES = 4 * 1024 * 1024;
const CALL_PARTS = 4;
const PARALLEL_CALLS = 1;
/** A single Client larger than this cannot be cut out; the file is refused rather than held whole. */
const MAX_PART_BYTES = 32 * 1024 * 1024;
/** Pieces this small decode to strings V8 keeps in its young generation, which is collected cheaply. */
const READ_BYTES = 64 * 1024;
/** Beyond this many errors the rest of the file is not checked. */
export const MAX_ERRORS = 200;

export async function importLargeFile(path: string, ctx: LargeFileContext): Promise<LargeFileOutcome> {
  const size = (await stat(path)).size;
  const tooLarge = (bytes: number): ImportFileError =>
    new ImportFileError([fileError(`file is ${bytes} bytes, larger than the limit of ${ctx.maxBytes} bytes`)]);
  if (size > ctx.maxBytes) throw tooLarge(size);
  if (size === 0) throw new ImportFileError([fileError('file is empty, not an XML message')]);

  const partBytes = ctx.partBytes ?? PART_BYTES;
  const stores = new LargeDeclarationStore(ctx.db, ctx.store);
  let message: LargeMessage | null = null;
  // Lines are stored as they are read, before their part is validated: the caller's savepoint undoes them if
  // anything in the file turns out invalid. Once something has failed, nothing more is stored.
  const failed = (): boolean => queue.errors.length > 0 || splitter.lineError !== null || splitter.headError !== null;
  const splitter = new DeclarationSplitter(
    (bsn) => pseudonymise(ctx.key, bsn),
    {
      head: (facts) => (message = stores.begin(facts, ctx.batchId, ctx.fileId)),
      line: (line) => {
        if (!failed()) message?.add(line);
      },
    },
    partBytes,
    Math.max(MAX_PART_BYTES, 8 * partBytes),
  );
  const queue = new ValidationQueue(() => new PartValidator(splitter.head, splitter.mappedFrom !== null), CALL_PARTS * partBytes, PARALLEL_CALLS);

  try {
    let done = 0;
    for await (const chunk of createReadStream(path, { highWaterMark: READ_BYTES })) {
      if (ctx.signal?.cancelled) throw new ImportCancelled();
      const bytes = chunk as Buffer;
      done += bytes.byteLength;
      if (done > ctx.maxBytes) throw tooLarge(done); // the file grew while being read
      for (const part of splitter.write(bytes)) await queue.add(part);
      ctx.onProgress?.(done);
      if (queue.errors.length > MAX_ERRORS) break;
    }
    if (queue.errors.length <= MAX_ERRORS) for (const part of splitter.end()) await queue.add(part);
    await queue.finish();
  } finally {
    await queue.abandon(); // no worker outlives the import
  }
  if (ctx.signal?.cancelled) throw new ImportCancelled();

  const errors = queue.errors;
  if (errors.length > MAX_ERRORS) {
    throw new ImportFileError([...errors.slice(0, MAX_ERRORS), fileError(`more than ${MAX_ERRORS} errors; the rest of the file was not checked`)]);
  }
  if (errors.length > 0) throw new ImportFileError(errors);
  if (splitter.lineError !== null) throw splitter.lineError;
  if (splitter.headError !== null) throw splitter.headError;
  if (message === null) throw new ImportFileError([fileError('the declaration has no Clienten')]); // XSD-invalid already
  const outcome = (message as LargeMessage).finish();
  // In the order the small path reports them: the container's note on the version after the stored message's.
  const warnings = splitter.mappedFrom === null ? outcome.warnings : [...outcome.warnings, mappedWarning(splitter.mappedFrom)];
  return { code: 'JW323', messages: outcome.messages, skipped: outcome.skipped, warnings };
}

const JW323_ROOT = /^http:\/\/www\.istandaarden\.nl\/ijw\/3_[012]\/jw323\/schema$/;

/** Whether a file whose first bytes (64 KiB will do) are `head` is a JW323 declaration, iJw 3.0, 3.1 or 3.2:
 *  the root element only. Anything else, or anything unreadable, is left to the small path to judge. */
export function isLargeCandidate(head: Uint8Array): boolean {
  const parser = new SaxesParser({ xmlns: true });
  let root: { local: string; uri: string } | null = null;
  parser.on('error', () => undefined); // a head cut off mid-element is not well-formed; only the root matters
  parser.on('opentag', (tag) => {
    root ??= { local: tag.local, uri: tag.uri };
  });
  parser.write(new TextDecoder('utf-8').decode(head));
  const found = root as { local: string; uri: string } | null;
  return found !== null && found.local === 'Bericht' && JW323_ROOT.test(found.uri);
}
