// Everything the importer does to a file before the database: read, hash, open containers, sniff,
// XSD-validate, parse + pseudonymise, and the content hashes the store compares. It runs in the import
// workers (prepare-worker.ts, pool.ts), so the main thread only stores; or in the calling thread
// (ImportOptions.threads 0). What it returns is plain data (no bytes, no message text): it is posted from the
// worker to the importer, and the decoded text, which holds names and addresses, never leaves this function.
import { hash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { expandInputs, preOutcome, preSniff, preWarnings, readLimit, refusedUnread, type PreOutcome, type ZipLimits } from './containers.js';
import { errorsOf, type FileError } from './errors.js';
import { isPathInput, type AnyInput, type ImportInput } from './inputs.js';
import { parseMessage, STORED_CODES } from './parse.js';
import { isWmoCode } from './iwmo.js';
import { parseWmo } from './parse-wmo.js';
import { parseAnswer, parseDeclaration } from './parse-declaration.js';
import { pseudonymise } from './pseudonym.js';
import { DEFAULT_MAX_FILE_BYTES, quickSniff, sniff, type MessageCode } from './sniff.js';
import { contentHash, type StoredMessage } from './store.js';
import { lineHash } from './store-declaration.js';
import { parseRequestTraffic } from './store-request.js';
import { validateDocuments } from './validate.js';
import type { Xmllint } from './xmllint-thread.js';

export interface PrepareOptions {
  /** The installation's pseudonym key. */
  key: Uint8Array;
  maxFileBytes?: number;
  zip?: Partial<ZipLimits>;
}

/** One file as the store takes it: an input, or an entry of a zip / the message inside an envelope. */
export interface PreparedFile {
  name: string;
  size: number;
  sha256: string;
  code: MessageCode | null;
  /** Why the file is refused (sniff, XSD, parse); empty when it can be stored. */
  errors: FileError[];
  /** The facts to store; null when refused or of a type Spiegel only validates. */
  parsed: StoredMessage | null;
  /** contentHash(parsed), and for a JW323 lineHash() of each line in order: worked out here, off the store. */
  hash: string | null;
  lineHashes: string[] | null;
  /** What opening the containers decided on its own (containers.ts), and its warnings. */
  pre: PreOutcome | null;
  warnings: { code: string; detail: string }[];
}

/** Reads a valid message of a type Spiegel stores; null for the types it only validates. */
function parseStored(text: string, code: MessageCode, pseudonymise: (bsn: string) => string): StoredMessage | null {
  if (isWmoCode(code)) return parseWmo(text, code, pseudonymise);
  if (code === 'JW323') return parseDeclaration(text, pseudonymise);
  if (code === 'JW325') return parseAnswer(text);
  for (const stored of STORED_CODES) if (code === stored) return parseMessage(text, stored, pseudonymise);
  return parseRequestTraffic(text, code, pseudonymise);
}

/** Path inputs are read here, one at a time and synchronously: a month folder holds thousands of small
 *  files, more than the open-file limit allows at once, and an awaited read costs four thread-pool round
 *  trips per file. The size is known from the listing, so a file is opened, read in one call into its slice
 *  of one buffer for the batch and closed (readFileSync would also stat it and allocate per file); one
 *  whose size changed since it was listed is read again whole. */
function read(inputs: readonly AnyInput[], options: PrepareOptions): ImportInput[] {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // A file over the limit is refused from its listed size, before any byte of it is read or allocated.
  const tooLarge = (i: AnyInput) => isPathInput(i) && i.size > readLimit(i.name, maxFileBytes, options.zip);
  const slab = Buffer.allocUnsafe(inputs.reduce((n, i) => n + (isPathInput(i) && !tooLarge(i) ? i.size + 1 : 0), 0));
  let at = 0;
  return inputs.map((input) => {
    if (!isPathInput(input)) return input;
    if (tooLarge(input)) return refusedUnread(input.name, input.size, readLimit(input.name, maxFileBytes, options.zip));
    const fd = openSync(input.path, 'r');
    try {
      // One byte more than listed is asked for: getting exactly the listed size means the file is unchanged.
      const n = readSync(fd, slab, at, input.size + 1, 0);
      if (n !== input.size) {
        const whole = readFileSync(fd); // changed since it was listed (or a short read): read it whole
        return { name: input.name, bytes: new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength) };
      }
      const bytes = new Uint8Array(slab.buffer, slab.byteOffset + at, n);
      at += input.size + 1;
      return { name: input.name, bytes };
    } finally {
      closeSync(fd);
    }
  });
}

/** Prepares the inputs, in order (a zip becomes the archive followed by its entries). */
export async function prepareFiles(inputs: readonly AnyInput[], options: PrepareOptions, xmllint?: Xmllint): Promise<PreparedFile[]> {
  const key = Buffer.from(options.key.buffer, options.key.byteOffset, options.key.byteLength);
  const files = expandInputs(read(inputs, options), options); // containers: zips, GGk, 3.0/3.1
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const texts: (string | null)[] = [];
  // Files whose prolog was read by quickSniff() only: sniffed in full after all unless xmllint finds them
  // valid without a word — saving a second parse of nearly every file.
  const unconfirmed: boolean[] = [];
  const prepared: PreparedFile[] = files.map((input) => {
    const sha256 = hash('sha256', input.bytes);
    const quick = preSniff(input) ?? quickSniff(input.bytes, maxBytes);
    const s = quick ?? sniff(input.bytes, maxBytes);
    texts.push(s.ok ? s.text : null);
    unconfirmed.push(quick !== null && quick.ok);
    return {
      name: input.name, size: input.bytes.byteLength, sha256, code: s.code, errors: s.ok ? [] : [s.error], parsed: null, hash: null,
      lineHashes: null, pre: preOutcome(input), warnings: preWarnings(input),
    };
  });

  const toValidate = prepared.flatMap((p, i) => (texts[i] !== null && p.code !== null ? [i] : []));
  const verdicts = await validateDocuments(toValidate.map((i) => files[i]!.bytes), xmllint);
  toValidate.forEach((i, k) => {
    const p = prepared[i]!;
    const v = verdicts[k]!;
    if (unconfirmed[i] && !v.clean) {
      // As if sniffed first: a file sniff() refuses gets its reason and is not read further.
      const s = sniff(files[i]!.bytes, maxBytes);
      p.code = s.code;
      if (!s.ok) {
        p.errors = [s.error];
        texts[i] = null;
        return;
      }
    }
    p.errors = v.errors;
  });

  prepared.forEach((p, i) => {
    const text = texts[i];
    if (p.errors.length === 0 && text !== null && text !== undefined && p.code !== null) {
      try {
        p.parsed = parseStored(text, p.code, (bsn) => pseudonymise(key, bsn));
        if (p.parsed !== null) {
          p.hash = contentHash(p.parsed);
          if (p.parsed.code === 'JW323') {
            const municipality = p.parsed.header.ontvanger;
            p.lineHashes = p.parsed.declaration.lines.map((line) => lineHash(line, municipality));
          }
        }
      } catch (e) {
        p.errors = errorsOf(e, 'the message could not be read');
        p.parsed = null;
      }
    }
    texts[i] = null; // the decoded text holds names and addresses; drop it as soon as it is parsed
  });
  return prepared;
}
