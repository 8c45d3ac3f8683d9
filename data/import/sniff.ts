// First look at a file before anything trusts it: size, UTF-8, well-formedness, no DTD, and which iJw
// message it claims to be (by the root element's namespace). Runs before XSD validation so that the
// validator only ever sees well-formed documents of a known type.
import { SaxesParser } from 'saxes';
import { fileError, type FileError } from './errors.js';

/** Message types we have an official XSD for (data/import/xsd/JWnnn.xsd). */
export const KNOWN_CODES = [
  'JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW315', 'JW316', 'JW317', 'JW318', 'JW319', 'JW320', 'JW323',
  'JW325',
] as const;
export type MessageCode = (typeof KNOWN_CODES)[number];

const ROOT_NAMESPACE = /^http:\/\/www\.istandaarden\.nl\/ijw\/3_2\/(jw\d{3})\/schema$/;
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

export type SniffResult = { ok: true; code: MessageCode; text: string } | { ok: false; code: MessageCode | null; error: FileError };

function isKnownCode(code: string): code is MessageCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

export function sniff(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): SniffResult {
  if (bytes.byteLength > maxBytes) {
    return { ok: false, code: null, error: fileError(`file is ${bytes.byteLength} bytes, larger than the limit of ${maxBytes} bytes`) };
  }
  if (bytes.byteLength === 0) return { ok: false, code: null, error: fileError('file is empty, not an XML message') };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, code: null, error: fileError('not an XML message: the file is not valid UTF-8 text') };
  }

  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: { local: string; uri: string; line: number } | null = null;
  let failure: FileError | null = null;
  parser.on('doctype', () => {
    // A DTD can define entities that read local files or expand without bound; iJw never uses one.
    failure ??= fileError('a DOCTYPE declaration is not allowed (DTDs and external entities are refused)', parser.line);
  });
  parser.on('xmldecl', (decl) => {
    // The text was decoded as UTF-8; a document that says otherwise would be read differently by xmllint.
    if (decl.encoding !== undefined && !/^utf-?8$/i.test(decl.encoding)) {
      failure ??= fileError(`the file declares encoding ${decl.encoding}; iJw messages must be UTF-8`, parser.line);
    }
  });
  parser.on('opentag', (tag) => {
    root ??= { local: tag.local, uri: tag.uri, line: parser.line };
  });
  parser.on('error', (err) => {
    failure ??= fileError(`not well-formed XML: ${err.message.replace(/^[^:]*:\d+:\d+: /, '')}`, parser.line);
  });
  parser.write(text).close();
  // `root` is assigned inside callbacks, which TypeScript's flow analysis cannot see.
  const found = root as { local: string; uri: string; line: number } | null;

  if (failure) return { ok: false, code: null, error: failure };
  if (!found) return { ok: false, code: null, error: fileError('not an XML message: no root element') };
  const match = ROOT_NAMESPACE.exec(found.uri);
  const code = match ? match[1]!.toUpperCase() : null;
  if (found.local !== 'Bericht' || code === null || !isKnownCode(code)) {
    const ns = found.uri ? `{${found.uri}}` : '';
    return {
      ok: false,
      code: null,
      error: fileError(
        `unknown root element ${ns}${found.local}: expected an iJw 3.2 Bericht in namespace http://www.istandaarden.nl/ijw/3_2/jwNNN/schema`,
        found.line,
        found.local,
      ),
    };
  }
  return { ok: true, code, text };
}
