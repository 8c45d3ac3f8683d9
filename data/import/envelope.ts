// The GGk envelope (StUF-GGk 0210, reference/ijw/SOURCES.md §4): the municipal hub (Gemeentelijk
// Gegevensknooppunt) wraps each iJw message in envelopHeenbericht-ggk_Di01 / envelopRetourbericht-ggk_Du01,
// base64 in GGK:parameters/GGK:bericht/GGK:xmlBestand, or a non-XML file in GGK:tekstBestand. The envelope is
// opened here and the inner message goes on as if it were a file of its own; the envelope is not stored.
import { SaxesParser } from 'saxes';
import { fileError, type FileError } from './errors.js';

export const GGK_NAMESPACE = 'http://www.stufstandaarden.nl/koppelvlak/ggk0210';
export const STUF_NAMESPACE = 'http://www.egem.nl/StUF/StUF0301';

export type EnvelopeResult =
  /** Not a GGk/StUF document: read it as a message. */
  | { kind: 'none' }
  /** The iJw message inside (still to be sniffed and validated like any file). */
  | { kind: 'message'; name: string; bytes: Uint8Array }
  | { kind: 'rejected'; errors: FileError[] }
  | { kind: 'unsupported'; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Cheap test first (the namespace URIs as bytes), so ordinary messages are not parsed twice. */
function mayBeEnvelope(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buf.includes('stufstandaarden.nl/koppelvlak/ggk') || buf.includes('egem.nl/StUF/StUF');
}

export function openEnvelope(name: string, bytes: Uint8Array, maxBytes: number): EnvelopeResult {
  if (!mayBeEnvelope(bytes)) return { kind: 'none' };
  // base64 makes the message a third larger; the inner message gets the ordinary limit in sniff().
  const envelopeLimit = Math.ceil((maxBytes * 4) / 3) + 64 * 1024;
  if (bytes.byteLength > envelopeLimit) {
    return { kind: 'rejected', errors: [fileError(`GGk envelope is ${bytes.byteLength} bytes, larger than the limit of ${envelopeLimit} bytes`)] };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { kind: 'none' }; // sniff() gives the usual "not valid UTF-8" error
  }

  const parser = new SaxesParser({ xmlns: true, position: true });
  let failure: FileError | null = null;
  let root: { local: string; uri: string } | null = null;
  const path: string[] = [];
  const payloads: { element: 'xmlBestand' | 'tekstBestand'; line: number; text: string; fileName: string | null }[] = [];
  let current: (typeof payloads)[number] | null = null;
  parser.on('doctype', () => {
    failure ??= fileError('a DOCTYPE declaration is not allowed (DTDs and external entities are refused)', parser.line);
  });
  parser.on('opentag', (tag) => {
    root ??= { local: tag.local, uri: tag.uri };
    path.push(tag.uri === GGK_NAMESPACE ? tag.local : `{${tag.uri}}${tag.local}`);
    const inBericht = path.length === 4 && path[1] === 'parameters' && path[2] === 'bericht';
    if (inBericht && (tag.local === 'xmlBestand' || tag.local === 'tekstBestand') && tag.uri === GGK_NAMESPACE) {
      const fileName = tag.attributes['bestandsnaam'];
      current = { element: tag.local, line: parser.line, text: '', fileName: typeof fileName === 'object' ? fileName.value : null };
      payloads.push(current);
    }
  });
  parser.on('text', (t) => {
    if (current && path.length === 4) current.text += t;
  });
  parser.on('cdata', (t) => {
    if (current && path.length === 4) current.text += t;
  });
  parser.on('closetag', () => {
    if (path.length === 4) current = null;
    path.pop();
  });
  parser.on('error', (err) => {
    failure ??= fileError(`not well-formed XML: ${err.message.replace(/^[^:]*:\d+:\d+: /, '')}`, parser.line);
  });
  parser.write(text).close();

  const found = root as { local: string; uri: string } | null;
  if (found === null) return { kind: 'none' };
  if (found.uri === STUF_NAMESPACE) {
    return { kind: 'unsupported', reason: `a StUF ${found.local.replace(/Bericht$/, '')} message (GGk status/fault message), not an iJw message` };
  }
  if (found.uri !== GGK_NAMESPACE) return { kind: 'none' };
  if (failure) return { kind: 'rejected', errors: [failure] };
  if (!found.local.startsWith('envelop')) {
    return { kind: 'unsupported', reason: `GGk message ${found.local} is not an envelope around an iJw message` };
  }
  if (payloads.length !== 1) {
    return {
      kind: 'rejected',
      errors: [fileError(`GGk envelope ${found.local} must hold exactly one parameters/bericht/xmlBestand (found ${payloads.length} xmlBestand/tekstBestand)`)],
    };
  }
  const payload = payloads[0]!;
  if (payload.element === 'tekstBestand') {
    const file = payload.fileName ? ` "${payload.fileName}"` : '';
    return { kind: 'unsupported', reason: `GGk envelope with a tekstBestand${file}: the text variant carries no iJw XML message and is not supported` };
  }
  const encoded = payload.text.replace(/\s+/g, '');
  if (encoded.length === 0) return { kind: 'rejected', errors: [fileError('GGk envelope: xmlBestand is empty', payload.line, 'xmlBestand')] };
  if (encoded.length % 4 !== 0 || !BASE64.test(encoded)) {
    return { kind: 'rejected', errors: [fileError('GGk envelope: xmlBestand is not valid base64', payload.line, 'xmlBestand')] };
  }
  const inner = new Uint8Array(Buffer.from(encoded, 'base64'));
  const start = inner[0] === 0xef && inner[1] === 0xbb && inner[2] === 0xbf ? 3 : 0;
  const first = inner.subarray(start, start + 64).findIndex((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);
  if (first < 0 || inner[start + first] !== 0x3c /* < */) {
    return { kind: 'rejected', errors: [fileError('GGk envelope: the decoded xmlBestand is not an XML document, so not an iJw message', payload.line, 'xmlBestand')] };
  }
  if (mayBeEnvelope(inner) && openEnvelope(name, inner, maxBytes).kind !== 'none') {
    return { kind: 'rejected', errors: [fileError('GGk envelope inside a GGk envelope is not supported', payload.line, 'xmlBestand')] };
  }
  return { kind: 'message', name: `${name}#xmlBestand`, bytes: inner };
}
