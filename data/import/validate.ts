// XSD validation against the official iJw 3.2 schemas with xmllint (libxml2 compiled to WebAssembly:
// offline, no network, no external entities). Each call starts a worker (~150 ms), so files of one
// message type are validated together in one call (~1 ms per message after that).
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { validateXML, memoryPages } from 'xmllint-wasm';
import { fileError, type FileError } from './errors.js';
import type { MessageCode } from './sniff.js';

const XSD_DIR = new URL('./xsd/', import.meta.url);
/** The name every message XSD imports (`schemaLocation="basisschema.xsd"`). */
export const BASE_SCHEMA = 'basisschema.xsd';

/** The documented fixes applied to the reference XSDs (reference/ijw/SOURCES.md, quirks 1 and 2):
 *  drop the Markdown line before `<?xml`; the base schema is stored under its lower-case import name. */
export function fixReferenceXsd(text: string): string {
  const start = text.indexOf('<?xml');
  return start > 0 ? text.slice(start) : text;
}
export function xsdFileName(referenceName: string): string {
  return referenceName === 'Basisschema.xsd' ? BASE_SCHEMA : referenceName;
}

const schemaCache = new Map<string, string>();
function schemaText(name: string): string {
  let text = schemaCache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(name, XSD_DIR), 'utf8');
    schemaCache.set(name, text);
  }
  return text;
}

export interface ValidationInput {
  code: MessageCode;
  bytes: Uint8Array;
}

// Enough per call to amortise the worker start, small enough to stay well inside wasm memory.
const MAX_BATCH_BYTES = 8 * 1024 * 1024;
const MAX_BATCH_FILES = 2000;
// Each call is a worker thread busy on one core; more calls than cores only adds start-up cost.
const PARALLEL_CALLS = Math.max(1, Math.min(4, availableParallelism()));

/** Validates every input against the XSD of its own message type. Returns the errors per input, in
 *  input order; an empty list means valid. */
export async function validateMessages(inputs: readonly ValidationInput[]): Promise<FileError[][]> {
  const results: FileError[][] = inputs.map(() => []);
  const chunks: { code: MessageCode; indexes: number[] }[] = [];
  const byCode = new Map<MessageCode, number[]>();
  inputs.forEach((input, i) => {
    const list = byCode.get(input.code) ?? [];
    list.push(i);
    byCode.set(input.code, list);
  });
  for (const [code, indexes] of byCode) {
    let current: number[] = [];
    let bytes = 0;
    for (const i of indexes) {
      const size = inputs[i]!.bytes.byteLength;
      if (current.length > 0 && (bytes + size > MAX_BATCH_BYTES || current.length >= MAX_BATCH_FILES)) {
        chunks.push({ code, indexes: current });
        current = [];
        bytes = 0;
      }
      current.push(i);
      bytes += size;
    }
    if (current.length > 0) chunks.push({ code, indexes: current });
  }

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      const errors = await validateChunk(chunk.code, chunk.indexes.map((i) => inputs[i]!.bytes));
      chunk.indexes.forEach((inputIndex, k) => (results[inputIndex] = errors[k]!));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CALLS, chunks.length) }, worker));
  return results;
}

async function validateChunk(code: MessageCode, files: Uint8Array[]): Promise<FileError[][]> {
  try {
    const result = await validateXML({
      // Internal names only: the user's file names never reach xmllint's command line.
      xml: files.map((contents, i) => ({ fileName: `m${i}.xml`, contents })),
      schema: { fileName: `${code}.xsd`, contents: schemaText(`${code}.xsd`) },
      preload: [{ fileName: BASE_SCHEMA, contents: schemaText(BASE_SCHEMA) }],
      maxMemoryPages: memoryPages.GiB,
    });
    return splitOutput(result.rawOutput, files.length);
  } catch (e) {
    // xmllint gives up on the whole call when one document is unreadable; find out which one.
    if (files.length > 1) {
      const single = await Promise.all(files.map((f) => validateChunk(code, [f])));
      return single.map((r) => r[0]!);
    }
    const message = e instanceof Error ? e.message : String(e);
    const parsed = splitOutput(message, 1)[0]!;
    return [parsed.length > 0 ? parsed : [fileError(`XSD validation failed: ${message.trim() || 'unknown error'}`)]];
  }
}

/** xmllint writes `mN.xml:LINE: <message>` per error and `mN.xml validates` / `mN.xml fails to validate`
 *  per file; turn that into {line, element, reason} per file. */
export function splitOutput(raw: string, count: number): FileError[][] {
  const errors: FileError[][] = Array.from({ length: count }, () => []);
  const done = new Array<boolean>(count).fill(false);
  for (const line of raw.split('\n')) {
    const located = /^m(\d+)\.xml:(\d+): (.*)$/.exec(line);
    if (located) {
      const i = Number(located[1]);
      if (i < count) errors[i]!.push(toFileError(Number(located[2]), located[3]!));
      continue;
    }
    const verdict = /^m(\d+)\.xml (validates|fails to validate)$/.exec(line.trim());
    if (verdict && Number(verdict[1]) < count) done[Number(verdict[1])] = true;
  }
  done.forEach((finished, i) => {
    if (!finished && errors[i]!.length === 0) errors[i]!.push(fileError('XSD validation did not complete for this file'));
  });
  return errors;
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
