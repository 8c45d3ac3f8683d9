// XSD validation against the official iJw 3.2 schemas with xmllint (libxml2 compiled to WebAssembly:
// offline, no network, no external entities). Each call starts a worker and compiles the schemas
// (~0.2-1 s), so all files of an import are validated together (~1 ms per message after that).
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { validateXML, memoryPages } from 'xmllint-wasm';
import { fileError, type FileError } from './errors.js';
import { deriveBaseSchema, deriveMessageSchema, isWmoCode, JW_OF, WMO_BASE_SCHEMA, WMO_CODES } from './iwmo.js';
import { KNOWN_CODES } from './sniff.js';
import type { Xmllint } from './xmllint-thread.js';

const XSD_DIR = new URL('./xsd/', import.meta.url);
/** The name every message XSD imports (`schemaLocation="basisschema.xsd"`). */
export const BASE_SCHEMA = 'basisschema.xsd';

/** The documented fixes applied to the reference XSDs (reference/ijw/SOURCES.md, quirks 1 and 2):
 *  drop the Markdown line before `<?xml`; the base schema is stored under its lower-case import name.
 *  Also: web addresses in xs:documentation text are dropped — they are prose, never fetched, but the app
 *  ships no remote address at all. */
export function fixReferenceXsd(text: string): string {
  const start = text.indexOf('<?xml');
  const xml = start > 0 ? text.slice(start) : text;
  return xml.replace(/<xs:documentation>[^<]*<\/xs:documentation>/g, (doc) => doc.replace(/https?:\/\/[^\s)<]+/g, '(webadres weggelaten)'));
}
export function xsdFileName(referenceName: string): string {
  return referenceName === 'Basisschema.xsd' ? BASE_SCHEMA : referenceName;
}

// The schemas as bytes, read once: xmllint-wasm copies bytes into its file system as they are, while a string
// is encoded to UTF-8 character by character in JavaScript on every call (~220 KB of XSD each time).
const schemaCache = new Map<string, Uint8Array>();
function schemaBytes(name: string): Uint8Array {
  let bytes = schemaCache.get(name);
  if (bytes === undefined) {
    const derived = name === DRIVER ? driverSchema() : name === WMO_DRIVER ? wmoDriverSchema() : wmoSchema(name);
    bytes = derived !== null ? new TextEncoder().encode(derived) : new Uint8Array(readFileSync(new URL(name, XSD_DIR)));
    schemaCache.set(name, bytes);
  }
  return bytes;
}

// One schema that imports every message XSD. The root element's namespace then selects the
// declaration, so each file is still checked against the XSD of its own message type (sniff.ts has
// already made sure the root is {…/jwNNN/schema}Bericht of a known type), but files of all types share
// one xmllint call instead of paying a worker start per type.
const DRIVER = 'ijw-3.2-messages.xsd';
function driverSchema(): string {
  const imports = KNOWN_CODES.map(
    (code) => `  <xs:import namespace="http://www.istandaarden.nl/ijw/3_2/${code.toLowerCase()}/schema" schemaLocation="${code}.xsd"/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${imports.join('\n')}\n</xs:schema>\n`;
}

// iWmo messages (iwmo.ts) get a driver of their own with schemas derived from the iJw ones, so an import of
// iJw files alone compiles exactly what it did before.
const WMO_DRIVER = 'iwmo-3.x-messages.xsd';
function wmoDriverSchema(): string {
  const imports = WMO_CODES.map(
    (code) => `  <xs:import namespace="http://www.istandaarden.nl/iwmo/3_2/${code.toLowerCase()}/schema" schemaLocation="${code}.xsd"/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${imports.join('\n')}\n</xs:schema>\n`;
}
function wmoSchema(name: string): string | null {
  const read = (file: string) => readFileSync(new URL(file, XSD_DIR), 'utf8');
  if (name === WMO_BASE_SCHEMA) return deriveBaseSchema(read(BASE_SCHEMA));
  const code = name.replace(/\.xsd$/, '');
  return isWmoCode(code) ? deriveMessageSchema(code, read(`${JW_OF[code]}.xsd`)) : null;
}
const SCHEMA_SETS = {
  ijw: { driver: DRIVER, preload: [BASE_SCHEMA, ...KNOWN_CODES.map((c) => `${c}.xsd`)] },
  iwmo: { driver: WMO_DRIVER, preload: [WMO_BASE_SCHEMA, ...WMO_CODES.map((c) => `${c}.xsd`)] },
};
type SchemaSet = (typeof SCHEMA_SETS)[keyof typeof SCHEMA_SETS];
/** An iWmo message (sniff.ts accepted its root {…/iwmo/3_2/wmoNNN/schema}Bericht); looked for in the prolog. */
function isWmoDocument(doc: Uint8Array): boolean {
  const head = Buffer.from(doc.buffer, doc.byteOffset, Math.min(doc.byteLength, 4096));
  return head.includes('istandaarden.nl/iwmo/3_2/wmo');
}

// With validateXML (a worker per call): enough per call to amortise the worker start, small enough to stay
// well inside wasm memory; each call is a worker thread busy on one core, more calls than cores only adds
// start-up cost.
const WORKER_CALLS = { bytes: 8 * 1024 * 1024, files: 2000, parallel: Math.max(1, Math.min(4, availableParallelism())) };
// In an import worker's own thread (xmllint-thread.ts): one call at a time, the thread is the worker.
const THREAD_CALLS = { bytes: 8 * 1024 * 1024, files: 2000, parallel: 1 };

/** One document's outcome. `clean`: it validates and xmllint said nothing else about it (no warning, no
 *  namespace error), so no parser would find fault with it either (prepare.ts then skips sniff's own parse). */
export interface Verdict {
  errors: FileError[];
  clean: boolean;
}

/** Validates each document (an iJw 3.2 message, as accepted by sniff()) against its message type's XSD.
 *  Returns the errors per document, in input order; an empty list means valid. `xmllint` runs the calls
 *  (default: xmllint-wasm's validateXML, a worker per call; the import workers pass their in-thread one). */
export async function validateMessages(documents: readonly Uint8Array[], xmllint?: Xmllint): Promise<FileError[][]> {
  return (await validateDocuments(documents, xmllint)).map((v) => v.errors);
}

/** validateMessages() with each document's Verdict. */
export async function validateDocuments(documents: readonly Uint8Array[], xmllint?: Xmllint): Promise<Verdict[]> {
  const run: Xmllint = xmllint ?? validateXML;
  const { bytes: MAX_BATCH_BYTES, files: MAX_BATCH_FILES, parallel: PARALLEL_CALLS } = xmllint ? THREAD_CALLS : WORKER_CALLS;
  const results: Verdict[] = documents.map(() => ({ errors: [], clean: false }));
  const chunks: { set: SchemaSet; docs: number[] }[] = [];
  for (const set of [SCHEMA_SETS.ijw, SCHEMA_SETS.iwmo]) {
    let current: number[] = [];
    let bytes = 0;
    documents.forEach((doc, i) => {
      if ((set === SCHEMA_SETS.iwmo) !== isWmoDocument(doc)) return;
      if (current.length > 0 && (bytes + doc.byteLength > MAX_BATCH_BYTES || current.length >= MAX_BATCH_FILES)) {
        chunks.push({ set, docs: current });
        current = [];
        bytes = 0;
      }
      current.push(i);
      bytes += doc.byteLength;
    });
    if (current.length > 0) chunks.push({ set, docs: current });
  }

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      const verdicts = await validateChunk(chunk.docs.map((i) => documents[i]!), run, chunk.set);
      chunk.docs.forEach((docIndex, k) => (results[docIndex] = verdicts[k]!));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CALLS, chunks.length) }, worker));
  return results;
}

async function validateChunk(files: Uint8Array[], run: Xmllint, set: SchemaSet = SCHEMA_SETS.ijw): Promise<Verdict[]> {
  try {
    const result = await run({
      // Internal names only: the user's file names never reach xmllint's command line.
      xml: files.map((contents, i) => ({ fileName: `m${i}.xml`, contents })),
      schema: { fileName: set.driver, contents: schemaBytes(set.driver) },
      preload: set.preload.map((name) => ({ fileName: name, contents: schemaBytes(name) })),
      maxMemoryPages: memoryPages.GiB,
    });
    return verdictsOf(result.rawOutput, files.length);
  } catch (e) {
    // xmllint gives up on the whole call when one document is unreadable; find out which one by halving,
    // one call at a time: a worker per file at once would start thousands of schema compilations.
    if (files.length > 1) {
      const mid = files.length >> 1;
      return [...(await validateChunk(files.slice(0, mid), run, set)), ...(await validateChunk(files.slice(mid), run, set))];
    }
    const message = e instanceof Error ? e.message : String(e);
    const parsed = splitOutput(message, 1)[0]!;
    const located = parsed.filter((err) => err.line !== null);
    return [{ errors: located.length > 0 ? located : [fileError(`XSD validation failed: ${message.trim() || 'unknown error'}`)], clean: false }];
  }
}

/** xmllint writes `mN.xml:LINE: <message>` per error and `mN.xml validates` / `mN.xml fails to validate`
 *  per file; turn that into {line, element, reason} per file. */
export function splitOutput(raw: string, count: number): FileError[][] {
  return verdictsOf(raw, count).map((v) => v.errors);
}

function verdictsOf(raw: string, count: number): Verdict[] {
  const errors: FileError[][] = Array.from({ length: count }, () => []);
  const done = new Array<'validates' | 'fails to validate' | null>(count).fill(null);
  for (const line of raw.split('\n')) {
    const located = /^m(\d+)\.xml:(\d+): (.*)$/.exec(line);
    if (located) {
      const i = Number(located[1]);
      if (i < count) errors[i]!.push(toFileError(Number(located[2]), located[3]!));
      continue;
    }
    const verdict = /^m(\d+)\.xml (validates|fails to validate)$/.exec(line.trim());
    if (verdict && Number(verdict[1]) < count) done[Number(verdict[1])] = verdict[2] as 'validates' | 'fails to validate';
  }
  return done.map((verdict, i) => {
    // A file that validates may still have drawn parser warnings (e.g. XML version 1.1); they do not reject it.
    if (verdict === 'validates') return { errors: [], clean: errors[i]!.length === 0 };
    if (verdict === null && errors[i]!.length === 0) errors[i]!.push(fileError('XSD validation did not complete for this file'));
    return { errors: errors[i]!, clean: false };
  });
}

function toFileError(line: number, message: string): FileError {
  const body = message.replace(/^Schemas validity error : /, '').replace(/^parser error : /, 'not well-formed XML: ');
  const element = /^Element '(?:\{[^}]*\})?([^']+)'(?:, attribute '([^']+)')?: (.*)$/.exec(body);
  if (!element) return fileError(stripNamespaces(body), line);
  const name = element[2] ? `${element[1]}@${element[2]}` : element[1]!;
  return fileError(stripNamespaces(element[3]!), line, name);
}

function stripNamespaces(text: string): string {
  return text.replace(/\{[^}]*\}/g, '').trim();
}
