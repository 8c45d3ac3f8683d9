// Containers around iJw messages, opened before sniffing (docs/IMPORT.md): zip archives (one level), the GGk
// envelope (envelope.ts) and iJw 3.0/3.1 namespaces (namespaces.ts). expandInputs() turns the inputs of an
// import into the inputs that are actually sniffed, validated and stored; what it decided on its own (a refused
// archive, an envelope with a text file, a 2.x message, a warning) travels with each input.
//
// Reading a zip archive of messages safely. The central directory is read
// first and every hostile archive is refused before anything is inflated: path traversal, encryption, a
// declared total above the limit, a suspicious compression ratio. Inflating (fflate, streaming, small
// chunks) then enforces the declared sizes, so an archive whose headers lie is stopped at the limit too.
import { crc32 } from 'node:zlib';
import { Inflate } from 'fflate';
import { openEnvelope } from './envelope.js';
import { fileError, type FileError } from './errors.js';
import { mapNamespaces, mappedWarning } from './namespaces.js';
import { readWmo } from './iwmo.js';
import { DEFAULT_MAX_FILE_BYTES, type SniffResult } from './sniff.js';

export interface ZipLimits {
  /** Total uncompressed bytes of the *.xml entries of one archive (declared, and enforced while inflating). */
  maxTotalBytes: number;
  /** Largest allowed uncompressed:compressed ratio of an entry larger than `ratioMinBytes`. */
  maxRatio: number;
  ratioMinBytes: number;
  /** Most entries (of any kind) in one archive. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioMinBytes: 1024 * 1024,
  maxEntries: 200_000,
};

/** One *.xml (or nested *.zip) entry: its bytes, or why that entry alone is not read. */
export interface ZipEntry {
  path: string;
  bytes: Uint8Array | null;
  error: string | null;
}

/** The whole archive is refused; `entry` names the offending entry when there is one. */
export class ZipRefusedError extends Error {
  readonly entry: string | null;
  constructor(reason: string, entry: string | null = null) {
    super(reason);
    this.name = 'ZipRefusedError';
    this.entry = entry;
  }
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const INFLATE_CHUNK = 4 * 1024; // compressed bytes per push: bounds what one push can produce (~4 MB at most)

export function looksLikeZip(name: string, bytes: Uint8Array): boolean {
  const magic = bytes.byteLength >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  return (magic && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))) || /\.zip$/i.test(name);
}

/** Why an entry name may not be used (traversal, absolute, drive letter, backslash), or null when it is fine. */
export function unsafeEntryName(name: string): string | null {
  if (name.length === 0) return 'an entry has an empty name';
  if (name.includes('\0')) return 'the entry name contains a NUL character';
  if (name.includes('\\')) return 'the entry name contains a backslash';
  if (name.startsWith('/')) return 'the entry name is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'the entry name starts with a drive letter';
  if (name.split('/').some((s) => s === '..')) return 'the entry name leaves the archive (../)';
  return null;
}

/** Entries that are read: *.xml files (and *.zip, reported as nested), not folders or macOS resource forks. */
function wanted(name: string): 'xml' | 'zip' | null {
  if (name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\._[^/]*$/.test(name)) return null;
  if (/\.xml$/i.test(name)) return 'xml';
  if (/\.zip$/i.test(name)) return 'zip';
  return null;
}

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Reads the *.xml entries of an archive, or throws ZipRefusedError for a hostile or unreadable archive.
 *  Entries that are only individually wrong (too large for one file, nested zip, unknown compression)
 *  come back with `error` set and are not inflated. */
export function readZip(bytes: Uint8Array, limits: ZipLimits, maxEntryBytes: number): ZipEntry[] {
  const central = readCentralDirectory(bytes, limits);
  // Every check that needs no inflating, for every entry, before anything is inflated.
  let total = 0;
  for (const e of central) {
    const unsafe = unsafeEntryName(e.name);
    if (unsafe) throw new ZipRefusedError(`${unsafe}; archives with such entries are refused as a whole`, e.name);
    if ((e.flags & 1) !== 0 || e.method === 99) throw new ZipRefusedError('the entry is encrypted; encrypted archives are not supported', e.name);
    if (wanted(e.name) !== 'xml' || e.size > maxEntryBytes || (e.method !== 0 && e.method !== 8)) continue;
    total += e.size;
    if (total > limits.maxTotalBytes) {
      throw new ZipRefusedError(`the archive declares more than ${limits.maxTotalBytes} bytes uncompressed (limit of ${limits.maxTotalBytes} bytes); refused before inflating`, e.name);
    }
    if (e.size > limits.ratioMinBytes && e.size > limits.maxRatio * Math.max(1, e.compressedSize)) {
      throw new ZipRefusedError(
        `the entry declares ${e.size} bytes from ${e.compressedSize} compressed, a ratio above the limit of ${limits.maxRatio}:1 (zip bomb?); refused before inflating`,
        e.name,
      );
    }
  }

  const entries: ZipEntry[] = [];
  let inflated = 0;
  for (const e of central) {
    const kind = wanted(e.name);
    if (kind === null) continue;
    if (kind === 'zip') {
      entries.push({ path: e.name, bytes: null, error: 'a zip inside a zip is not read (one level only); unpack it and import it separately' });
    } else if (e.size > maxEntryBytes) {
      entries.push({ path: e.name, bytes: null, error: `file is ${e.size} bytes, larger than the limit of ${maxEntryBytes} bytes` });
    } else if (e.method !== 0 && e.method !== 8) {
      entries.push({ path: e.name, bytes: null, error: `compression method ${e.method} is not supported (only stored and deflate)` });
    } else {
      const data = inflateEntry(bytes, e, Math.min(e.size, limits.maxTotalBytes - inflated), limits);
      inflated += data.byteLength;
      entries.push({ path: e.name, bytes: data, error: null });
    }
  }
  return entries;
}

function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits): CentralEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  const u64 = (at: number): number => Number(view.getBigUint64(at, true));
  const corrupt = (what: string): ZipRefusedError => new ZipRefusedError(`not a readable zip archive: ${what}`);
  try {
    let end = -1;
    for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - 0xffff); at--) {
      if (u32(at) === END) {
        end = at;
        break;
      }
    }
    if (end < 0) throw corrupt('no end of central directory record');
    let count = u16(end + 10);
    let offset = u32(end + 16);
    if (end >= 20 && u32(end - 20) === END64_LOCATOR) {
      const end64 = u64(end - 12);
      if (u32(end64) !== END64) throw corrupt('bad zip64 end record');
      count = u64(end64 + 32);
      offset = u64(end64 + 48);
    }
    if (count > limits.maxEntries) throw new ZipRefusedError(`the archive has ${count} entries, more than the limit of ${limits.maxEntries}`);
    const entries: CentralEntry[] = [];
    for (let i = 0; i < count; i++) {
      if (u32(offset) !== CENTRAL) throw corrupt('bad central directory entry');
      const flags = u16(offset + 8);
      const nameLength = u16(offset + 28);
      const extraLength = u16(offset + 30);
      const commentLength = u16(offset + 32);
      const rawName = bytes.subarray(offset + 46, offset + 46 + nameLength);
      if (rawName.byteLength !== nameLength) throw corrupt('entry name past the end of the file');
      const name = new TextDecoder((flags & 0x800) !== 0 ? 'utf-8' : 'latin1').decode(rawName);
      let compressedSize = u32(offset + 20);
      let size = u32(offset + 24);
      let localOffset = u32(offset + 42);
      // Zip64: the fields that are 0xFFFFFFFF come from the extra field 0x0001, in this order.
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        let at = offset + 46 + nameLength;
        const stop = at + extraLength;
        for (; at + 4 <= stop; at += 4 + u16(at + 2)) {
          if (u16(at) !== 1) continue;
          let field = at + 4;
          if (size === 0xffffffff) {
            size = u64(field);
            field += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(field);
            field += 8;
          }
          if (localOffset === 0xffffffff) localOffset = u64(field);
          break;
        }
      }
      entries.push({ name, flags, method: u16(offset + 10), crc: u32(offset + 16), compressedSize, size, localOffset });
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } catch (e) {
    if (e instanceof ZipRefusedError) throw e;
    throw corrupt('the central directory runs past the end of the file');
  }
}

function inflateEntry(bytes: Uint8Array, e: CentralEntry, budget: number, limits: ZipLimits): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.localOffset + 30 > bytes.byteLength || view.getUint32(e.localOffset, true) !== LOCAL) {
    throw new ZipRefusedError('not a readable zip archive: bad local header', e.name);
  }
  const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (data.byteLength !== e.compressedSize) throw new ZipRefusedError('not a readable zip archive: entry data past the end of the file', e.name);

  let out: Uint8Array;
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw new ZipRefusedError('stored entry whose sizes disagree', e.name);
    out = data.slice();
  } else {
    const chunks: Uint8Array[] = [];
    let produced = 0;
    let over = false;
    const inflate = new Inflate((chunk) => {
      produced += chunk.byteLength;
      if (produced > budget) over = true;
      else chunks.push(chunk);
    });
    try {
      for (let at = 0; at < data.byteLength && !over; at += INFLATE_CHUNK) {
        inflate.push(data.subarray(at, at + INFLATE_CHUNK), at + INFLATE_CHUNK >= data.byteLength);
      }
      if (data.byteLength === 0) inflate.push(new Uint8Array(0), true);
    } catch (err) {
      throw new ZipRefusedError(`the entry cannot be inflated: ${err instanceof Error ? err.message : String(err)}`, e.name);
    }
    if (over) {
      throw new ZipRefusedError(
        produced > e.size
          ? `the entry inflates to more than its declared ${e.size} bytes (zip bomb?); stopped while inflating`
          : `the archive inflates to more than the limit of ${limits.maxTotalBytes} bytes; stopped while inflating`,
        e.name,
      );
    }
    out = new Uint8Array(produced);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
  }
  if (out.byteLength !== e.size) throw new ZipRefusedError(`the entry inflates to ${out.byteLength} bytes, not the ${e.size} it declares`, e.name);
  if ((crc32(out) >>> 0) !== e.crc) throw new ZipRefusedError('the entry is damaged (CRC-32 mismatch)', e.name);
  return out;
}

// ---- expanding the inputs of an import ----------------------------------------------------------------

export interface ContainerInput {
  name: string;
  bytes: Uint8Array;
}

/** What expandInputs() decided for an input before it is sniffed. */
export type PreOutcome =
  /** A zip archive that was opened: listed in the report (status imported, 0 messages); its entries follow. */
  | { status: 'imported'; errors: [] }
  | { status: 'rejected'; errors: FileError[] }
  | { status: 'unsupported'; errors: FileError[] };

interface Note {
  outcome: PreOutcome | null;
  warnings: { code: string; detail: string }[];
}

const notes = new WeakMap<object, Note>();

function noted<T extends ContainerInput>(input: T, outcome: PreOutcome | null, warnings: Note['warnings'] = []): T {
  notes.set(input, { outcome, warnings });
  return input;
}

/** Zips become the archive (listed) followed by its entries `archive.zip/path/in/zip.xml`; GGk envelopes
 *  become the message inside (`name#xmlBestand`); iJw 3.0/3.1 messages are mapped to 3.2. Order is kept. */
export function expandInputs(
  inputs: readonly ContainerInput[],
  options: { maxFileBytes?: number; zip?: Partial<ZipLimits> } = {},
): ContainerInput[] {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.zip };
  const out: ContainerInput[] = [];
  for (const input of inputs) {
    if (notes.has(input)) {
      out.push(input); // already decided (refusedUnread): nothing to open
      continue;
    }
    if (!looksLikeZip(input.name, input.bytes)) {
      out.push(expandFile(input, maxFileBytes));
      continue;
    }
    let entries: ZipEntry[];
    try {
      entries = readZip(input.bytes, limits, maxFileBytes);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      const where = e instanceof ZipRefusedError && e.entry !== null ? `entry ${e.entry}: ` : '';
      out.push(noted(input, { status: 'rejected', errors: [fileError(`zip archive ${input.name} refused, nothing imported from it: ${where}${reason}`, null, e instanceof ZipRefusedError ? e.entry : null)] }));
      continue;
    }
    out.push(noted(input, { status: 'imported', errors: [] }));
    for (const entry of entries) {
      const name = `${input.name}/${entry.path}`;
      if (entry.bytes === null) {
        out.push(noted({ name, bytes: new Uint8Array(0) }, { status: 'rejected', errors: [fileError(`zip archive ${input.name}, entry ${entry.path}: ${entry.error ?? 'not read'}`)] }));
      } else {
        out.push(expandFile({ name, bytes: entry.bytes }, maxFileBytes));
      }
    }
  }
  return out;
}

function expandFile(input: ContainerInput, maxFileBytes: number): ContainerInput {
  let current = input;
  const envelope = openEnvelope(input.name, input.bytes, maxFileBytes);
  if (envelope.kind === 'rejected') return noted(input, { status: 'rejected', errors: envelope.errors });
  if (envelope.kind === 'unsupported') return noted(input, { status: 'unsupported', errors: [fileError(envelope.reason)] }, [{ code: 'unsupported', detail: envelope.reason }]);
  if (envelope.kind === 'message') current = { name: envelope.name, bytes: envelope.bytes };

  const wmo = readWmo(current.bytes);
  if (wmo.kind === 'rejected') return noted(current, { status: 'rejected', errors: [wmo.error] });
  if (wmo.kind === 'wmo') return noted({ name: current.name, bytes: wmo.bytes }, null, wmo.warnings);
  const ns = mapNamespaces(current.bytes);
  if (ns.kind === 'rejected') return noted(current, { status: 'rejected', errors: [ns.error] });
  if (ns.kind === 'mapped') return noted({ name: current.name, bytes: ns.bytes }, null, [mappedWarning(ns.from)]);
  return current;
}

/** A file too large to be read at all (prepare.ts checks the listed size before reading): refused with empty
 *  bytes in its place, so a 2 GB file never reaches memory. Archives may be larger than one message. */
export function refusedUnread(name: string, size: number, limit: number): ContainerInput {
  const reason = `file is ${size} bytes, larger than the limit of ${limit} bytes; not read`;
  return noted({ name, bytes: new Uint8Array(0) }, { status: 'rejected', errors: [fileError(reason)] });
}

/** The largest file read whole: a message up to maxFileBytes, a zip archive up to the archive limit. */
export function readLimit(name: string, maxFileBytes: number, zip: Partial<ZipLimits> = {}): number {
  return /\.zip$/i.test(name) ? (zip.maxTotalBytes ?? DEFAULT_ZIP_LIMITS.maxTotalBytes) : maxFileBytes;
}

/** The outcome decided before sniffing, or null when the input is to be sniffed, validated and stored. */
export function preOutcome(input: ContainerInput): PreOutcome | null {
  return notes.get(input)?.outcome ?? null;
}

/** For importer.prepare(): an input with an outcome is not sniffed (its errors stand in for sniff's). */
export function preSniff(input: ContainerInput): SniffResult | null {
  const outcome = preOutcome(input);
  if (outcome === null) return null;
  return { ok: false, code: null, error: outcome.errors[0] ?? fileError(outcome.status === 'imported' ? 'zip archive (its entries are listed separately)' : outcome.status) };
}

/** Warnings about how the input was read (e.g. iJw 3.1 mapped to 3.2), to add to the report. */
export function preWarnings(input: ContainerInput): { code: string; detail: string }[] {
  return notes.get(input)?.warnings ?? [];
}
